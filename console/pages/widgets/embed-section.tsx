/** @module Where the widget may run: the sites allowed to take bookings (the snippet is beside the preview). */
import { h } from "preact";
import type { SectionProps } from "./editor-section.js";
import { ListInput } from "./list-input.js";

/** Allowed origins. */
export function EmbedSection({ draft, change, errors }: SectionProps) {
  return (
    <section class="card editor-section" aria-labelledby="embed-title" id="embed">
      <h2 id="embed-title" class="card-head">
        On your website
      </h2>
      <div class="card-body stack">
        <ListInput
          legend="Sites that may take bookings"
          hint="Each as https://your.site (no path). * allows any site."
          path="allowedOrigins"
          type="url"
          placeholder="https://your.site"
          values={draft.allowedOrigins}
          errors={errors}
          itemLabel={(n) => `Allowed site ${n}`}
          addLabel="Add a site"
          max={50}
          onValues={(allowedOrigins) => change({ allowedOrigins })}
        />
      </div>
    </section>
  );
}
