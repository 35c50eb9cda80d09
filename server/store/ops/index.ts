/** @module Every `StoreOps` method on one Kysely handle; the same code serves both engines and transactions. */
import type { Kysely } from "kysely";
import type { Database } from "../db-schema.js";
import type { StoreOps } from "../types.js";
import { bookingOps } from "./booking-ops.js";
import { recordOps } from "./record-ops.js";
import { slotOps } from "./slot-ops.js";
import { widgetOps } from "./widget-ops.js";

/** `StoreOps` bound to `db` (the store's Kysely instance or a transaction). */
export function createOps(db: Kysely<Database>): StoreOps {
  return { ...widgetOps(db), ...slotOps(db), ...bookingOps(db), ...recordOps(db) };
}
