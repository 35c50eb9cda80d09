/** @module The console's buttons: one look per intent, a busy state that keeps the label, icons beside text. */
import { type ComponentChildren, h } from "preact";

/** What a button is for: `primary` the page's main action, `danger` what cannot be undone, `ghost` a quiet one. */
export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";

interface ButtonProps {
  children: ComponentChildren;
  variant?: ButtonVariant;
  size?: "sm" | "md";
  type?: "button" | "submit";
  /** Shows a spinner and disables the button while an action runs; the label stays so its name does not change. */
  busy?: boolean;
  disabled?: boolean;
  onClick?: (event: MouseEvent) => void;
  /** Why a disabled button is disabled (a viewer's write), as a tooltip and description. */
  title?: string;
  class?: string;
  "aria-label"?: string;
  "aria-expanded"?: boolean;
  "aria-controls"?: string;
  "aria-pressed"?: boolean;
  form?: string;
}

/** A `<button>`; type "button" unless told, so it never submits a form by accident. */
export function Button({
  children,
  variant = "secondary",
  size = "md",
  type = "button",
  busy = false,
  disabled = false,
  class: extra,
  ...rest
}: ButtonProps) {
  const classes = ["btn", `btn-${variant}`, size === "sm" ? "btn-sm" : "", busy ? "is-busy" : "", extra ?? ""];
  return (
    <button
      type={type}
      class={classes.filter(Boolean).join(" ")}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      {...rest}
    >
      {busy && <span class="spinner spinner-sm" aria-hidden="true" />}
      {children}
    </button>
  );
}

/** A link that looks like a button (CSV download, a way to another page). */
export function ButtonLink({
  href,
  children,
  variant = "secondary",
  size = "md",
  download,
}: {
  href: string;
  children: ComponentChildren;
  variant?: ButtonVariant;
  size?: "sm" | "md";
  download?: boolean | string;
}) {
  return (
    <a href={href} class={`btn btn-${variant}${size === "sm" ? " btn-sm" : ""}`} download={download}>
      {children}
    </a>
  );
}
