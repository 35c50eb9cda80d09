/** @module The bookings page over the real SDK: the table, the detail, attendance, cancel and erase after asking. */
import { act } from "preact/test-utils";
import { afterEach, describe, expect, it } from "vitest";
import { button, session, startConsole } from "../../testing.js";

const past = "2026-01-10T10:00:00.000Z";
const BOOKING = {
  id: "bkg_1",
  widgetId: "wgt_1",
  status: "confirmed",
  slot: { id: "slot_1", startsAt: past, endsAt: "2026-01-10T11:00:00.000Z" },
  createdAt: "2026-01-02T09:00:00.000Z",
  updatedAt: "2026-01-02T09:00:00.000Z",
  name: "Ada Lovelace",
  email: "ada@example.com",
  phone: "+442079460958",
  answers: { level: "Beginner", newsletter: true },
  consent: true,
  timezone: "Europe/London",
  locale: "en",
  context: { pageUrl: "https://school.example/trial", utm: { source: "newsletter", campaign: "winter" } },
};
const WIDGET = {
  id: "wgt_1",
  title: "Free trial class",
  locale: "en",
  timezone: "Europe/London",
  theme: { accent: "#4f46e5", radius: 12, mode: "auto" },
  phone: "optional",
  allowedOrigins: ["*"],
  status: "active",
  notifyEmails: [],
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  fields: [{ key: "level", label: "Your level", type: "select", required: true, options: ["Beginner"] }],
  consent: { text: "I agree to be contacted", required: true },
};

function dialog(root: Element): HTMLDialogElement {
  const found = root.querySelector("dialog[open]");
  if (!(found instanceof HTMLDialogElement)) throw new Error("no open dialog");
  return found;
}

describe("bookings page", () => {
  let stop = () => {};
  afterEach(() => stop());

  it("lists bookings with their source, filters by exact email, and links the CSV of the filter", async () => {
    const app = await startConsole("/bookings", {
      "GET /v1/auth/session": { body: session("editor") },
      "GET /v1/admin/widgets": { body: { data: [] } },
      "GET /v1/admin/bookings": (request) => {
        const email = new URL(request.url).searchParams.get("email");
        const data = email && email !== "ada@example.com" ? [] : [BOOKING];
        return Response.json({ data, nextCursor: email ? null : "cur_2" });
      },
    });
    stop = app.cleanup;
    await app.waitForText("Ada Lovelace");
    const row = [...app.root.querySelectorAll("tbody tr")][0]!;
    const cells = Object.fromEntries([...row.querySelectorAll("td")].map((td) => [td.dataset.label, td.textContent]));
    expect(cells).toMatchObject({ Email: "ada@example.com", Phone: "+442079460958", Source: "newsletter" });
    expect(cells.Status).toContain("Confirmed");
    expect(button(app.root, "Next").disabled).toBe(false);
    expect(app.root.querySelector("a[download]")?.getAttribute("href")).toBe("/v1/admin/bookings/export.csv");

    const email = app.root.querySelector<HTMLInputElement>("input[type=email]")!;
    act(() => {
      email.value = "Grace@Example.com";
      email.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await act(() => button(app.root, "Search").click());
    await app.waitForText("No bookings match");
    expect(location.search).toBe("?email=Grace%40Example.com");
    expect(app.requests.at(-1)?.path).toContain("email=grace%40example.com");
    expect(app.root.querySelector("a[download]")?.getAttribute("href")).toBe(
      "/v1/admin/bookings/export.csv?email=grace%40example.com",
    );
  });

  it("shows one booking whole, marks attendance, and cancels only after saying the visitor will be told", async () => {
    let current: Record<string, unknown> = { ...BOOKING };
    const app = await startConsole("/bookings/bkg_1", {
      "GET /v1/auth/session": { body: session("editor") },
      "GET /v1/admin/bookings/bkg_1": () => Response.json(current),
      "PATCH /v1/admin/bookings/bkg_1": async (request) => {
        current = { ...current, ...((await request.clone().json()) as object) };
        return Response.json(current);
      },
      "POST /v1/admin/bookings/bkg_1/cancel": () => {
        current = { ...current, status: "cancelled", cancelReason: "admin" };
        return Response.json(current);
      },
      "GET /v1/admin/bookings/bkg_1/messages": {
        body: {
          data: [
            {
              id: "msg_1",
              channel: "email",
              type: "booking.created",
              audience: "visitor",
              status: "delivered",
              attempts: 1,
              dueAt: BOOKING.createdAt,
              createdAt: BOOKING.createdAt,
              updatedAt: BOOKING.createdAt,
            },
          ],
        },
      },
      "GET /v1/admin/widgets/wgt_1": { body: WIDGET },
      "GET /v1/admin/webhooks": { body: { data: [] } },
    });
    stop = app.cleanup;
    await app.waitForText("Booking confirmation email to the visitor");
    await app.waitForText("Free trial class");
    const text = app.root.textContent!;
    for (const expected of ["Your level", "Beginner", "I agree to be contacted", "winter", "Europe/London", "Sent"]) {
      expect(text).toContain(expected);
    }

    await act(() => button(app.root, "Attended").click());
    await app.waitFor(() => button(app.root, "Attended").getAttribute("aria-pressed") === "true", "attended pressed");
    expect(JSON.parse(app.requests.find((r) => r.method === "PATCH")!.body)).toEqual({ attendance: "attended" });

    await act(() => button(app.root, "Cancel booking").click());
    const ask = dialog(app.root);
    expect(ask.textContent).toContain("Ada will be told by email");
    await act(() => button(ask, "Keep booking").click());
    expect(app.requests.some((r) => r.path.endsWith("/cancel"))).toBe(false);

    await act(() => button(app.root, "Cancel booking").click());
    await act(() => button(dialog(app.root), "Cancel booking").click());
    await app.waitForText("Cancelled by your team");
    expect(app.requests.filter((r) => r.path.endsWith("/cancel"))).toHaveLength(1);
  });

  it("asks before erasing and says what is lost for good", async () => {
    const app = await startConsole("/bookings/bkg_1", {
      "GET /v1/auth/session": { body: session("owner") },
      "GET /v1/admin/bookings/bkg_1": { body: BOOKING },
      "DELETE /v1/admin/bookings/bkg_1": {
        body: { ...BOOKING, status: "erased", name: undefined, email: undefined, phone: undefined, answers: undefined },
      },
      "GET /v1/admin/bookings/bkg_1/messages": { body: { data: [] } },
      "GET /v1/admin/widgets/wgt_1": { body: WIDGET },
      "GET /v1/admin/webhooks": { body: { data: [] } },
    });
    stop = app.cleanup;
    await app.waitForText("Ada Lovelace");
    await act(() => button(app.root, "Erase personal data").click());
    const ask = dialog(app.root);
    expect(ask.textContent).toContain("deleted for good");
    await act(() => button(ask, "Erase for good").click());
    await app.waitForText("Erased visitor");
    expect(app.requests.some((r) => r.method === "DELETE")).toBe(true);
  });

  it("lets a viewer read but not change", async () => {
    const app = await startConsole("/bookings/bkg_1", {
      "GET /v1/auth/session": { body: session("viewer") },
      "GET /v1/admin/bookings/bkg_1": { body: BOOKING },
      "GET /v1/admin/bookings/bkg_1/messages": { body: { data: [] } },
      "GET /v1/admin/widgets/wgt_1": { body: WIDGET },
      "GET /v1/admin/webhooks": { body: { data: [] } },
    });
    stop = app.cleanup;
    await app.waitForText("Ada Lovelace");
    expect(button(app.root, "Attended").disabled).toBe(true);
    expect(() => button(app.root, "Cancel booking")).toThrow();
    expect(() => button(app.root, "Erase personal data")).toThrow();
  });
});
