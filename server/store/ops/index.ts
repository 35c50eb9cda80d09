/** @module `StoreOps` on one Kysely handle; the same code serves both engines, the store and its transactions. */
import type { Kysely } from "kysely";
import type { Database } from "../db-schema.js";
import type {
  ApiKeyRow,
  BookingQuery,
  BookingRow,
  IdempotencyRow,
  OutboxOutcome,
  OutboxRow,
  SessionRow,
  SlotRow,
  StoreOps,
  UserRow,
  UserTokenRow,
  WebhookRow,
  WidgetRow,
} from "../types.js";
import * as apiKeys from "./api-key-ops.js";
import * as bookings from "./booking-ops.js";
import * as consoleRows from "./console-ops.js";
import * as outbox from "./outbox-ops.js";
import * as records from "./record-ops.js";
import * as slots from "./slot-ops.js";
import * as webhooks from "./webhook-ops.js";
import * as widgets from "./widget-ops.js";

type P<K extends keyof StoreOps> = Parameters<StoreOps[K]>;

/**
 * Every operation bound to `db`. A class rather than an object of closures because one is made per
 * transaction on the booking hot path: `new` costs one allocation, merging closure objects cost ~15 µs.
 * Call methods on the object (`store.getSlot(id)`); a detached `const { getSlot } = store` loses `this`.
 */
export class KyselyOps implements StoreOps {
  /**
   * `rowLocks`: the engine has row locks (PostgreSQL) and `lock*` must take them; SQLite's one writer needs none.
   * `outboxWritten` is told of every outbox insert (the store wakes the worker once the write has committed).
   */
  constructor(
    protected readonly db: Kysely<Database>,
    protected readonly rowLocks: boolean,
    protected readonly outboxWritten?: () => void,
  ) {}

  insertWidget(row: WidgetRow) {
    return widgets.insertWidget(this.db, row);
  }
  getWidget(id: string) {
    return widgets.getWidget(this.db, id);
  }
  listWidgets() {
    return widgets.listWidgets(this.db);
  }
  updateWidget(...[id, patch]: P<"updateWidget">) {
    return widgets.updateWidget(this.db, id, patch);
  }
  deleteWidget(id: string) {
    return widgets.deleteWidget(this.db, id);
  }

  insertSlots(rows: SlotRow[]) {
    return slots.insertSlots(this.db, rows);
  }
  getSlot(id: string) {
    return slots.getSlot(this.db, id);
  }
  listSlots(...[widgetId, window]: P<"listSlots">) {
    return slots.listSlots(this.db, widgetId, window);
  }
  updateSlot(...[id, patch]: P<"updateSlot">) {
    return slots.updateSlot(this.db, id, patch);
  }
  deleteSlot(id: string) {
    return slots.deleteSlot(this.db, id);
  }
  lockSlots(ids: string[]) {
    return slots.lockSlots(this.db, ids, this.rowLocks);
  }
  takeSeat(slotId: string, now: string, only?: { widgetId?: string; startsAfter?: string }) {
    return slots.takeSeat(this.db, slotId, now, only);
  }
  releaseSeat(slotId: string, now: string) {
    return slots.releaseSeat(this.db, slotId, now);
  }

  insertBooking(row: BookingRow) {
    return bookings.insertBooking(this.db, row);
  }
  getBooking(id: string) {
    return bookings.getBooking(this.db, id);
  }
  lockBooking(id: string) {
    return bookings.getBooking(this.db, id, this.rowLocks);
  }
  updateBooking(...[id, patch, only]: P<"updateBooking">) {
    return bookings.updateBooking(this.db, id, patch, only);
  }
  cancelSlotBookings(...[slotId, change]: P<"cancelSlotBookings">) {
    return bookings.cancelSlotBookings(this.db, slotId, change);
  }
  findConfirmedBooking(slotId: string, emailIndexes: string[]) {
    return bookings.findConfirmedBooking(this.db, slotId, emailIndexes);
  }
  listBookings(query: BookingQuery) {
    return bookings.listBookings(this.db, query);
  }
  streamBookings(...[filter, pageSize]: P<"streamBookings">) {
    return bookings.streamBookings(this.db, filter, pageSize);
  }
  countBookings(...[from, to, widgetId]: P<"countBookings">) {
    return bookings.countBookings(this.db, from, to, widgetId);
  }
  upcomingSlots(...[now, limit, widgetId]: P<"upcomingSlots">) {
    return slots.upcomingSlots(this.db, now, limit, widgetId);
  }

  insertIdempotency(row: IdempotencyRow) {
    return records.insertIdempotency(this.db, row);
  }
  getIdempotency(widgetId: string, key: string) {
    return records.getIdempotency(this.db, widgetId, key);
  }
  purgeIdempotency(before: string) {
    return records.purgeIdempotency(this.db, before);
  }
  insertWebhook(row: WebhookRow) {
    return webhooks.insertWebhook(this.db, row);
  }
  getWebhook(id: string) {
    return webhooks.getWebhook(this.db, id);
  }
  listWebhooks() {
    return webhooks.listWebhooks(this.db);
  }
  activeWebhooksFor(widgetId: string) {
    return webhooks.activeWebhooksFor(this.db, widgetId);
  }
  updateWebhook(...[id, patch]: P<"updateWebhook">) {
    return webhooks.updateWebhook(this.db, id, patch);
  }
  deleteWebhook(id: string) {
    return webhooks.deleteWebhook(this.db, id);
  }
  listDeliveries(...[webhookId, after, limit]: P<"listDeliveries">) {
    return webhooks.listDeliveries(this.db, webhookId, after, limit);
  }
  async replayDelivery(webhookId: string, deliveryId: string, now: string) {
    const row = await webhooks.replayDelivery(this.db, webhookId, deliveryId, now);
    if (row) this.outboxWritten?.();
    return row;
  }

  countFunnelStep(...[widgetId, day, source, step]: P<"countFunnelStep">) {
    return consoleRows.countFunnelStep(this.db, widgetId, day, source, step);
  }
  funnelTotals(...[fromDay, toDay, widgetId]: P<"funnelTotals">) {
    return consoleRows.funnelTotals(this.db, fromDay, toDay, widgetId);
  }
  emailTrouble(limit: number) {
    return outbox.emailTrouble(this.db, limit);
  }

  insertUser(row: UserRow) {
    return consoleRows.insertUser(this.db, row);
  }
  getUser(id: string) {
    return consoleRows.getUser(this.db, id);
  }
  findUserByEmail(email: string) {
    return consoleRows.findUserByEmail(this.db, email);
  }
  listUsers() {
    return consoleRows.listUsers(this.db);
  }
  countUsers() {
    return consoleRows.countUsers(this.db);
  }
  updateUser(...[id, patch]: P<"updateUser">) {
    return consoleRows.updateUser(this.db, id, patch);
  }
  deleteUser(id: string) {
    return consoleRows.deleteUser(this.db, id);
  }
  insertSession(row: SessionRow) {
    return consoleRows.insertSession(this.db, row);
  }
  findSession(tokenHash: string, now: string) {
    return consoleRows.findSession(this.db, tokenHash, now);
  }
  touchSession(id: string, at: string, unlessAfter: string) {
    return consoleRows.touchSession(this.db, id, at, unlessAfter);
  }
  deleteSession(id: string) {
    return consoleRows.deleteSession(this.db, id);
  }
  deleteUserSessions(userId: string) {
    return consoleRows.deleteUserSessions(this.db, userId);
  }
  purgeSessions(before: string) {
    return consoleRows.purgeSessions(this.db, before);
  }
  insertUserToken(row: UserTokenRow) {
    return consoleRows.insertUserToken(this.db, row);
  }
  findUserToken(tokenHash: string) {
    return consoleRows.findUserToken(this.db, tokenHash);
  }
  useUserToken(id: string, at: string) {
    return consoleRows.useUserToken(this.db, id, at);
  }
  listOpenInvites(now: string) {
    return consoleRows.listOpenInvites(this.db, now);
  }
  deleteInvite(id: string) {
    return consoleRows.deleteInvite(this.db, id);
  }

  insertApiKey(row: ApiKeyRow) {
    return apiKeys.insertApiKey(this.db, row);
  }
  findApiKey(hash: string) {
    return apiKeys.findApiKey(this.db, hash);
  }
  listApiKeys() {
    return apiKeys.listApiKeys(this.db);
  }
  deleteApiKey(id: string) {
    return apiKeys.deleteApiKey(this.db, id);
  }
  markApiKeyUsed(id: string, at: string, unlessAfter: string) {
    return apiKeys.markApiKeyUsed(this.db, id, at, unlessAfter);
  }

  async insertOutbox(rows: OutboxRow[]) {
    await outbox.insertOutbox(this.db, rows);
    if (rows.length > 0) this.outboxWritten?.();
  }
  claimOutbox(now: string, leaseUntil: string, limit: number) {
    return outbox.claimOutbox(this.db, now, leaseUntil, limit, this.rowLocks);
  }
  settleOutbox(id: string, leaseUntil: string, outcome: OutboxOutcome, now: string) {
    return outbox.settleOutbox(this.db, id, leaseUntil, outcome, now);
  }
  dropOutbox(bookingId: string, scope: "reminders" | "personal", now: string) {
    return outbox.dropOutbox(this.db, bookingId, scope, now);
  }
  listOutbox(bookingId: string) {
    return outbox.listOutbox(this.db, bookingId);
  }
}
