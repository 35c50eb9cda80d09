/** @module A loading indicator with a name for screen readers. */
import { h } from "preact";

/** A spinner with `label` read out (and shown beside it unless `quiet`). */
export function Spinner({ label = "Loading", quiet = false }: { label?: string; quiet?: boolean }) {
  return (
    <div class="spinner-row" role="status">
      <span class="spinner" aria-hidden="true" />
      <span class={quiet ? "visually-hidden" : "muted"}>{label}…</span>
    </div>
  );
}
