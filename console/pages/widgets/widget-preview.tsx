/**
 * @module The live preview beside the editor: the real widget showing the unsaved draft as a visitor would see it,
 * with the widget's own upcoming slots (sample times when it has none), and a note when its booking was refused.
 */
import { h } from "preact";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { Slot } from "../../../sdk/schemas/slot.js";
import type { Widget } from "../../../sdk/schemas/widget-admin.js";
import { Button } from "../../ui/button.js";
import { type MountedPreview, mountPreview } from "./mount-preview.js";
import { PREVIEW_REFUSAL, previewClient } from "./preview-client.js";
import { previewConfig } from "./preview-config.js";
import { sampleSlots } from "./preview-slots.js";
import type { WidgetDraft } from "./widget-draft.js";

/** The preview of `draft`; `slots` are the widget's upcoming ones as the public list shows them. */
export function WidgetPreview({ draft, saved, slots }: { draft: WidgetDraft; saved: Widget; slots: Slot[] }) {
  const host = useRef<HTMLDivElement>(null);
  const mounted = useRef<MountedPreview>();
  const [refused, setRefused] = useState(false);
  const sample = slots.length === 0;
  const shown = useMemo(
    () => (sample ? sampleSlots(new Date(), draft.timezone) : slots),
    [sample, slots, draft.timezone],
  );
  const config = useMemo(() => previewConfig(draft, saved), [draft, saved]);
  const client = useMemo(
    () => previewClient({ config, slots: shown, onBook: () => setRefused(true) }),
    [config, shown],
  );

  useEffect(() => {
    mounted.current = mountPreview(host.current!, client);
    return () => mounted.current?.unmount();
  }, []);
  useEffect(() => mounted.current?.update(client), [client]);

  return (
    <section class="preview card" aria-labelledby="preview-title">
      <div class="card-head">
        <div>
          <h2 id="preview-title">Preview</h2>
          <p>As visitors see it, with your unsaved changes.</p>
        </div>
        <Button
          size="sm"
          variant="ghost"
          onClick={() => {
            setRefused(false);
            mounted.current?.restart();
          }}
        >
          Start over
        </Button>
      </div>
      <div class="preview-body">
        {sample && (
          <p class="notice preview-note">
            Sample times: this widget has no upcoming slots yet. Add them on the Slots page.
          </p>
        )}
        <div role="status" aria-live="polite">
          {refused && <p class="notice notice-warning preview-note">{PREVIEW_REFUSAL}</p>}
        </div>
        <div ref={host} class="preview-host" data-testid="preview-host" />
      </div>
    </section>
  );
}
