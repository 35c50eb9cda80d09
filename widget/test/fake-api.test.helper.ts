/**
 * @module The one fake Slotbook API of the widget tests: msw handlers answering with the contract's real shapes, the
 * state a test changes and inspects, and the hooks that run it for a test file.
 */
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { ERROR_CODES, type ErrorCode } from "../../sdk/errors/codes.js";
import { type BookingCreated, bookingCreatedSchema, bookingSchema } from "../../sdk/schemas/booking.js";
import type { Issue } from "../../sdk/schemas/problem.js";
import { type Slot, slotListSchema } from "../../sdk/schemas/slot.js";
import { type PublicWidget, publicWidgetSchema } from "../../sdk/schemas/widget.js";
import { setPageUrl } from "./dom.test.helper.js";

/** Origin of the fake API. */
export const API = "https://book.test";

/** A widget with every kind of field, parsed with the contract's schema so the shape is real. */
export function demoWidget(patch: Partial<PublicWidget> = {}): PublicWidget {
  return publicWidgetSchema.parse({
    id: "wgt_demo",
    title: "Book a free demo class",
    description: "45 minutes, online, no commitment.",
    locale: "en",
    timezone: "Europe/Berlin",
    theme: { accent: "#4f46e5", radius: 12, mode: "light" },
    phone: "optional",
    fields: [
      { key: "level", label: "Your level", type: "select", required: true, options: ["Beginner", "Advanced"] },
      { key: "notes", label: "Anything we should know?", type: "textarea", required: false },
      { key: "news", label: "Send me class news", type: "checkbox", required: false },
    ],
    consent: { text: "I agree to be contacted about the class.", required: true },
    successMessage: "See you in class!",
    ...patch,
  });
}

/** Day one (1 Dec 2026, Berlin) is full; day two has a full slot and two open ones. */
export function demoSlots(): Slot[] {
  return slotListSchema.parse({
    slots: [
      {
        id: "slot_a",
        startsAt: "2026-12-01T09:00:00.000Z",
        endsAt: "2026-12-01T10:00:00.000Z",
        capacity: 5,
        remaining: 0,
      },
      {
        id: "slot_b",
        startsAt: "2026-12-02T08:00:00.000Z",
        endsAt: "2026-12-02T09:00:00.000Z",
        capacity: 5,
        remaining: 0,
      },
      {
        id: "slot_c",
        startsAt: "2026-12-02T13:00:00.000Z",
        endsAt: "2026-12-02T14:00:00.000Z",
        capacity: 5,
        remaining: 3,
      },
      {
        id: "slot_d",
        startsAt: "2026-12-02T15:00:00.000Z",
        endsAt: "2026-12-02T16:00:00.000Z",
        capacity: 8,
        remaining: 1,
      },
      {
        id: "slot_e",
        startsAt: "2026-12-03T15:00:00.000Z",
        endsAt: "2026-12-03T16:00:00.000Z",
        capacity: 8,
        remaining: 8,
      },
    ],
  }).slots;
}

/** A problem+json answer as the server sends it. */
export function problem(code: ErrorCode, init: { issues?: Issue[]; headers?: Record<string, string> } = {}) {
  const { status, title } = ERROR_CODES[code];
  return HttpResponse.json(
    { type: `https://slotbook.dev/errors/${code}`, title, status, code, detail: title, issues: init.issues ?? [] },
    { status, headers: { "content-type": "application/problem+json", ...init.headers } },
  );
}

/** A recorded booking request. */
export interface SeenBooking {
  key: string | null;
  origin: string | null;
  body: Record<string, unknown>;
}

/** The created-booking answer for a slot. */
export function created(slot: Slot, id = "bkg_1"): BookingCreated {
  return bookingCreatedSchema.parse({
    booking: {
      id,
      widgetId: "wgt_demo",
      status: "confirmed",
      slot: { id: slot.id, startsAt: slot.startsAt, endsAt: slot.endsAt },
      createdAt: "2026-11-25T10:00:00.000Z",
    },
    manageToken: "tok_secret",
    manageUrl: `${API}/manage/${id}?token=tok_secret`,
  });
}

/** State of the fake API that a test can change and inspect. */
export interface FakeApi {
  widget: PublicWidget;
  slots: Slot[];
  bookings: SeenBooking[];
  slotRequests: number;
  /** Answers POST bookings; default: 201 with `created()`. */
  book: (seen: SeenBooking, attempt: number) => Response | Promise<Response>;
  cancels: Array<string | null>;
  /** Funnel beacons received: their body and content type. */
  events: Array<{ body: unknown; type: string | null }>;
}

/** The msw server of the fake API, its state, and a reset of that state. */
function fakeApi() {
  const fake: FakeApi = {
    widget: demoWidget(),
    slots: demoSlots(),
    bookings: [],
    slotRequests: 0,
    book: () => HttpResponse.json({}),
    cancels: [],
    events: [],
  };
  const reset = () => {
    Object.assign(fake, {
      widget: demoWidget(),
      slots: demoSlots(),
      bookings: [],
      slotRequests: 0,
      cancels: [],
      events: [],
    });
    fake.book = (seen) => {
      const slot = fake.slots.find((s) => s.id === seen.body.slotId)!;
      return HttpResponse.json(created(slot), { status: 201 });
    };
  };
  reset();
  const server = setupServer(
    http.get(`${API}/v1/widgets/:id`, ({ params }) =>
      params.id === fake.widget.id ? HttpResponse.json(fake.widget) : problem("not_found"),
    ),
    http.get(`${API}/v1/widgets/:id/slots`, ({ params, request }) => {
      fake.slotRequests += 1;
      if (params.id !== fake.widget.id) return problem("not_found");
      const withWidget = new URL(request.url).searchParams.get("include") === "widget";
      return HttpResponse.json(withWidget ? { slots: fake.slots, widget: fake.widget } : { slots: fake.slots });
    }),
    http.post(`${API}/v1/widgets/:id/bookings`, async ({ request }) => {
      const seen = {
        key: request.headers.get("idempotency-key"),
        origin: request.headers.get("origin"),
        body: (await request.json()) as Record<string, unknown>,
      };
      fake.bookings.push(seen);
      return fake.book(seen, fake.bookings.length);
    }),
    // happy-dom asks first for any cross-origin POST; a browser sends a text/plain beacon without asking.
    http.options(
      `${API}/v1/widgets/:id/events`,
      () =>
        new HttpResponse(null, {
          status: 204,
          headers: { "access-control-allow-origin": "*", "access-control-allow-methods": "POST" },
        }),
    ),
    http.post(`${API}/v1/widgets/:id/events`, async ({ request }) => {
      fake.events.push({ body: JSON.parse(await request.text()), type: request.headers.get("content-type") });
      return new HttpResponse(null, { status: 204, headers: { "access-control-allow-origin": "*" } });
    }),
    http.post(`${API}/v1/bookings/:id/cancel`, ({ request }) => {
      fake.cancels.push(request.headers.get("authorization"));
      const booking = created(fake.slots[2]!).booking;
      return HttpResponse.json(
        bookingSchema.parse({ ...booking, status: "cancelled", cancelledAt: booking.createdAt }),
      );
    }),
  );
  return { server, fake, reset };
}

/**
 * Register the hooks of a file that drives the widget against the fake API: msw listens for the whole file (any
 * request it does not fake fails the test) and the page is at `pageUrl`; after each test, the handlers a test added
 * with `server.use` go. Each test starts from a fresh fake and an empty page, unless `keepPage`: then the page and
 * the widgets a file mounted once stay from test to test (the embed script's tests).
 * @example const { server, fake } = useFakeApi();
 */
export function useFakeApi(pageUrl = "https://school.example/", { keepPage = false } = {}) {
  const { server, fake, reset } = fakeApi();
  beforeAll(() => {
    server.listen({ onUnhandledRequest: "error" });
    setPageUrl(pageUrl);
  });
  afterAll(() => server.close());
  afterEach(() => server.resetHandlers());
  if (!keepPage) {
    beforeEach(() => {
      reset();
      setPageUrl(pageUrl);
    });
    afterEach(() => document.body.replaceChildren());
  }
  return { server, fake };
}
