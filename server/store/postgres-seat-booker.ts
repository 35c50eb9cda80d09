/**
 * @module `Store.bookSeat` on PostgreSQL: the seat, the booking, the idempotency record and the outbox rows in one
 * statement (data-modifying CTEs), sent as a named prepared statement, so a booking is one round trip and one commit.
 */
import type pg from "pg";
import { mapPostgresError } from "./postgres-errors.js";
import type { SeatBooking, SlotRow } from "./types.js";

// The seat only if the slot is as the rows were built for, bookable, and its widget and endpoints unchanged; a
// concurrent booking that took the seat first makes this one wait for the row lock and re-check `booked < capacity`
// on the row as committed (READ COMMITTED), so the count never passes the capacity. Each insert takes its rows from
// the one before, so without a seat nothing is written; a unique violation fails the whole statement.
const TEXT = `with seat as (
  update slots set booked = booked + 1, updated_at = $1
  where id = $2 and widget_id = $3 and status = 'active' and booked < capacity and starts_at > $1
    and starts_at = $4 and ends_at = $5
    and exists (select 1 from widgets where id = $3 and status = 'active')
    and (select coalesce(string_agg(id || ':' || events || ':' || include_personal_data::text, ',' order by id), '')
         from webhooks where status = 'active' and (widget_id is null or widget_id = $3)) = $6
  returning id, widget_id as "widgetId", starts_at as "startsAt", ends_at as "endsAt", capacity, booked, label, status,
    created_at as "createdAt", updated_at as "updatedAt"
), booking as (
  insert into bookings (id, widget_id, slot_id, status, email_index, pii, token_hash, created_at, updated_at, source)
  select $7, $3, seat.id, 'confirmed', $8, $9, $10, $1, $1, $11 from seat
  returning id
), idem as (
  insert into idempotency (widget_id, key, request_hash, status, body, created_at)
  select $3, $12, $13, $14::integer, $15, $1 from booking where $12::text is not null
), follow_up as (
  insert into outbox (id, kind, event, booking_id, widget_id, target, payload, sealed, due_at, status, attempts,
    event_id, created_at, updated_at)
  select o.id, o.kind, o.event, booking.id, $3, o.target, o.payload, o.sealed, o.due_at, 'pending', 0, o.event_id, $1, $1
  from booking, unnest($16::text[], $17::text[], $18::text[], $19::text[], $20::text[], $21::text[], $22::text[],
    $23::text[]) as o(id, kind, event, target, payload, sealed, due_at, event_id)
)
select * from seat`;

// The name is per connection; pg prepares it on a connection's first use and reuses it after.
const NAME = "slotbook_book_seat_1";

/** What the booker sends through: one query on a pooled connection. */
export type RunQuery = (query: pg.QueryConfig) => Promise<pg.QueryResult>;

/** A `bookSeat` for PostgreSQL on `run` (the store's pool). */
export function postgresSeatBooker(run: RunQuery) {
  return async (plan: SeatBooking): Promise<SlotRow | undefined> => {
    const { booking, idempotency, outbox } = plan;
    if (booking.status !== "confirmed" || booking.widgetId !== plan.slot.widgetId) {
      throw new TypeError("bookSeat books a confirmed seat in the slot's own widget");
    }
    const values = [
      plan.now,
      plan.slot.id,
      plan.slot.widgetId,
      plan.slot.startsAt,
      plan.slot.endsAt,
      plan.webhooks,
      booking.id,
      booking.emailIndex,
      booking.pii,
      booking.tokenHash,
      booking.source,
      idempotency?.key ?? null,
      idempotency?.requestHash ?? null,
      idempotency?.status ?? null,
      idempotency?.body ?? null,
      outbox.map((r) => r.id),
      outbox.map((r) => r.kind),
      outbox.map((r) => r.event),
      outbox.map((r) => r.target),
      outbox.map((r) => r.payload),
      outbox.map((r) => r.sealed),
      outbox.map((r) => r.dueAt),
      outbox.map((r) => r.eventId),
    ];
    try {
      const result = await run({ name: NAME, text: TEXT, values });
      return result.rows[0] as SlotRow | undefined;
    } catch (error) {
      throw mapPostgresError(error);
    }
  };
}
