/** @module A button that copies a text (a snippet, a secret, an invite link) and says it did. */
import { h } from "preact";
import { useId, useState } from "preact/hooks";
import { Button } from "./button.js";
import { toast } from "./toast.js";

/** Copies `text`; `label` names what ("Copy link"). Falls back to selecting it when the clipboard is not allowed. */
export function CopyButton({
  text,
  label = "Copy",
  size = "sm",
}: {
  text: string;
  label?: string;
  size?: "sm" | "md";
}) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      toast("Copied to the clipboard");
      setTimeout(() => setCopied(false), 2000);
    } catch {
      toast("The browser did not allow copying. Select the text and copy it yourself.", "error");
    }
  };
  return (
    <Button size={size} onClick={copy} aria-label={copied ? `${label}: copied` : label}>
      {copied ? "Copied" : label}
    </Button>
  );
}

/** A one-time value (secret, link) in a labelled read-only input, selected on focus, with its copy button. */
export function SecretBox({ value, label }: { value: string; label: string }) {
  const id = useId();
  return (
    <div class="secret">
      <label class="field-label" for={id}>
        {label}
      </label>
      <div class="secret-row">
        <input
          id={id}
          class="input input-mono"
          readOnly
          value={value}
          onFocus={(e) => (e.currentTarget as HTMLInputElement).select()}
        />
        <CopyButton text={value} label="Copy" size="md" />
      </div>
    </div>
  );
}
