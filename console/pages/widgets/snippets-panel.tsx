/**
 * @module The snippet to paste, per mode (inline, popup, floating), the same text `slotbook snippet` prints, with a
 * copy button; where the browser refuses the clipboard, the text is selected for the marketer to copy.
 */
import { h } from "preact";
import { useId, useRef, useState } from "preact/hooks";
import { SNIPPET_MODES, type SnippetMode, snippet } from "../../../widget/embed-snippets.js";
import { Button } from "../../ui/button.js";
import { ChoiceGroup } from "../../ui/choice-group.js";
import { toast } from "../../ui/toast.js";

const MODES: Record<SnippetMode, { label: string; hint: string }> = {
  inline: { label: "Inline", hint: "The form sits in your page, where you paste it." },
  popup: { label: "Popup", hint: "A button that opens the form in a dialog; any element with the attribute works." },
  floating: { label: "Floating button", hint: "A button in the corner of every page you paste it on." },
};

/**
 * Copies `text`; true when it reached the clipboard. Falls back to the old `execCommand("copy")` on the selected
 * textarea (plain http, older browsers).
 */
export async function copyText(text: string, area: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    area?.focus();
    area?.select();
    try {
      return document.execCommand("copy");
    } catch {
      return false;
    }
  }
}

/** The snippets of a saved widget. */
export function SnippetsPanel({ widgetId, title }: { widgetId: string; title: string }) {
  const [mode, setMode] = useState<SnippetMode>("inline");
  const area = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  // The console is served by the server the widget calls, so its origin is where widget.js is.
  const text = snippet(mode, { widgetId, publicUrl: location.origin, buttonText: title.trim() || undefined });
  const copy = async () => {
    if (await copyText(text, area.current)) toast(`${MODES[mode].label} snippet copied`);
    else toast("The browser did not allow copying. The snippet is selected: press Ctrl+C (⌘C on a Mac).", "error");
  };
  return (
    <div class="snippets stack-sm">
      <ChoiceGroup
        legend="How it shows on your site"
        value={mode}
        onValue={setMode}
        choices={SNIPPET_MODES.map((m) => ({ value: m, label: MODES[m].label, hint: MODES[m].hint }))}
      />
      <label class="field-label" for={id}>
        {MODES[mode].label} snippet
      </label>
      <textarea
        id={id}
        ref={area}
        class="input input-mono snippet-text"
        readOnly
        rows={text.split("\n").length}
        value={text}
        onFocus={(e) => (e.currentTarget as HTMLTextAreaElement).select()}
      />
      <div class="row">
        <Button variant="primary" size="sm" onClick={copy}>
          Copy snippet
        </Button>
        <span class="muted small">Paste it into your site's HTML where the form should go.</span>
      </div>
    </div>
  );
}
