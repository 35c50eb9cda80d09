/**
 * @module The overview (`/console`): bookings per day, the upcoming classes with how full they are, and the funnel
 * (saw the widget → chose a time → started the form → booked) overall, per widget and per UTM source.
 */
import { Fragment, h } from "preact";
import type { FunnelCounts, Insights } from "../../sdk/schemas/console.js";
import type { Widget } from "../../sdk/schemas/widget-admin.js";
import { api, useLoad } from "../api.js";
import { BookingsChart } from "../charts/bar-chart.js";
import { FillBar } from "../charts/fill-bar.js";
import { conversion, funnelSteps } from "../charts/funnel.js";
import { percent } from "../charts/scale.js";
import { formatTimeRange, plural } from "../format.js";
import type { PageProps } from "../lazy-page.js";
import { Link, navigate, useLocation } from "../router.js";
import { EmptyState } from "../ui/empty-state.js";
import { SelectField } from "../ui/field.js";
import { Icon } from "../ui/icons.js";
import { LoadError } from "../ui/notice.js";
import { PageHeader } from "../ui/page-header.js";
import { Spinner } from "../ui/spinner.js";
import { type Column, Table } from "../ui/table.js";

const PERIODS = [
  { value: "7", label: "Last 7 days" },
  { value: "30", label: "Last 30 days" },
  { value: "90", label: "Last 90 days" },
] as const;

/** The period and widget from the query (`?days=30&widget=wgt_…`), defaulted. */
export function overviewQuery(query: URLSearchParams): { days: number; widgetId: string | undefined } {
  const days = Number(query.get("days"));
  return {
    days: PERIODS.some((p) => Number(p.value) === days) ? days : 30,
    widgetId: query.get("widget") || undefined,
  };
}

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div class="card stat">
      <p class="stat-label">{label}</p>
      <p class="stat-value">{value}</p>
      {note && <p class="stat-note">{note}</p>}
    </div>
  );
}

function Funnel({ counts }: { counts: FunnelCounts }) {
  const steps = funnelSteps(counts);
  // Against the largest step, not the views: bookings made without the widget (API, another form) count too.
  const widest = Math.max(1, ...steps.map((s) => s.count));
  return (
    <ol class="funnel">
      {steps.map((step) => (
        <li key={step.key} class="funnel-step">
          <div class="row-between">
            <span class="funnel-label">{step.label}</span>
            <span class="num">
              <strong>{step.count.toLocaleString()}</strong>
              {step.ofPrevious !== undefined && (
                <span class="muted small"> · {Math.round(step.ofPrevious * 100)}% of the step before</span>
              )}
            </span>
          </div>
          <FillBar value={step.count} max={widest} />
        </li>
      ))}
    </ol>
  );
}

function funnelColumns<T extends FunnelCounts>(first: Column<T>): Column<T>[] {
  return [
    first,
    { label: "Views", kind: "num", cell: (r) => r.views.toLocaleString() },
    { label: "Chose a time", kind: "num", cell: (r) => r.slotSelected.toLocaleString() },
    { label: "Started form", kind: "num", cell: (r) => r.formStarted.toLocaleString() },
    { label: "Booked", kind: "num", cell: (r) => r.booked.toLocaleString() },
    { label: "Conversion", kind: "num", cell: (r) => percent(r.booked, r.views) },
  ];
}

function Upcoming({ insights, title }: { insights: Insights; title: (id: string) => string }) {
  if (insights.upcoming.length === 0) {
    return (
      <EmptyState
        title="No classes coming up"
        icon={<Icon name="calendar" />}
        action={
          <Link to="/slots" class="btn btn-primary">
            Add slots
          </Link>
        }
      >
        <p>Add times on the Slots page and visitors can book them straight away.</p>
      </EmptyState>
    );
  }
  return (
    <ul class="upcoming">
      {insights.upcoming.map((slot) => {
        const full = slot.booked >= slot.capacity;
        return (
          <li key={slot.id} class="upcoming-item">
            <div class="row-between">
              <div>
                <p class="cell-strong">{formatTimeRange(slot.startsAt, slot.endsAt)}</p>
                <p class="muted small">
                  {title(slot.widgetId)}
                  {slot.label ? ` · ${slot.label}` : ""}
                </p>
              </div>
              <p class="num nowrap">
                {slot.booked} of {slot.capacity} seats
                {full && <span class="badge badge-good upcoming-full">Full</span>}
              </p>
            </div>
            <FillBar value={slot.booked} max={slot.capacity} tone={full ? "full" : "accent"} />
          </li>
        );
      })}
    </ul>
  );
}

/** The overview page. */
export default function OverviewPage(_: PageProps) {
  const location = useLocation();
  const { days, widgetId } = overviewQuery(location.query);
  const widgets = useLoad((signal) => api().widgets.list({ signal }), []);
  const insights = useLoad((signal) => api().insights.get({ days, widgetId }, { signal }), [days, widgetId]);
  const setQuery = (next: { days?: number; widgetId?: string | undefined }) => {
    const query = new URLSearchParams();
    const d = next.days ?? days;
    const w = "widgetId" in next ? next.widgetId : widgetId;
    if (d !== 30) query.set("days", String(d));
    if (w) query.set("widget", w);
    const search = query.toString();
    navigate(search ? `/?${search}` : "/", { replace: true });
  };
  const titles = new Map((widgets.data ?? []).map((w: Widget) => [w.id, w.title]));
  const title = (id: string) => titles.get(id) ?? id;

  const filters = (
    <div class="row overview-filters">
      <SelectField
        label="Widget"
        value={widgetId ?? ""}
        onValue={(value) => setQuery({ widgetId: value || undefined })}
        options={[
          { value: "", label: "All widgets" },
          ...(widgets.data ?? []).map((w) => ({ value: w.id, label: w.title })),
        ]}
      />
      <SelectField
        label="Period"
        value={String(days)}
        onValue={(value) => setQuery({ days: Number(value) })}
        options={PERIODS}
      />
    </div>
  );

  if (widgets.data && widgets.data.length === 0) {
    return (
      <>
        <PageHeader title="Overview" />
        <EmptyState
          title="Create your first widget"
          icon={<Icon name="widgets" />}
          action={
            <Link to="/widgets" class="btn btn-primary">
              Create a widget
            </Link>
          }
        >
          <p>
            A widget is the booking form you paste into your website. Once it has times to book, this page shows the
            bookings coming in, how full the next classes are and where visitors drop off.
          </p>
        </EmptyState>
      </>
    );
  }

  const data = insights.data;
  const total = data?.bookingsPerDay.reduce((sum, d) => sum + d.bookings, 0) ?? 0;
  const cancelled = data?.bookingsPerDay.reduce((sum, d) => sum + d.cancelled, 0) ?? 0;
  const seats = data?.upcoming.reduce((sum, s) => sum + s.capacity, 0) ?? 0;
  const booked = data?.upcoming.reduce((sum, s) => sum + s.booked, 0) ?? 0;
  const rate = data ? conversion(data.funnel) : undefined;

  return (
    <>
      <PageHeader
        title="Overview"
        description={data ? `${data.from} to ${data.to} (UTC days)` : undefined}
        actions={filters}
      />
      {insights.error ? <LoadError error={insights.error} onRetry={insights.reload} /> : null}
      {!data && !insights.error && <Spinner label="Loading the numbers" />}
      {data && (
        <>
          <div class="stats">
            <Stat
              label="Bookings"
              value={total.toLocaleString()}
              note={`${plural(cancelled, "cancelled", "cancelled")} since`}
            />
            <Stat
              label="Conversion"
              value={rate === undefined ? "–" : percent(data.funnel.booked, data.funnel.views)}
              note={`${plural(data.funnel.views, "widget view")}`}
            />
            <Stat
              label="Upcoming seats filled"
              value={percent(booked, seats)}
              note={`${booked} of ${plural(seats, "seat")}`}
            />
            <Stat label="Upcoming classes" value={String(data.upcoming.length)} note="the next ones shown below" />
          </div>
          <section class="card section" aria-labelledby="per-day">
            <div class="card-head">
              <h2 id="per-day">Bookings per day</h2>
            </div>
            <div class="card-body">
              <BookingsChart days={data.bookingsPerDay} />
            </div>
          </section>
          <div class="grid-2 section">
            <section class="card" aria-labelledby="upcoming">
              <div class="card-head">
                <h2 id="upcoming">Upcoming classes</h2>
                <Link to="/slots">All slots</Link>
              </div>
              <div class="card-body">
                <Upcoming insights={data} title={title} />
              </div>
            </section>
            <section class="card" aria-labelledby="funnel">
              <div class="card-head">
                <h2 id="funnel">Funnel</h2>
                <p>Counted by the widget each day; no cookies, no personal data.</p>
              </div>
              <div class="card-body">
                {data.funnel.views === 0 && data.funnel.booked === 0 ? (
                  <p class="muted">
                    No visits counted in this period yet. The funnel fills once the widget is on a page people visit.
                  </p>
                ) : (
                  <Funnel counts={data.funnel} />
                )}
              </div>
            </section>
          </div>
          {data.funnel.byWidget.length > 0 && (
            <section class="card section" aria-labelledby="by-widget">
              <div class="card-head">
                <h2 id="by-widget">Funnel per widget</h2>
              </div>
              <Table
                caption="Funnel per widget"
                class="stack-on-phone"
                columns={funnelColumns<Insights["funnel"]["byWidget"][number]>({
                  label: "Widget",
                  kind: "primary",
                  cell: (r) => <span class="cell-strong">{title(r.widgetId)}</span>,
                })}
                rows={data.funnel.byWidget}
                rowKey={(r) => r.widgetId}
              />
            </section>
          )}
          {data.funnel.bySource.length > 0 && (
            <section class="card section" aria-labelledby="by-source">
              <div class="card-head">
                <h2 id="by-source">Funnel per source</h2>
                <p>From the page's utm_source.</p>
              </div>
              <Table
                caption="Funnel per UTM source"
                class="stack-on-phone"
                columns={funnelColumns<Insights["funnel"]["bySource"][number]>({
                  label: "Source",
                  kind: "primary",
                  cell: (r) =>
                    r.source === null ? (
                      <span class="muted">No source</span>
                    ) : (
                      <span class="cell-strong">{r.source}</span>
                    ),
                })}
                rows={data.funnel.bySource}
                rowKey={(r) => r.source ?? ""}
              />
            </section>
          )}
        </>
      )}
    </>
  );
}
