/** @module Bookings say why they were cancelled (`visitor`, `admin`, `slot_cancelled`); old data is brought in line. */
import { type Kysely, type Migration, sql } from "kysely";
import type { Store } from "../types.js";

/**
 * `bookings.cancel_reason`, nullable (null while confirmed). Before it, only visitors cancelled bookings, so the
 * cancelled ones get `visitor`; and a cancelled slot left its bookings confirmed, so those become cancelled with
 * `slot_cancelled` (at the slot's last change) and the slot's seats are freed, as cancelling a slot now does.
 */
export function bookingCancelReasonMigration(kind: Store["kind"]): Migration {
  // Bytewise "C" collation on PostgreSQL, like every other text column that is compared or indexed.
  const text = kind === "postgres" ? sql`text collate "C"` : sql`text`;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("bookings").addColumn("cancel_reason", text).execute();
      await sql`update bookings set cancel_reason = 'visitor' where status = 'cancelled'`.execute(db);
      await sql`update bookings
        set status = 'cancelled', cancel_reason = 'slot_cancelled',
          cancelled_at = (select s.updated_at from slots s where s.id = bookings.slot_id),
          updated_at = (select s.updated_at from slots s where s.id = bookings.slot_id)
        where status = 'confirmed' and slot_id in (select id from slots where status = 'cancelled')`.execute(db);
      await sql`update slots set booked = 0 where status = 'cancelled'`.execute(db);
    },
  };
}
