/**
 * @module The Slots page (`/slots/{widgetId}?week=…`): pick a widget, then its week calendar in the widget's time
 * zone, where classes are added (one or a weekly series), resized, cancelled or deleted.
 */
import { Fragment, h } from "preact";
import { useEffect } from "preact/hooks";
import { api, useLoad } from "../api.js";
import type { PageProps } from "../lazy-page.js";
import { Link, navigate } from "../router.js";
import { EmptyState } from "../ui/empty-state.js";
import { SelectField } from "../ui/field.js";
import { Icon } from "../ui/icons.js";
import { LoadError } from "../ui/notice.js";
import { PageHeader } from "../ui/page-header.js";
import { Spinner } from "../ui/spinner.js";
import { SlotsView } from "./slots/slots-view.js";
import "../styles/slots.css";

/** Slots: the widget picker and the chosen widget's week. */
export default function SlotsPage({ params }: PageProps) {
  const chosen = params["*"]?.split("/")[0] || undefined;
  const { data: widgets, error, reload } = useLoad((signal) => api().widgets.list({ signal }), []);
  const widget = widgets?.find((w) => w.id === chosen);
  // No widget in the address (or an unknown one): the first widget's calendar.
  useEffect(() => {
    if (widgets?.[0] && !widget) navigate(`/slots/${widgets[0].id}`, { replace: true });
  }, [widgets, widget]);

  return (
    <>
      <PageHeader
        title="Slots"
        description={
          widget ? `The classes of ${widget.title}, week by week.` : "The classes visitors can book, week by week."
        }
        actions={
          widgets &&
          widgets.length > 1 && (
            <SelectField
              label="Widget"
              class="widget-picker"
              value={widget?.id ?? ""}
              options={widgets.map((w) => ({ value: w.id, label: w.title }))}
              onValue={(id) => navigate(`/slots/${id}`)}
            />
          )
        }
      />
      {error !== undefined && !widgets && <LoadError error={error} onRetry={reload} />}
      {!widgets && error === undefined && <Spinner label="Loading widgets" />}
      {widgets && widgets.length === 0 && (
        <EmptyState
          icon={<Icon name="slots" size={28} />}
          title="Create a widget first"
          action={
            <Link to="/widgets" class="btn btn-primary">
              Go to Widgets
            </Link>
          }
        >
          <p>Slots are the times of a widget's classes. Create a widget, then add its classes here.</p>
        </EmptyState>
      )}
      {widget && <SlotsView key={widget.id} widget={widget} />}
    </>
  );
}
