/**
 * @module Creating a webhook endpoint: its URL, the events (or all), one widget or all, whether attendee details go
 * along; the signing secret is shown once afterwards.
 */
import { Fragment, h } from "preact";
import { useState } from "preact/hooks";
import type { WebhookCreate, WebhookCreated } from "../../../sdk/schemas/webhook.js";
import { api, describeError, useLoad } from "../../api.js";
import { Button } from "../../ui/button.js";
import { SecretBox } from "../../ui/copy-button.js";
import { Modal } from "../../ui/dialog.js";
import { CheckboxField, SelectField, TextField } from "../../ui/field.js";
import { Notice } from "../../ui/notice.js";

/** The events an endpoint can subscribe to, in words. */
export const EVENTS: readonly { value: Exclude<WebhookCreate["events"][number], "*">; label: string }[] = [
  { value: "booking.created", label: "New booking" },
  { value: "booking.rescheduled", label: "Rescheduled" },
  { value: "booking.cancelled", label: "Cancelled" },
  { value: "booking.erased", label: "Erased" },
  { value: "slot.cancelled", label: "Class cancelled" },
];

/** The body to send for the form's values: every event is `["*"]`, so later event types are included too. */
export function webhookBody(form: {
  url: string;
  events: string[];
  all: boolean;
  widgetId: string;
  includePersonalData: boolean;
  description: string;
}): WebhookCreate {
  return {
    url: form.url.trim(),
    events: (form.all ? ["*"] : form.events) as WebhookCreate["events"],
    ...(form.widgetId ? { widgetId: form.widgetId } : {}),
    includePersonalData: form.includePersonalData,
    ...(form.description.trim() ? { description: form.description.trim() } : {}),
  };
}

/** The create dialog; `onCreated` runs once the endpoint exists (the list reloads behind the secret). */
export function CreateWebhookDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: () => void;
}) {
  const widgets = useLoad((signal) => (open ? api().widgets.list({ signal }) : Promise.resolve([])), [open]);
  const [url, setUrl] = useState("");
  const [all, setAll] = useState(true);
  const [events, setEvents] = useState<string[]>(["booking.created"]);
  const [widgetId, setWidgetId] = useState("");
  const [includePersonalData, setIncludePersonalData] = useState(false);
  const [description, setDescription] = useState("");
  const [created, setCreated] = useState<WebhookCreated>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const close = () => {
    setUrl("");
    setAll(true);
    setEvents(["booking.created"]);
    setWidgetId("");
    setIncludePersonalData(false);
    setDescription("");
    setCreated(undefined);
    setError(undefined);
    onClose();
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!all && events.length === 0) {
      setError("Choose at least one event, or all events.");
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      setCreated(
        await api().webhooks.create(webhookBody({ url, events, all, widgetId, includePersonalData, description })),
      );
      onCreated();
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };
  const toggle = (value: string, on: boolean) =>
    setEvents(on ? [...events.filter((e) => e !== value), value] : events.filter((e) => e !== value));
  return (
    <Modal
      open={open}
      title={created ? "Copy the signing secret" : "Add a webhook"}
      onClose={close}
      size="md"
      footer={
        created ? (
          <Button variant="primary" onClick={close}>
            I have copied it
          </Button>
        ) : (
          <>
            <Button onClick={close}>Cancel</Button>
            <Button variant="primary" type="submit" form="webhook-form" busy={busy}>
              Add webhook
            </Button>
          </>
        )
      }
    >
      {created ? (
        <>
          <p>
            Deliveries to <strong>{created.url}</strong> are signed with this secret (Standard Webhooks). Put it in the
            receiving system to verify them. It is shown only now and when you rotate it.
          </p>
          <SecretBox value={created.secret} label="Signing secret" />
        </>
      ) : (
        <form id="webhook-form" class="stack" onSubmit={submit} noValidate>
          {error && (
            <div class="notice notice-error" role="alert">
              {error}
            </div>
          )}
          <TextField
            label="Endpoint URL"
            type="url"
            value={url}
            onValue={setUrl}
            required
            placeholder="https://hooks.example.com/slotbook"
            hint="An https:// address on the public internet; Slotbook sends a POST there for each event."
          />
          <fieldset>
            <legend>Events</legend>
            <div class="stack-sm">
              <CheckboxField label="All events, including ones added later" checked={all} onChecked={setAll} />
              {!all && (
                <div class="checks">
                  {EVENTS.map((e) => (
                    <CheckboxField
                      key={e.value}
                      label={
                        <>
                          {e.label} <code class="muted">{e.value}</code>
                        </>
                      }
                      checked={events.includes(e.value)}
                      onChecked={(on) => toggle(e.value, on)}
                    />
                  ))}
                </div>
              )}
            </div>
          </fieldset>
          <SelectField
            label="Widget"
            value={widgetId}
            onValue={setWidgetId}
            options={[
              { value: "", label: "All widgets" },
              ...(widgets.data ?? []).map((w) => ({ value: w.id, label: w.title })),
            ]}
          />
          <CheckboxField
            label="Include the visitor's details"
            checked={includePersonalData}
            onChecked={setIncludePersonalData}
            hint="Name, email, phone, answers, consent and the page they booked from. Leave off unless the receiver needs them (a CRM does)."
          />
          <TextField label="Description" value={description} onValue={setDescription} optional maxLength={200} />
          {includePersonalData && !url.trim().startsWith("https://") && url.trim() !== "" && (
            <Notice kind="warning">Personal data should only go to an https:// address.</Notice>
          )}
        </form>
      )}
    </Modal>
  );
}
