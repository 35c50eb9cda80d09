/** @module Settings → Webhooks: the endpoints, adding one, and one endpoint's page (`/settings/webhooks/{id}`). */
import { Fragment, h } from "preact";
import { useState } from "preact/hooks";
import { api, useLoad } from "../../api.js";
import { Link } from "../../router.js";
import { needsRole, useSession } from "../../session.js";
import { Button } from "../../ui/button.js";
import { EmptyState } from "../../ui/empty-state.js";
import { Icon } from "../../ui/icons.js";
import { LoadError } from "../../ui/notice.js";
import { Spinner } from "../../ui/spinner.js";
import { Table } from "../../ui/table.js";
import { WebhookDetail } from "./webhook-detail.js";
import { CreateWebhookDialog } from "./webhook-form.js";
import { eventsText, WebhookStatus } from "./webhook-status.js";

/** The webhooks tab: the list, or one endpoint. */
export function WebhookSettings({ id }: { id: string | undefined }) {
  const { isOwner } = useSession();
  const list = useLoad((signal) => (id ? Promise.resolve(undefined) : api().webhooks.list({ signal })), [id]);
  const widgets = useLoad((signal) => api().widgets.list({ signal }), []);
  const [creating, setCreating] = useState(false);
  if (id) return <WebhookDetail key={id} id={id} />;
  if (list.error) return <LoadError error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Spinner label="Loading webhooks" />;
  const title = (widgetId: string | null) =>
    widgetId ? (widgets.data?.find((w) => w.id === widgetId)?.title ?? widgetId) : "All widgets";
  const add = isOwner ? (
    <Button variant="primary" onClick={() => setCreating(true)}>
      <Icon name="plus" size={16} /> Add webhook
    </Button>
  ) : (
    <span class="muted small">{needsRole("owner")}</span>
  );
  return (
    <section class="card" aria-labelledby="webhooks">
      <div class="card-head">
        <div>
          <h2 id="webhooks">Webhooks</h2>
          <p>Send each booking to your CRM, a spreadsheet tool or your own code, as it happens.</p>
        </div>
        {list.data.length > 0 && add}
      </div>
      {list.data.length === 0 ? (
        <EmptyState title="No webhooks yet" icon={<Icon name="webhook" />} action={add}>
          <p>
            Add the address of the system that should hear about new, moved and cancelled bookings. Zapier, Make and
            most CRMs give you one.
          </p>
        </EmptyState>
      ) : (
        <Table
          caption="Webhook endpoints"
          class="stack-on-phone"
          rows={list.data}
          rowKey={(w) => w.id}
          columns={[
            {
              label: "Endpoint",
              kind: "primary",
              cell: (w) => (
                <>
                  <Link to={`/settings/webhooks/${w.id}`} class="row-link break">
                    {w.url}
                  </Link>
                  {w.description && <span class="cell-sub">{w.description}</span>}
                </>
              ),
            },
            { label: "Events", cell: (w) => eventsText(w.events) },
            { label: "Widget", cell: (w) => title(w.widgetId) },
            { label: "Visitor details", cell: (w) => (w.includePersonalData ? "Included" : "Left out") },
            { label: "Status", cell: (w) => <WebhookStatus webhook={w} /> },
          ]}
        />
      )}
      <CreateWebhookDialog open={creating} onClose={() => setCreating(false)} onCreated={list.reload} />
    </section>
  );
}
