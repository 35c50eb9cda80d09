/** @module Notices inside a page: a load error with a retry, or a note (info, warning). */
import { type ComponentChildren, h } from "preact";
import { describeError } from "../api.js";
import { Button } from "./button.js";

/** A failed load, in the server's words, with a way to try again. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div class="notice notice-error" role="alert">
      <p>{describeError(error)}</p>
      {onRetry && (
        <Button size="sm" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}

/** A note: `info` (grey-blue), `warning` (amber), `success` (green). */
export function Notice({
  kind = "info",
  children,
}: {
  kind?: "info" | "warning" | "success";
  children: ComponentChildren;
}) {
  return <div class={`notice notice-${kind}`}>{children}</div>;
}

/** A small status label: `good` (confirmed, delivered), `bad` (failed), `warn` (pending), `muted` (cancelled). */
export function Badge({
  tone = "muted",
  children,
}: {
  tone?: "good" | "bad" | "warn" | "muted" | "info";
  children: ComponentChildren;
}) {
  return <span class={`badge badge-${tone}`}>{children}</span>;
}
