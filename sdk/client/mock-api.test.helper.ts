/** @module Test helper: an msw server speaking the real API shapes, which records every request it receives. */
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";
import { ERROR_CODES, ERROR_TYPE_BASE, type ErrorCode } from "../errors/codes.js";
import type { Booking, BookingCreated } from "../schemas/booking.js";
import type { AdminBooking } from "../schemas/booking-admin.js";
import type { Problem } from "../schemas/problem.js";
import type { Slot } from "../schemas/slot.js";
import type { AdminSlot } from "../schemas/slot-admin.js";
import type { PublicWidget } from "../schemas/widget.js";
import type { Widget } from "../schemas/widget-admin.js";

/** Base URL of the mocked server. */
export const BASE = "https://book.test";

const CREATED = "2026-11-01T09:00:00.000Z";

export const publicWidget: PublicWidget = {
  id: "wgt_demo",
  title: "Free demo class",
  locale: "en",
  timezone: "Europe/Berlin",
  theme: { accent: "#4f46e5", radius: 12, mode: "auto" },
  phone: "optional",
  fields: [{ key: "level", label: "Your level", type: "select", required: true, options: ["new", "some"] }],
};
export const widget: Widget = {
  ...publicWidget,
  allowedOrigins: ["https://school.example"],
  status: "active",
  notifyEmails: ["team@school.example"],
  createdAt: CREATED,
  updatedAt: CREATED,
};
export const slot: Slot = {
  id: "slot_a",
  startsAt: "2026-12-01T14:00:00.000Z",
  endsAt: "2026-12-01T15:00:00.000Z",
  capacity: 10,
  remaining: 3,
};
export const adminSlot: AdminSlot = {
  ...slot,
  widgetId: "wgt_demo",
  booked: 7,
  status: "active",
  createdAt: CREATED,
  updatedAt: CREATED,
};
export const booking: Booking = {
  id: "bkg_1",
  widgetId: "wgt_demo",
  status: "confirmed",
  slot: { id: slot.id, startsAt: slot.startsAt, endsAt: slot.endsAt },
  createdAt: CREATED,
};
export const bookingCreated: BookingCreated = {
  booking,
  manageToken: "mt_secret",
  manageUrl: `${BASE}/manage/bkg_1?token=mt_secret`,
};
export const adminBooking: AdminBooking = {
  ...booking,
  name: "Ada Lovelace",
  email: "ada@example.com",
  updatedAt: CREATED,
};

/** A problem+json answer exactly as the server builds it. */
export function problem(code: ErrorCode, extra: Partial<Problem> = {}, headers: Record<string, string> = {}) {
  const { status, title } = ERROR_CODES[code];
  const body: Problem = { type: ERROR_TYPE_BASE + code, title, status, code, detail: `detail of ${code}`, ...extra };
  return HttpResponse.json(body, { status, headers: { "content-type": "application/problem+json", ...headers } });
}

/** One request as the mock server received it. */
export interface Received {
  method: string;
  url: URL;
  headers: Headers;
  /** The JSON body, or `undefined` when there was none. */
  body: unknown;
}

type Method = "get" | "post" | "patch" | "delete";
type Reply = (received: Received, attempt: number) => Response | Promise<Response>;

/** Starts the msw server for the calling test file, failing on any request no handler expects. */
export function useMockApi() {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  /** Answers `method /v1/{path}` with `reply`; the returned list fills with every request received. */
  function route(method: Method, path: string, reply: Reply): Received[] {
    const received: Received[] = [];
    server.use(
      http[method](`${BASE}/v1/${path}`, async ({ request }) => {
        const text = await request.text();
        const entry = { method: request.method, url: new URL(request.url), headers: request.headers, body: undefined };
        received.push({ ...entry, body: text ? JSON.parse(text) : undefined });
        return reply(received.at(-1)!, received.length);
      }),
    );
    return received;
  }

  return { server, route };
}
