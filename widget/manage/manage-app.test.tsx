/**
 * @module The manage page's app against the fake API: the booking in the visitor's zone with place and organiser,
 * calendar links, reschedule (and a time that fills up meanwhile), cancel after a question, and the pages for a
 * cancelled, erased or unknown booking, in English, Spanish and Arabic.
 */
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { createClient } from "../../sdk/client/public-client.js";
import { type Booking, bookingSchema } from "../../sdk/schemas/booking.js";
import { importCatalogue } from "../i18n/import-catalogue.js";
import { importManageCatalogue } from "../i18n/manage/import-manage-catalogue.js";
import { button, shadowOf, textOf, waitFor, waitForText } from "../test/dom.test.helper.js";
import { API, problem, useFakeApi } from "../test/fake-api.test.helper.js";
import { mountManage } from "./manage-mount.js";
import { readManageTarget } from "./manage-target.js";

const { server, fake } = useFakeApi(`${API}/manage/bkg_1`);

/** The booking as the API answers it: 14:00–15:00 Berlin on 2 December (slot_c). */
function booking(patch: Partial<Booking> = {}): Booking {
  return bookingSchema.parse({
    id: "bkg_1",
    widgetId: "wgt_demo",
    status: "confirmed",
    slot: { id: "slot_c", startsAt: "2026-12-02T13:00:00.000Z", endsAt: "2026-12-02T14:00:00.000Z" },
    createdAt: "2026-11-25T10:00:00.000Z",
    ...patch,
  });
}

/** The manage routes of the fake API; what was sent is recorded in `seen`. */
function manageApi(current: () => Booking | Response) {
  const seen: Array<{ path: string; auth: string | null; body?: unknown }> = [];
  server.use(
    http.get(`${API}/v1/bookings/:id`, ({ request }) => {
      seen.push({ path: new URL(request.url).pathname, auth: request.headers.get("authorization") });
      const answer = current();
      return answer instanceof Response ? answer : HttpResponse.json(answer);
    }),
  );
  return seen;
}

/** Mount the app for bkg_1 with the token, in Berlin. */
function open() {
  const host = document.createElement("main");
  document.body.append(host);
  mountManage(
    host,
    { bookingId: "bkg_1", token: "tok_secret", api: API, timeZone: "Europe/Berlin" },
    { client: createClient({ baseUrl: API }), catalogues: importCatalogue, manageCatalogues: importManageCatalogue },
  );
  return shadowOf(host);
}

const WIDGET_EXTRAS = {
  location: { kind: "in_person" as const, address: "Calle Mayor 1, 28013 Madrid" },
  organizer: { name: "Lucía Pérez", email: "lucia@school.example" },
};

describe("the manage page", () => {
  it("shows the booking in the visitor's zone, with its place, organiser and calendar links", async () => {
    fake.widget = { ...fake.widget, ...WIDGET_EXTRAS };
    const seen = manageApi(() => booking());
    const root = open();
    await waitForText(root, "You're booked");
    expect(seen[0]).toMatchObject({ path: "/v1/bookings/bkg_1", auth: "Bearer tok_secret" });
    const card = root.querySelector('[part="confirmation"]')!;
    expect(textOf(root.querySelector('[part="title"]')!)).toBe("Book a free demo class");
    expect(textOf(card.querySelector(".badge")!)).toBe("Confirmed");
    expect(textOf(card.querySelector(".when")!)).toMatch(/Wednesday, December 2, 2026.*2:00.*3:00\sPM/);
    expect(textOf(card.querySelector('[part="timezone"]')!)).toBe("Central European Time");
    expect(textOf(card.querySelector('[part="location"]')!)).toBe("Calle Mayor 1, 28013 Madrid");
    const mail = card.querySelector<HTMLAnchorElement>('[part="organizer"] a')!;
    expect(textOf(card.querySelector('[part="organizer"]')!)).toContain("Organised by Lucía Pérez");
    expect(mail.getAttribute("href")).toBe("mailto:lucia@school.example");
    expect(mail.getAttribute("aria-label")).toBe("Write to Lucía Pérez");
    const ics = card.querySelector<HTMLAnchorElement>('[part~="calendar"]')!;
    expect(ics.getAttribute("href")).toBe(`${API}/v1/bookings/bkg_1/invite.ics?token=tok_secret`);
    const links = [...card.querySelectorAll<HTMLAnchorElement>('[part="calendars"] a')];
    const google = new URL(links.find((a) => textOf(a).startsWith("Google Calendar"))!.href);
    expect(google.searchParams.get("dates")).toBe("20261202T130000Z/20261202T140000Z");
    expect(google.searchParams.get("location")).toBe("Calle Mayor 1, 28013 Madrid");
    const outlook = new URL(links.find((a) => textOf(a).startsWith("Outlook"))!.href);
    expect(outlook.searchParams.get("startdt")).toBe("2026-12-02T13:00:00Z");
    // The manage token never goes to a third party.
    expect(google.href + outlook.href).not.toContain("tok_secret");
  });

  it("reschedules to another open time with the widget's picker", async () => {
    let current = booking();
    manageApi(() => current);
    const moves: unknown[] = [];
    server.use(
      http.post(`${API}/v1/bookings/:id/reschedule`, async ({ request }) => {
        moves.push({ body: await request.json(), auth: request.headers.get("authorization") });
        current = booking({
          slot: { id: "slot_d", startsAt: "2026-12-02T15:00:00.000Z", endsAt: "2026-12-02T16:00:00.000Z" },
        });
        return HttpResponse.json(current);
      }),
    );
    const root = open();
    await waitForText(root, "You're booked");
    button(root, "Reschedule").click();
    await waitForText(root, "Pick a new time");
    // The time the booking holds is not offered again.
    expect(root.querySelector('[data-id="slot_c"]')).toBeNull();
    expect(button(root, "Move my booking here").disabled).toBe(true);
    button(root, "4:00 PM").click();
    await waitFor(() => !button(root, "Move my booking here").disabled);
    button(root, "Move my booking here").click();
    await waitForText(root, "Your booking is moved");
    expect(moves).toEqual([{ body: { slotId: "slot_d" }, auth: "Bearer tok_secret" }]);
    expect(textOf(root.querySelector(".when")!)).toMatch(/4:00.*5:00\sPM/);
    expect(root.activeElement?.textContent).toBe("Your booking is moved");
  });

  it("says so when the new time filled up meanwhile, keeps the booking, and offers fresh times", async () => {
    manageApi(() => booking());
    server.use(http.post(`${API}/v1/bookings/:id/reschedule`, () => problem("slot_full")));
    const root = open();
    await waitForText(root, "You're booked");
    button(root, "Reschedule").click();
    await waitForText(root, "Pick a new time");
    const before = fake.slotRequests;
    button(root, "4:00 PM").click();
    await waitFor(() => !button(root, "Move my booking here").disabled);
    button(root, "Move my booking here").click();
    await waitForText(root, "Sorry, that time just filled up. Your booking is unchanged; please pick another time.");
    expect(fake.slotRequests).toBe(before + 1);
    expect(root.querySelector('[role="alert"]')).not.toBeNull();
    expect(button(root, "Move my booking here").disabled).toBe(true);
    button(root, "Keep the current time").click();
    await waitForText(root, "You're booked");
  });

  it("cancels only after a question that names the time and says it cannot be undone", async () => {
    let current = booking();
    manageApi(() => current);
    server.use(
      http.post(`${API}/v1/bookings/:id/cancel`, () => {
        current = booking({ status: "cancelled", cancelledAt: "2026-11-26T10:00:00.000Z", cancelReason: "visitor" });
        return HttpResponse.json(current);
      }),
    );
    const root = open();
    await waitForText(root, "You're booked");
    button(root, "Cancel booking").click();
    await waitForText(root, "Cancel your seat on December 2, 2026 at 2:00 PM?");
    expect(textOf(root)).toContain("This cannot be undone");
    // The safe answer takes focus.
    expect(textOf(root.activeElement!)).toBe("Keep booking");
    button(root, "Keep booking").click();
    await waitForText(root, "You're booked");
    button(root, "Cancel booking").click();
    await waitForText(root, "Yes, cancel");
    button(root, "Yes, cancel").click();
    await waitForText(root, "Your booking is cancelled.");
    expect(textOf(root)).toContain("You cancelled this booking.");
    expect(textOf(root.querySelector(".badge")!)).toBe("Cancelled");
    expect(root.querySelector('[part~="calendar"]')).toBeNull();
    // Book again: the widget itself, on this page.
    button(root, "Book another time").click();
    await waitForText(root, "3 seats left");
  });

  it("explains a booking the organiser cancelled, or whose class was cancelled", async () => {
    let current = booking({
      status: "cancelled",
      cancelledAt: "2026-11-26T10:00:00.000Z",
      cancelReason: "slot_cancelled",
    });
    manageApi(() => current);
    let root = open();
    await waitForText(root, "This class was cancelled by the organiser.");
    expect(root.querySelector(".when.gone")).not.toBeNull();
    document.body.replaceChildren();
    current = booking({ status: "cancelled", cancelledAt: "2026-11-26T10:00:00.000Z", cancelReason: "admin" });
    root = open();
    await waitForText(root, "The organiser cancelled this booking.");
  });

  it("says an erased booking was erased and holds no seat", async () => {
    manageApi(() => booking({ status: "erased" }));
    const root = open();
    await waitForText(root, "This booking was erased");
    expect(textOf(root)).toContain("Its personal details were deleted for good");
    expect(textOf(root.querySelector(".badge")!)).toBe("Erased");
    expect(root.querySelector('[part~="cancel"]')).toBeNull();
  });

  it("answers a wrong token or an unknown booking with what to do", async () => {
    for (const code of ["unauthorized", "not_found"] as const) {
      manageApi(() => problem(code));
      const root = open();
      await waitForText(root, "This booking link does not work");
      expect(textOf(root)).toContain("Use the link in your confirmation email, or contact the organiser.");
      expect(root.querySelector("button")).toBeNull();
      document.body.replaceChildren();
    }
  });

  it("offers to try again when the service cannot be reached", async () => {
    let fail = true;
    manageApi(() => (fail ? HttpResponse.error() : booking()));
    const root = open();
    await waitForText(root, "We couldn't reach the booking service.", 8000);
    fail = false;
    button(root, "Try again").click();
    await waitForText(root, "You're booked");
  }, 20_000);

  it("speaks the widget's language, right to left in Arabic", async () => {
    fake.widget = { ...fake.widget, locale: "es" };
    manageApi(() => booking());
    let root = open();
    await waitForText(root, "Cambiar la hora");
    expect(textOf(root)).toContain("Google Calendar");
    document.body.replaceChildren();
    fake.widget = { ...fake.widget, locale: "ar" };
    root = open();
    await waitForText(root, "تغيير الموعد");
    expect(root.querySelector("[dir=rtl]")).not.toBeNull();
  });
});

describe("readManageTarget", () => {
  it("moves the token from the page into the fragment, and reads it back from there on a reload", () => {
    const element = document.createElement("main");
    element.dataset.slotbookManage = "bkg_1";
    element.dataset.token = "tok a/b";
    const calls: unknown[][] = [];
    const history = { replaceState: (...args: unknown[]) => void calls.push(args) };
    expect(readManageTarget(element, { pathname: "/manage/bkg_1", hash: "" }, history)).toEqual({
      bookingId: "bkg_1",
      token: "tok a/b",
    });
    expect(element.hasAttribute("data-token")).toBe(false);
    expect(calls).toEqual([[null, "", "/manage/bkg_1#token=tok%20a%2Fb"]]);
    const reloaded = document.createElement("main");
    reloaded.dataset.slotbookManage = "bkg_1";
    expect(readManageTarget(reloaded, { pathname: "/manage/bkg_1", hash: "#token=tok%20a%2Fb" }, history).token).toBe(
      "tok a/b",
    );
  });
});
