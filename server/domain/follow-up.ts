/**
 * @module Follow-up: what a change to a booking owes people, written as outbox rows in the change's own transaction
 * (so a committed booking always has its confirmation coming, and a rolled-back one never does).
 */
import type { Widget } from "../../sdk/index.js";
import { encrypt } from "../crypto/index.js";
import { newId } from "../ids.js";
import type { EmailFacts } from "../mail/email-facts.js";
import type { BookingRow, OutboxEvent, OutboxRow, SlotRow, StoreOps } from "../store/types.js";
import { openPersonalData, type PersonalData } from "./booking-view.js";
import type { Deps } from "./deps.js";
import { recordWebhookEvent } from "./webhook-events.js";
import { toWidget } from "./widgets.js";

/** One day before the class: the spec's default `reminders`. */
export const DEFAULT_REMINDERS = [1440];

/** A change to a booking, with what its messages need. `manageUrl` (it holds the token) exists only while a request does. */
export type BookingEvent =
  | {
      type: "booking.created";
      widget: Widget;
      booking: BookingRow;
      slot: Pick<SlotRow, "id" | "startsAt" | "endsAt">;
      personal: PersonalData;
      manageUrl: string;
    }
  | {
      type: "booking.rescheduled";
      widget: Widget;
      booking: BookingRow;
      slot: SlotRow;
      previousSlot: SlotRow;
      personal: PersonalData;
      manageUrl: string;
    }
  | {
      type: "booking.cancelled" | "slot.cancelled";
      widget: Widget;
      booking: BookingRow;
      slot: SlotRow;
      personal: PersonalData;
      /** Who cancelled; `slot.cancelled` is always the school's. */
      by?: "visitor" | "marketer";
      /** Tell the visitor (the marketer may cancel quietly); default true. */
      notifyVisitor?: boolean;
    }
  | { type: "booking.erased"; booking: BookingRow; slot: Pick<SlotRow, "id" | "startsAt" | "endsAt"> };

type FollowUpDeps = Pick<Deps, "keys" | "now">;

/**
 * The widget and the opened personal data a booking's messages need, read in `tx`; undefined for an erased booking
 * (nothing to tell anyone) or a widget that is gone.
 * @example const parts = await followUpParts(tx, deps, row); if (parts) await recordBookingEvent(tx, deps, { type: "booking.cancelled", ...parts, booking: row, slot });
 */
export async function followUpParts(
  tx: StoreOps,
  deps: Pick<Deps, "keys">,
  booking: BookingRow,
): Promise<{ widget: Widget; personal: PersonalData } | undefined> {
  const personal = openPersonalData(deps.keys, booking);
  const widget = personal && (await tx.getWidget(booking.widgetId));
  return widget && personal ? { widget: toWidget(widget), personal } : undefined;
}

/**
 * Writes the outbox rows a booking change causes, in `tx` (the change's transaction):
 * - created: the visitor's confirmation (invite REQUEST, SEQUENCE 0), the team's notice, and one reminder per
 *   `reminders` entry still ahead (none that would be due already: a booking made inside the window gets none);
 * - rescheduled: the visitor's update (same UID, SEQUENCE + 1), the old reminders dropped and new ones written;
 * - cancelled (visitor, marketer) or slot cancelled: the visitor's CANCEL (SEQUENCE + 1), the team's notice,
 *   reminders dropped;
 * - erased: every pending message with personal data dropped and every sealed part forgotten;
 * and, for each, one delivery per active webhook endpoint subscribed to the event (`recordWebhookEvent`).
 * @example await recordBookingEvent(tx, deps, { type: "booking.created", widget, booking, slot, personal, manageUrl });
 */
export async function recordBookingEvent(tx: StoreOps, deps: FollowUpDeps, event: BookingEvent): Promise<void> {
  const now = deps.now().toISOString();
  if (event.type === "booking.erased") {
    await tx.dropOutbox(event.booking.id, "personal", now);
    await recordWebhookEvent(tx, deps, event);
    return;
  }
  const sequence = event.type === "booking.created" ? 0 : await inviteCount(tx, event.booking.id);
  if (event.type !== "booking.created") await tx.dropOutbox(event.booking.id, "reminders", now);
  await tx.insertOutbox(emailRows(deps, event, sequence, now));
  await recordWebhookEvent(tx, deps, {
    type: event.type,
    booking: event.booking,
    slot: event.slot,
    personal: event.personal,
  });
}

/**
 * The email rows of a booking change (see `recordBookingEvent`), built without the store: `sequence` is how many
 * invites the visitor was sent before (0 for a new booking).
 */
export function emailRows(
  deps: FollowUpDeps,
  event: Exclude<BookingEvent, { type: "booking.erased" }>,
  sequence: number,
  now: string,
): OutboxRow[] {
  const { widget, booking, slot, personal } = event;
  const base: Omit<EmailFacts, "audience" | "to"> = {
    locale: personal.locale ?? widget.locale,
    timeZone: personal.timezone ?? widget.timezone,
    widgetTitle: widget.title,
    bookingId: booking.id,
    slot: { startsAt: slot.startsAt, endsAt: slot.endsAt },
    sequence,
    attendee: {
      name: personal.name,
      email: personal.email,
      ...(personal.phone ? { phone: personal.phone } : {}),
      ...(personal.answers ? { answers: personal.answers } : {}),
      ...(personal.context?.pageUrl ? { pageUrl: personal.context.pageUrl } : {}),
      ...(personal.context?.utm?.source ? { utmSource: personal.context.utm.source } : {}),
    },
    ...(widget.organizer ? { organizer: widget.organizer } : {}),
    ...(widget.location
      ? { location: widget.location.kind === "online" ? widget.location.url : widget.location.address }
      : {}),
  };
  const manageUrl = "manageUrl" in event ? event.manageUrl : undefined;
  const rows: OutboxRow[] = [];
  const email = (kind: OutboxEvent, facts: EmailFacts, dueAt = now) =>
    rows.push(emailRow(deps, kind, booking, facts, dueAt, now));
  const visitor = { ...base, audience: "visitor" as const, to: [personal.email] };
  const team = { ...base, audience: "team" as const, to: widget.notifyEmails };

  if (event.type === "booking.created" || event.type === "booking.rescheduled") {
    if (event.type === "booking.rescheduled") {
      email(event.type, {
        ...visitor,
        previousSlot: { startsAt: event.previousSlot.startsAt, endsAt: event.previousSlot.endsAt },
        ...(manageUrl ? { manageUrl } : {}),
      });
    } else {
      email(event.type, { ...visitor, ...(manageUrl ? { manageUrl } : {}) });
      if (team.to.length > 0) email(event.type, team);
    }
    for (const minutes of widget.reminders ?? DEFAULT_REMINDERS) {
      const dueAt = new Date(Date.parse(slot.startsAt) - minutes * 60_000).toISOString();
      if (dueAt > now) email("reminder", { ...visitor, ...(manageUrl ? { manageUrl } : {}) }, dueAt);
    }
  } else {
    const cancelledBy = event.type === "slot.cancelled" ? "slot_cancelled" : (event.by ?? "visitor");
    const rebookUrl = event.type === "slot.cancelled" ? personal.context?.pageUrl : undefined;
    if (event.notifyVisitor !== false) {
      email(event.type, { ...visitor, cancelledBy, ...(rebookUrl ? { rebookUrl } : {}) });
    }
    if (team.to.length > 0) email(event.type, { ...team, cancelledBy });
  }
  return rows;
}

// The invite's SEQUENCE is how many invites the visitor was sent before: one UID per booking, each update one higher.
const INVITES: ReadonlySet<OutboxEvent> = new Set([
  "booking.created",
  "booking.rescheduled",
  "booking.cancelled",
  "slot.cancelled",
]);

async function inviteCount(tx: StoreOps, bookingId: string): Promise<number> {
  const rows = await tx.listOutbox(bookingId);
  return rows.filter((r) => r.kind === "email" && r.target === "visitor" && INVITES.has(r.event)).length;
}

function emailRow(
  deps: FollowUpDeps,
  event: OutboxEvent,
  booking: BookingRow,
  facts: EmailFacts,
  dueAt: string,
  now: string,
): OutboxRow {
  const id = newId("obx");
  return {
    id,
    kind: "email",
    event,
    bookingId: booking.id,
    widgetId: booking.widgetId,
    target: facts.audience,
    payload: null,
    // The row id as additional data, like a booking's pii under its id: an envelope cannot be moved to another row.
    sealed: encrypt(deps.keys, JSON.stringify(facts), id),
    dueAt,
    status: "pending",
    attempts: 0,
    leaseUntil: null,
    lastError: null,
    eventId: null,
    lastStatus: null,
    createdAt: now,
    updatedAt: now,
  };
}
