/**
 * @module What the console's overview shows: bookings per day, the upcoming slots' fill, and the funnel (views → slot
 * chosen → form started → booked) per widget and UTM source, from daily counters that hold nothing per visitor.
 */
import type { FunnelCounts, FunnelEvent, Insights } from "../../sdk/index.js";
import type { FunnelStep } from "../store/types.js";
import type { Deps } from "./deps.js";

const STEP: Record<FunnelEvent["type"], FunnelStep> = {
  view: "views",
  slot_selected: "slotSelected",
  form_started: "formStarted",
};

/** 100 characters of `utm_source`: longer values are someone's whole URL, not a campaign's name. */
const SOURCE_CHARS = 100;
const DAY_MS = 86_400_000;
/** The upcoming slots the overview lists. */
const UPCOMING = 12;

const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** Counts one step of a widget's funnel for today (UTC) and the page's `utm_source`. */
export async function countFunnelEvent(deps: Deps, widgetId: string, event: FunnelEvent): Promise<void> {
  const source = (event.utm?.source ?? "").trim().slice(0, SOURCE_CHARS);
  await deps.store.countFunnelStep(widgetId, dayOf(deps.now()), source, STEP[event.type]);
}

const zero = (): FunnelCounts => ({ views: 0, slotSelected: 0, formStarted: 0, booked: 0 });

function add(into: FunnelCounts, from: Partial<FunnelCounts>): void {
  into.views += from.views ?? 0;
  into.slotSelected += from.slotSelected ?? 0;
  into.formStarted += from.formStarted ?? 0;
  into.booked += from.booked ?? 0;
}

/** The overview's numbers for the last `days` days (UTC, today included), of one widget or all. */
export async function getInsights(
  deps: Deps,
  query: { widgetId?: string | undefined; days: number },
): Promise<Insights> {
  const now = deps.now();
  const to = dayOf(now);
  const from = dayOf(new Date(now.getTime() - (query.days - 1) * DAY_MS));
  const end = new Date(Date.parse(`${to}T00:00:00.000Z`) + DAY_MS).toISOString();
  const [counts, funnel, upcoming] = await Promise.all([
    deps.store.countBookings(`${from}T00:00:00.000Z`, end, query.widgetId),
    deps.store.funnelTotals(from, to, query.widgetId),
    deps.store.upcomingSlots(now.toISOString(), UPCOMING, query.widgetId),
  ]);

  const perDay = new Map<string, { bookings: number; cancelled: number }>();
  for (let t = Date.parse(`${from}T00:00:00.000Z`); t < Date.parse(end); t += DAY_MS) {
    perDay.set(dayOf(new Date(t)), { bookings: 0, cancelled: 0 });
  }
  const total = zero();
  const byWidget = new Map<string, FunnelCounts>();
  const bySource = new Map<string, FunnelCounts>();
  const entry = <K>(map: Map<K, FunnelCounts>, key: K) => {
    let counts = map.get(key);
    if (!counts) {
      counts = zero();
      map.set(key, counts);
    }
    return counts;
  };
  for (const row of counts) {
    const day = perDay.get(row.day);
    if (day) {
      day.bookings += row.count;
      if (row.status === "cancelled") day.cancelled += row.count;
    }
    // Every booking made counts as booked, whatever became of it since (cancelled, erased).
    const booked = { booked: row.count };
    add(total, booked);
    add(entry(byWidget, row.widgetId), booked);
    add(entry(bySource, row.source ?? ""), booked);
  }
  for (const row of funnel) {
    add(total, row);
    add(entry(byWidget, row.widgetId), row);
    add(entry(bySource, row.source), row);
  }
  const ranked = <K>(map: Map<K, FunnelCounts>) =>
    [...map].sort(([, a], [, b]) => b.views - a.views || b.booked - a.booked);
  return {
    from,
    to,
    bookingsPerDay: [...perDay].map(([day, n]) => ({ day, ...n })),
    upcoming: upcoming.map(({ id, widgetId, startsAt, endsAt, capacity, booked, label }) => ({
      id,
      widgetId,
      startsAt,
      endsAt,
      capacity,
      booked,
      label,
    })),
    funnel: {
      ...total,
      byWidget: ranked(byWidget).map(([widgetId, n]) => ({ widgetId, ...n })),
      bySource: ranked(bySource).map(([source, n]) => ({ source: source === "" ? null : source, ...n })),
    },
  };
}
