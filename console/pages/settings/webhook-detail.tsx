/**
 * @module One webhook endpoint: its settings, its deliveries (newest first, paged, each can be sent again), and the
 * owner's actions: send a test event, rotate the secret, disable or enable, delete; each that cannot be undone asks.
 */
import { Fragment, h } from "preact";
import { useState } from "preact/hooks";
import type { Webhook, WebhookDelivery, WebhookRotated } from "../../../sdk/schemas/webhook.js";
import { api, useAction, useLoad } from "../../api.js";
import { formatDateTime, plural, relativeTime } from "../../format.js";
import { Link, navigate } from "../../router.js";
import { needsRole, useSession } from "../../session.js";
import { Button } from "../../ui/button.js";
import { SecretBox } from "../../ui/copy-button.js";
import { confirmAction, Modal } from "../../ui/dialog.js";
import { Icon } from "../../ui/icons.js";
import { Badge, LoadError, Notice } from "../../ui/notice.js";
import { Spinner } from "../../ui/spinner.js";
import { Table } from "../../ui/table.js";
import { eventsText, WebhookStatus } from "./webhook-status.js";

function DeliveryStatus({ delivery }: { delivery: WebhookDelivery }) {
  if (delivery.status === "delivered") return <Badge tone="good">Delivered</Badge>;
  if (delivery.status === "failed") return <Badge tone="bad">Failed</Badge>;
  return (
    <Badge tone="warn">
      {delivery.nextAttemptAt && new Date(delivery.nextAttemptAt).getTime() > Date.now()
        ? `Retry ${relativeTime(delivery.nextAttemptAt)}`
        : "Sending"}
    </Badge>
  );
}

function Deliveries({ webhook }: { webhook: Webhook }) {
  const { isOwner } = useSession();
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors.at(-1);
  const page = useLoad(
    (signal) => api().webhooks.deliveries(webhook.id, cursor ? { cursor } : {}, { signal }),
    [webhook.id, cursor],
  );
  const replay = useAction((d: WebhookDelivery) => api().webhooks.replay(webhook.id, d.id), {
    success: "Sent again; the result shows here in a moment",
  });
  const test = useAction(() => api().webhooks.test(webhook.id), { success: "Test event queued" });
  const again = async (d: WebhookDelivery) => {
    if ((await replay.run(d)) !== undefined) page.reload();
  };
  const sendTest = async () => {
    if ((await test.run()) !== undefined) {
      setCursors([undefined]);
      page.reload();
    }
  };
  return (
    <section class="card" aria-labelledby="deliveries">
      <div class="card-head">
        <div>
          <h2 id="deliveries">Deliveries</h2>
          <p>Newest first. A failed one is retried for about a day before it stops.</p>
        </div>
        <span class="row">
          <Button size="sm" variant="ghost" onClick={page.reload}>
            Refresh
          </Button>
          <Button
            size="sm"
            onClick={sendTest}
            busy={test.busy}
            disabled={!isOwner || webhook.status !== "active"}
            title={
              !isOwner ? needsRole("owner") : webhook.status !== "active" ? "Enable the endpoint first" : undefined
            }
          >
            Send test event
          </Button>
        </span>
      </div>
      {page.error ? <LoadError error={page.error} onRetry={page.reload} /> : null}
      {!page.data && !page.error && <Spinner label="Loading deliveries" />}
      {page.data && page.data.data.length === 0 && (
        <p class="card-body muted">Nothing sent yet. Send a test event, or make a booking, and it shows here.</p>
      )}
      {page.data && page.data.data.length > 0 && (
        <>
          <Table
            caption="Deliveries"
            class="stack-on-phone"
            rows={page.data.data}
            rowKey={(d) => d.id}
            columns={[
              {
                label: "Event",
                kind: "primary",
                cell: (d) => (
                  <>
                    <code class="cell-strong">{d.type}</code>
                    <span class="cell-sub">{formatDateTime(d.createdAt)}</span>
                  </>
                ),
              },
              { label: "Status", cell: (d) => <DeliveryStatus delivery={d} /> },
              {
                label: "Attempts",
                cell: (d) => (
                  <>
                    {plural(d.attempts, "attempt")}
                    {d.lastStatus !== undefined && <span class="cell-sub">last answer {d.lastStatus}</span>}
                  </>
                ),
              },
              { label: "Last error", cell: (d) => <span class="small">{d.lastError ?? "–"}</span> },
              {
                label: "Actions",
                kind: "actions",
                hideLabel: true,
                cell: (d) =>
                  isOwner ? (
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => again(d)}
                      aria-label={`Send again: ${d.type} of ${formatDateTime(d.createdAt)}`}
                    >
                      Send again
                    </Button>
                  ) : null,
              },
            ]}
          />
          <nav class="pager card-body" aria-label="Pages of deliveries">
            <span>Page {cursors.length}</span>
            <span class="row">
              <Button size="sm" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
                Newer
              </Button>
              <Button
                size="sm"
                disabled={!page.data.nextCursor}
                onClick={() => page.data?.nextCursor && setCursors([...cursors, page.data.nextCursor])}
              >
                Older
              </Button>
            </span>
          </nav>
        </>
      )}
    </section>
  );
}

/** The page of one endpoint. */
export function WebhookDetail({ id }: { id: string }) {
  const { isOwner } = useSession();
  const webhook = useLoad((signal) => api().webhooks.get(id, { signal }), [id]);
  const widgets = useLoad((signal) => api().widgets.list({ signal }), []);
  const [rotated, setRotated] = useState<WebhookRotated>();
  const setStatus = useAction((status: "active" | "disabled") => api().webhooks.update(id, { status }), {
    success: (w) => (w.status === "active" ? "Endpoint enabled" : "Endpoint disabled"),
  });
  const rotate = useAction(() => api().webhooks.rotateSecret(id));
  const remove = useAction(() => api().webhooks.delete(id), { success: "Webhook deleted" });
  const back = (
    <Link to="/settings/webhooks">
      <Icon name="back" size={14} /> All webhooks
    </Link>
  );
  if (webhook.error) return <LoadError error={webhook.error} onRetry={webhook.reload} />;
  const w = webhook.data;
  if (!w) return <Spinner label="Loading the webhook" />;

  const toggle = async () => {
    if (w.status === "active") {
      const ok = await confirmAction({
        title: "Disable this webhook?",
        body: <p>Nothing more is sent to {w.url} until you enable it again. Events in between are not sent later.</p>,
        confirmLabel: "Disable",
        cancelLabel: "Keep sending",
      });
      if (!ok) return;
    }
    const updated = await setStatus.run(w.status === "active" ? "disabled" : "active");
    if (updated) webhook.setData(() => updated);
  };
  const askRotate = async () => {
    const ok = await confirmAction({
      title: "Rotate the signing secret?",
      body: (
        <p>
          You get a new secret now. For the next 24 hours deliveries are signed with both the new and the old one, so
          the receiver keeps working while you put the new one in; after that only the new one.
        </p>
      ),
      confirmLabel: "Rotate secret",
      danger: false,
    });
    if (!ok) return;
    const next = await rotate.run();
    if (next) setRotated(next);
  };
  const askDelete = async () => {
    const ok = await confirmAction({
      title: "Delete this webhook?",
      body: (
        <p>
          Nothing more is sent to {w.url}, and its delivery history is deleted with it. To send there again, add it anew
          (with a new secret).
        </p>
      ),
      confirmLabel: "Delete webhook",
      cancelLabel: "Keep it",
    });
    if (ok && (await remove.run()) !== undefined) navigate("/settings/webhooks");
  };

  return (
    <div class="stack">
      <div class="page-back">{back}</div>
      <section class="card" aria-labelledby="endpoint">
        <div class="card-head">
          <h2 id="endpoint" class="break">
            {w.url}
          </h2>
          <WebhookStatus webhook={w} />
        </div>
        <div class="card-body stack">
          {w.status === "disabled" && w.disabledReason && <Notice kind="warning">Disabled: {w.disabledReason}</Notice>}
          <dl class="dl">
            <dt>Events</dt>
            <dd>{eventsText(w.events)}</dd>
            <dt>Widget</dt>
            <dd>
              {w.widgetId ? (widgets.data?.find((x) => x.id === w.widgetId)?.title ?? w.widgetId) : "All widgets"}
            </dd>
            <dt>Visitor details</dt>
            <dd>{w.includePersonalData ? "Included (name, email, phone, answers, consent, page)" : "Left out"}</dd>
            {w.description && (
              <>
                <dt>Description</dt>
                <dd>{w.description}</dd>
              </>
            )}
            <dt>Added</dt>
            <dd>{formatDateTime(w.createdAt)}</dd>
          </dl>
          {isOwner ? (
            <div class="row">
              <Button onClick={toggle} busy={setStatus.busy}>
                {w.status === "active" ? "Disable" : "Enable"}
              </Button>
              <Button onClick={askRotate} busy={rotate.busy}>
                Rotate secret
              </Button>
              <Button variant="danger" onClick={askDelete} busy={remove.busy}>
                Delete
              </Button>
            </div>
          ) : (
            <p class="muted small">{needsRole("owner")}.</p>
          )}
        </div>
      </section>
      <Deliveries webhook={w} />
      <Modal
        open={rotated !== undefined}
        title="Copy the new signing secret"
        onClose={() => setRotated(undefined)}
        footer={
          <Button variant="primary" onClick={() => setRotated(undefined)}>
            I have copied it
          </Button>
        }
      >
        {rotated && (
          <>
            <p>
              The old secret keeps working until {formatDateTime(rotated.previousSecretExpiresAt)}. This is the only
              time the new one is shown.
            </p>
            <SecretBox value={rotated.secret} label="Signing secret" />
          </>
        )}
      </Modal>
    </div>
  );
}
