/**
 * @module The benchmark's limit: a server doing a booking's work and nothing more, on node:http with no framework.
 * The same zod check, phone normalisation and crypto as Slotbook (the domain's own row builders: sealed personal
 * data, blind index, token hash, sealed outbox facts, the idempotency record), then raw better-sqlite3 with group
 * commit (savepoint per booking) or raw pg with the one-statement CTE. GET config and slots read the database and
 * answer the same JSON. Widget and slot facts are read once, as a lean server would.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { safeParse } from "zod/v4/core";
import { bookingRequestSchema, type ParsedBookingRequest, type Widget } from "../sdk/index.js";
import { parseSecret } from "../server/crypto/index.js";
import { manageUrl, newBookingRow } from "../server/domain/booking-row.js";
import { toBooking } from "../server/domain/booking-view.js";
import type { Deps } from "../server/domain/deps.js";
import { emailRows } from "../server/domain/follow-up.js";
import { createdRecord } from "../server/domain/idempotency.js";
import { toSlot } from "../server/domain/slots.js";
import { toPublicWidget, toWidget } from "../server/domain/widgets.js";
import { toE164 } from "../server/phone/index.js";
import { postgresSeatBooker } from "../server/store/postgres-seat-booker.js";
import type { SeatBooking, SlotRow, WidgetRow } from "../server/store/types.js";

const SLOT_COLUMNS = `id, widget_id as "widgetId", starts_at as "startsAt", ends_at as "endsAt", capacity, booked, label,
  status, created_at as "createdAt", updated_at as "updatedAt"`;
const WIDGET_COLUMNS = `id, status, config, created_at as "createdAt", updated_at as "updatedAt"`;

interface Engine {
  bookSeat(plan: SeatBooking): Promise<SlotRow | undefined>;
  widget(id: string): Promise<WidgetRow | undefined>;
  slots(widgetId: string, from: string, to: string): Promise<SlotRow[]>;
  slot(id: string): Promise<SlotRow | undefined>;
}

function sqliteEngine(filename: string): Engine {
  const db = new BetterSqlite3(filename);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("wal_autocheckpoint = 10000");
  db.pragma("cache_size = -32000");
  const s = {
    begin: db.prepare("begin immediate"),
    commit: db.prepare("commit"),
    savepoint: db.prepare("savepoint b"),
    release: db.prepare("release b"),
    rollbackTo: db.prepare("rollback to b"),
    take: db.prepare(`update slots set booked = booked + 1, updated_at = ? where id = ? and widget_id = ?
      and status = 'active' and booked < capacity and starts_at > ? returning ${SLOT_COLUMNS}`),
    booking: db.prepare(`insert into bookings (id, widget_id, slot_id, status, email_index, pii, token_hash, created_at,
      updated_at, source) values (?, ?, ?, 'confirmed', ?, ?, ?, ?, ?, ?)`),
    idem: db.prepare(`insert into idempotency (widget_id, key, request_hash, status, body, created_at)
      values (?, ?, ?, ?, ?, ?)`),
    outbox: db.prepare(`insert into outbox (id, kind, event, booking_id, widget_id, target, sealed, due_at, status,
      attempts, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)`),
    widget: db.prepare(`select ${WIDGET_COLUMNS} from widgets where id = ?`),
    slot: db.prepare(`select ${SLOT_COLUMNS} from slots where id = ?`),
    slots: db.prepare(`select ${SLOT_COLUMNS} from slots where widget_id = ? and starts_at >= ? and starts_at < ?
      and status = 'active' order by starts_at, id limit 501`),
  };
  let queue: { plan: SeatBooking; done: (slot: SlotRow | undefined, error?: unknown) => void }[] = [];
  const flush = () => {
    const group = queue;
    queue = [];
    const out: (SlotRow | Error | undefined)[] = [];
    s.begin.run();
    for (const { plan: p } of group) {
      s.savepoint.run();
      try {
        const slot = s.take.get(p.now, p.slot.id, p.slot.widgetId, p.now) as SlotRow | undefined;
        if (slot) {
          const b = p.booking;
          s.booking.run(
            b.id,
            b.widgetId,
            b.slotId,
            b.emailIndex,
            b.pii,
            b.tokenHash,
            b.createdAt,
            b.updatedAt,
            b.source,
          );
          const i = p.idempotency;
          if (i) s.idem.run(i.widgetId, i.key, i.requestHash, i.status, i.body, i.createdAt);
          for (const o of p.outbox) {
            s.outbox.run(o.id, o.kind, o.event, o.bookingId, o.widgetId, o.target, o.sealed, o.dueAt, p.now, p.now);
          }
        }
        s.release.run();
        out.push(slot);
      } catch (error) {
        s.rollbackTo.run();
        s.release.run();
        out.push(error as Error);
      }
    }
    s.commit.run();
    group.forEach(({ done }, i) => {
      const r = out[i];
      r instanceof Error ? done(undefined, r) : done(r);
    });
  };
  return {
    bookSeat: (plan) =>
      new Promise((resolve, reject) => {
        if (queue.length === 0) setImmediate(flush);
        queue.push({ plan, done: (slot, error) => (error ? reject(error) : resolve(slot)) });
      }),
    widget: async (id) => s.widget.get(id) as WidgetRow | undefined,
    slot: async (id) => s.slot.get(id) as SlotRow | undefined,
    slots: async (widgetId, from, to) => s.slots.all(widgetId, from, to) as SlotRow[],
  };
}

function postgresEngine(connectionString: string): Engine {
  const pool = new pg.Pool({ connectionString, max: 10 });
  const one = async <T>(text: string, values: unknown[]) => (await pool.query(text, values)).rows[0] as T | undefined;
  return {
    bookSeat: postgresSeatBooker((query) => pool.query(query)),
    widget: (id) => one(`select ${WIDGET_COLUMNS} from widgets where id = $1`, [id]),
    slot: (id) => one(`select ${SLOT_COLUMNS} from slots where id = $1`, [id]),
    slots: async (widgetId, from, to) =>
      (
        await pool.query({
          name: "raw_slots",
          text: `select ${SLOT_COLUMNS} from slots where widget_id = $1 and starts_at >= $2 and starts_at < $3
            and status = 'active' order by starts_at, id limit 501`,
          values: [widgetId, from, to],
        })
      ).rows,
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/** Starts the raw server on `databaseUrl` (sqlite:PATH or postgres://); resolves with its port. */
export async function startRawServer(databaseUrl: string, secret: string): Promise<number> {
  const engine = databaseUrl.startsWith("sqlite:")
    ? sqliteEngine(databaseUrl.slice("sqlite:".length))
    : postgresEngine(databaseUrl);
  const deps = { keys: parseSecret(secret), now: () => new Date(), publicUrl: "http://127.0.0.1" } as Deps;
  const widgets = new Map<string, Widget>();
  const slots = new Map<string, SlotRow>();
  const widgetOf = async (id: string) => {
    let widget = widgets.get(id);
    if (!widget) {
      const row = await engine.widget(id);
      widget = row && toWidget(row);
      if (widget) widgets.set(id, widget);
    }
    return widget;
  };

  const book = async (widget: Widget, body: string, key: string | undefined) => {
    const parsed = safeParse(bookingRequestSchema, JSON.parse(body));
    if (!parsed.success) return [422, { code: "validation_failed" }] as const;
    const request = parsed.data as ParsedBookingRequest;
    const checked = { ...request, phone: request.phone && toE164(request.phone, widget.phoneCountry) };
    let slot = slots.get(checked.slotId);
    if (!slot) {
      slot = await engine.slot(checked.slotId);
      if (!slot) return [404, { code: "not_found" }] as const;
      slots.set(slot.id, slot);
    }
    const now = new Date().toISOString();
    const { row, token, personal } = newBookingRow(deps, widget, slot.id, checked, now);
    const link = manageUrl(deps.publicUrl, row.id, token);
    const value = { booking: toBooking(row, slot), manageToken: token, manageUrl: link };
    const event = { type: "booking.created", widget, booking: row, slot, personal, manageUrl: link } as const;
    const plan: SeatBooking = {
      now,
      slot,
      webhooks: "",
      booking: row,
      outbox: emailRows(deps, event, 0, now),
      ...(key ? { idempotency: createdRecord(deps, { scope: widget.id, key, request }, value, now) } : {}),
    };
    try {
      return (await engine.bookSeat(plan)) ? ([201, value] as const) : ([409, { code: "slot_full" }] as const);
    } catch {
      return [409, { code: "already_booked" }] as const;
    }
  };

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://raw");
      const [, v1, kind, widgetId, sub] = url.pathname.split("/");
      const widget = v1 === "v1" && kind === "widgets" && widgetId ? await widgetOf(widgetId) : undefined;
      if (!widget) return send(res, 404, { code: "not_found" });
      if (req.method === "POST" && sub === "bookings") {
        const key = req.headers["idempotency-key"];
        const [status, body] = await book(widget, await readBody(req), typeof key === "string" ? key : undefined);
        return send(res, status, body);
      }
      if (req.method === "GET" && sub === "slots") {
        const from = new Date().toISOString();
        const to = new Date(Date.now() + 30 * 86_400_000).toISOString();
        const rows = await engine.slots(widget.id, from, to);
        return send(res, 200, { slots: rows.slice(0, 500).map(toSlot) });
      }
      if (req.method === "GET" && sub === undefined) return send(res, 200, toPublicWidget(widget));
      send(res, 404, { code: "not_found" });
    } catch {
      send(res, 500, { code: "internal_error" });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  // The pool and keep-alive sockets would hold the process open; a benchmark server has nothing to finish.
  process.once("SIGTERM", () => process.exit(0));
  return (server.address() as AddressInfo).port;
}
