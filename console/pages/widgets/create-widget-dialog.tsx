/**
 * @module "New widget": a dialog that asks only for the title (every other setting has a default and is edited
 * next, in the editor), in the browser's time zone.
 */
import { Fragment, h } from "preact";
import { useState } from "preact/hooks";
import { SlotbookError } from "../../../sdk/errors/slotbook-error.js";
import type { Widget } from "../../../sdk/schemas/widget-admin.js";
import { api, describeError } from "../../api.js";
import { Button } from "../../ui/button.js";
import { Modal } from "../../ui/dialog.js";
import { TextField } from "../../ui/field.js";
import { issuesByPath } from "./widget-patch.js";

/** The browser's IANA time zone: the marketer's own is the likeliest for their classes. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** The dialog; `onCreated` gets the new widget. */
export function CreateWidgetDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (widget: Widget) => void;
}) {
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const widget = await api().widgets.create({ title, timezone: browserTimeZone() });
      setTitle("");
      onCreated(widget);
    } catch (failure) {
      const issues = failure instanceof SlotbookError ? issuesByPath(failure.issues) : {};
      setError(issues.title ?? describeError(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title="New widget"
      onClose={onClose}
      size="sm"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form="create-widget" busy={busy}>
            Create widget
          </Button>
        </>
      }
    >
      <form id="create-widget" onSubmit={submit} noValidate>
        <TextField
          label="Title"
          hint="What visitors read at the top of the form, e.g. Book a free demo class. You can change it later."
          value={title}
          onValue={setTitle}
          error={error}
          required
          maxLength={120}
          autofocus
        />
      </form>
    </Modal>
  );
}
