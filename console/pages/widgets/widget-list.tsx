/**
 * @module The widget list: each widget's title, status and upcoming slots, with its quick actions (edit, slots,
 * pause or resume), and "New widget", which asks only for a title.
 */
import { Fragment, h } from "preact";
import { useState } from "preact/hooks";
import type { Widget } from "../../../sdk/schemas/widget-admin.js";
import { api, useAction, useLoad } from "../../api.js";
import { Link, navigate } from "../../router.js";
import { needsRole, useSession } from "../../session.js";
import { Button } from "../../ui/button.js";
import { EmptyState } from "../../ui/empty-state.js";
import { Icon } from "../../ui/icons.js";
import { Badge, LoadError } from "../../ui/notice.js";
import { PageHeader } from "../../ui/page-header.js";
import { Spinner } from "../../ui/spinner.js";
import { type Column, Table } from "../../ui/table.js";
import { CreateWidgetDialog } from "./create-widget-dialog.js";

/** A widget with the number of its upcoming, active slots. */
export interface ListedWidget {
  widget: Widget;
  upcoming: number;
}

/** Every widget with its upcoming slots counted (one slot list per widget: the widget list carries no count). */
async function loadWidgets(signal: AbortSignal): Promise<ListedWidget[]> {
  const widgets = await api().widgets.list({ signal });
  const now = Date.now();
  return Promise.all(
    widgets.map(async (widget) => {
      const slots = await api().slots.list(widget.id, { signal });
      const upcoming = slots.filter((s) => s.status === "active" && Date.parse(s.startsAt) > now).length;
      return { widget, upcoming };
    }),
  );
}

/** The Widgets list page. */
export function WidgetList() {
  const { canEdit } = useSession();
  const { data, error, loading, reload, setData } = useLoad(loadWidgets, []);
  const [creating, setCreating] = useState(false);
  const toggle = useAction(
    (widget: Widget) => api().widgets.update(widget.id, { status: widget.status === "active" ? "paused" : "active" }),
    { success: (w) => (w.status === "paused" ? `${w.title} is paused` : `${w.title} takes bookings again`) },
  );
  const setStatus = async (widget: Widget) => {
    const updated = await toggle.run(widget);
    if (updated)
      setData((rows) => rows?.map((row) => (row.widget.id === updated.id ? { ...row, widget: updated } : row)));
  };

  const newButton = (
    <Button
      variant="primary"
      onClick={() => setCreating(true)}
      disabled={!canEdit}
      title={canEdit ? undefined : needsRole("editor")}
    >
      <Icon name="plus" size={16} /> New widget
    </Button>
  );
  const columns: Column<ListedWidget>[] = [
    {
      label: "Widget",
      kind: "primary",
      cell: ({ widget }) => (
        <div>
          <Link to={`/widgets/${widget.id}`} class="cell-strong">
            {widget.title}
          </Link>
          <div class="cell-sub mono">{widget.id}</div>
        </div>
      ),
    },
    {
      label: "Status",
      cell: ({ widget }) =>
        widget.status === "active" ? <Badge tone="good">Active</Badge> : <Badge tone="warn">Paused</Badge>,
    },
    {
      label: "Upcoming slots",
      kind: "num",
      cell: ({ upcoming }) => (upcoming === 0 ? <span class="muted">None</span> : upcoming),
    },
    {
      label: "Actions",
      kind: "actions",
      hideLabel: true,
      cell: ({ widget }) => (
        <div class="row">
          <Link to={`/widgets/${widget.id}`} class="btn btn-sm" aria-label={`Edit ${widget.title}`}>
            Edit
          </Link>
          <Link to={`/slots/${widget.id}`} class="btn btn-sm" aria-label={`Slots of ${widget.title}`}>
            Slots
          </Link>
          <Button
            size="sm"
            variant="ghost"
            disabled={!canEdit}
            title={canEdit ? undefined : needsRole("editor")}
            aria-label={`${widget.status === "active" ? "Pause" : "Resume"} ${widget.title}`}
            onClick={() => setStatus(widget)}
          >
            {widget.status === "active" ? "Pause" : "Resume"}
          </Button>
        </div>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Widgets"
        description="Each widget is one booking form you can put on any website."
        actions={data && data.length > 0 ? newButton : undefined}
      />
      {error !== undefined && !data && <LoadError error={error} onRetry={reload} />}
      {loading && !data && <Spinner label="Loading widgets" />}
      {data && data.length === 0 && (
        <EmptyState icon={<Icon name="widgets" size={28} />} title="No widgets yet" action={newButton}>
          <p>Create a widget, add the times of your classes, and paste its snippet into your website.</p>
        </EmptyState>
      )}
      {data && data.length > 0 && (
        <Table
          caption="Widgets"
          columns={columns}
          rows={data}
          rowKey={(row) => row.widget.id}
          class="stack-on-phone widgets-table"
        />
      )}
      <CreateWidgetDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(widget) => {
          setCreating(false);
          navigate(`/widgets/${widget.id}`);
        }}
      />
    </>
  );
}
