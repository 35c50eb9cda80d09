/** @module The Slots page against a fake admin API: the week, a weekly series, one slot, capacity, cancel, delete. */
import { HttpResponse, http } from "msw";
import { h } from "preact";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { AdminSlot, SlotInput } from "../../../sdk/schemas/slot-admin.js";
import {
  ADMIN_API,
  button,
  control,
  errorOf,
  fill,
  renderConsole,
  rendered,
  textOf,
  useAdminApi,
  waitFor,
} from "../../test/console.test.helper.js";
import SlotsPage from "../slots.js";
import { savedWidget } from "../widgets/widget.test.helper.js";

const server = useAdminApi();
const widget = savedWidget({ timezone: "Europe/Berlin" });
let slots: AdminSlot[];
let posts: SlotInput[][];
let deletes: string[];

function adminSlot(id: string, startsAt: string, booked: number, capacity = 8, minutes = 60): AdminSlot {
  return {
    id,
    widgetId: widget.id,
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + minutes * 60_000).toISOString(),
    capacity,
    remaining: capacity - booked,
    booked,
    status: "active",
    createdAt: "2026-03-01T00:00:00.000Z",
    updatedAt: "2026-03-01T00:00:00.000Z",
  };
}

function problem(issues: Array<{ path: Array<string | number>; message: string }>) {
  return HttpResponse.json(
    {
      type: "https://slotbook.dev/errors/validation_failed",
      title: "Validation failed",
      status: 422,
      code: "validation_failed",
      issues: issues.map((i) => ({ ...i, code: "custom" })),
    },
    { status: 422, headers: { "content-type": "application/problem+json" } },
  );
}

beforeAll(() => {
  // Friday 20 March 2026, 13:00 in Berlin: the week after has the switch to summer time on its Sunday.
  vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-03-20T12:00:00.000Z") });
});
afterAll(() => vi.useRealTimers());

beforeEach(() => {
  history.replaceState(null, "", "/console/slots/wgt_demo?week=2026-03-23");
  slots = [
    adminSlot("slot_mon", "2026-03-23T09:00:00.000Z", 3),
    adminSlot("slot_wed", "2026-03-25T17:00:00.000Z", 0),
    adminSlot("slot_sun", "2026-03-29T08:00:00.000Z", 8),
  ];
  posts = [];
  deletes = [];
  let made = 0;
  server.use(
    http.get(`${ADMIN_API}/v1/admin/widgets`, () => HttpResponse.json({ data: [widget] })),
    http.get(`${ADMIN_API}/v1/admin/widgets/wgt_demo/slots`, () => HttpResponse.json({ slots })),
    http.post(`${ADMIN_API}/v1/admin/widgets/wgt_demo/slots`, async ({ request }) => {
      const body = (await request.json()) as { slots: SlotInput[] };
      posts.push(body.slots);
      const created = body.slots.map((s) => ({
        ...adminSlot(`slot_new${++made}`, s.startsAt as string, 0, s.capacity),
        endsAt: s.endsAt as string,
        ...(s.label && { label: s.label }),
      }));
      return HttpResponse.json({ slots: created }, { status: 201 });
    }),
    http.delete(`${ADMIN_API}/v1/admin/slots/:id`, ({ params }) => {
      deletes.push(String(params.id));
      const slot = slots.find((s) => s.id === params.id)!;
      return slot.booked > 0
        ? HttpResponse.json({ ...slot, status: "cancelled", booked: 0, remaining: slot.capacity })
        : new HttpResponse(null, { status: 204 });
    }),
  );
});

async function openPage() {
  const root = renderConsole(<SlotsPage params={{ "*": "wgt_demo" }} />);
  await waitFor(() => root.querySelector(".week-table"));
  return root;
}

/** The slot buttons of the desktop calendar, as their visible text. */
const blocks = (root: HTMLElement) =>
  [...root.querySelectorAll(".week-table .slot-block")].map((b) => textOf(b).replace(/^.*?\d{4}, /, ""));

describe("the Slots page", () => {
  it("shows the week in the widget's zone: each slot a button in its day and hour, Sunday after the DST change", async () => {
    const root = await openPage();
    expect(textOf(root.querySelector(".week-title")!)).toMatch(/23\D+29\D.*2026/);
    const table = root.querySelector(".week-table")!;
    const rows = [...table.querySelectorAll("tbody tr")].map((tr) =>
      [...tr.querySelectorAll("td")].map((td) => td.querySelectorAll("button").length),
    );
    // 10:00 row: Monday and Sunday (08:00Z is 10:00 in summer time); 18:00 row: Wednesday.
    expect(rows).toEqual([
      [1, 0, 0, 0, 0, 0, 1],
      [0, 0, 1, 0, 0, 0, 0],
    ]);
    expect(blocks(root)[0]).toContain("3/8 booked");
    expect(textOf(root.querySelector('[data-slot="slot_sun"]')!)).toContain("full");
    // The phone's day list has the same buttons.
    expect(root.querySelectorAll(".week-list .slot-block")).toHaveLength(3);
    button(root, "Next week").click();
    await waitFor(() => /30\D.*April.*2026/.test(textOf(root.querySelector(".week-title")!)));
    expect(textOf(root)).toContain("No classes this week");
  });

  it("adds a weekly series, counted before saving, at 10:00 Berlin time on both sides of the change", async () => {
    const root = await openPage();
    button(root, "Add classes").click();
    const dialog = await waitFor(() => root.querySelector<HTMLElement>("dialog[open] form"));
    control(dialog, "Every week").click();
    await rendered();
    // The first day is the week shown (Monday 23rd), its weekday ticked.
    expect(control(dialog, "Mon").checked).toBe(true);
    control(dialog, "Wed").click();
    await fill(dialog, "Last day", "2026-04-01");
    await fill(dialog, "Label", "Beginners");
    await waitFor(() => textOf(dialog).includes("This adds 4 classes"));
    button(dialog, "Add 4 classes").click();
    await waitFor(() => posts.length === 1);
    expect(posts[0]!.map((s) => s.startsAt)).toEqual([
      "2026-03-23T09:00:00.000Z",
      "2026-03-25T09:00:00.000Z",
      "2026-03-30T08:00:00.000Z",
      "2026-04-01T08:00:00.000Z",
    ]);
    expect(posts[0]![0]).toEqual({
      startsAt: "2026-03-23T09:00:00.000Z",
      endsAt: "2026-03-23T10:00:00.000Z",
      capacity: 8,
      label: "Beginners",
    });
    await waitFor(() => !root.querySelector("dialog[open]"));
    await waitFor(() => root.querySelectorAll(".week-table .slot-block").length === 5);
    expect(textOf(root)).toContain("Added 4 classes");
  });

  it("sends a long series 500 at a time", async () => {
    const root = await openPage();
    button(root, "Add classes").click();
    const dialog = await waitFor(() => root.querySelector<HTMLElement>("dialog[open] form"));
    control(dialog, "Every week").click();
    await rendered();
    for (const day of ["Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]) control(dialog, day).click();
    await fill(dialog, "Last day", "2028-06-30");
    await waitFor(() => /This adds 831 classes/.test(textOf(dialog)));
    button(dialog, "Add 831 classes").click();
    await waitFor(() => posts.length === 2, 8000);
    expect(posts.map((p) => p.length)).toEqual([500, 331]);
    await waitFor(() => textOf(root).includes("Added 831 classes"));
  });

  it("refuses a series without a day or past its limit before sending", async () => {
    const root = await openPage();
    button(root, "Add classes").click();
    const dialog = await waitFor(() => root.querySelector<HTMLElement>("dialog[open] form"));
    control(dialog, "Every week").click();
    await rendered();
    control(dialog, "Mon").click();
    await rendered();
    button(dialog, "Add classes").click();
    await waitFor(() => textOf(dialog).includes("Pick at least one day of the week"));
    control(dialog, "Mon").click();
    await fill(dialog, "Last day", "2070-12-31");
    await waitFor(() => textOf(dialog).includes("This would add more than 2,000 classes"));
    button(dialog, "Add classes").click();
    await waitFor(() => errorOf(dialog, "Last day"));
    expect(errorOf(dialog, "Last day")).toBe("That is more than 2,000 classes; pick an earlier last day");
    await fill(dialog, "Last day", "2026-03-01");
    button(dialog, "Add classes").click();
    await waitFor(() => errorOf(dialog, "Last day") === "The last day must be on or after the first");
    expect(posts).toEqual([]);
  });

  it("adds one slot; the form's own checks first, then the server's issue at its field", async () => {
    server.use(
      http.post(`${ADMIN_API}/v1/admin/widgets/wgt_demo/slots`, async ({ request }) => {
        posts.push(((await request.json()) as { slots: SlotInput[] }).slots);
        return problem([{ path: ["slots", 0, "label"], message: "At most 80 characters" }]);
      }),
    );
    const root = await openPage();
    button(root, "Add classes").click();
    const dialog = await waitFor(() => root.querySelector<HTMLElement>("dialog[open] form"));
    await fill(dialog, "Date", "2026-03-24");
    await fill(dialog, "Starts at", "09:30");
    await fill(dialog, "Seats", "0");
    button(dialog, "Add class").click();
    await waitFor(() => errorOf(dialog, "Seats"));
    expect(errorOf(dialog, "Seats")).toBe("Enter a whole number of seats, from 1 to 10000");
    expect(posts).toEqual([]);
    await fill(dialog, "Seats", "5");
    button(dialog, "Add class").click();
    await waitFor(() => errorOf(dialog, "Label"));
    expect(posts[0]).toEqual([
      { startsAt: "2026-03-24T08:30:00.000Z", endsAt: "2026-03-24T09:30:00.000Z", capacity: 5 },
    ]);
    expect(errorOf(dialog, "Label")).toBe("At most 80 characters");
  });

  it("refuses a time that has passed", async () => {
    const root = await openPage();
    button(root, "Add classes").click();
    const dialog = await waitFor(() => root.querySelector<HTMLElement>("dialog[open] form"));
    await fill(dialog, "Date", "2026-03-20");
    await fill(dialog, "Starts at", "12:00");
    button(dialog, "Add class").click();
    await waitFor(() => errorOf(dialog, "Starts at"));
    expect(errorOf(dialog, "Starts at")).toContain("This time has passed");
  });

  it("shows the server's refusal of a capacity below the seats booked", async () => {
    server.use(
      http.patch(`${ADMIN_API}/v1/admin/slots/slot_mon`, () =>
        problem([{ path: ["capacity"], message: "3 seats are already booked" }]),
      ),
    );
    const root = await openPage();
    root.querySelector<HTMLButtonElement>('.week-table [data-slot="slot_mon"]')!.click();
    const dialog = await waitFor(() => root.querySelector<HTMLElement>("dialog[open] form"));
    expect(textOf(root.querySelector("dialog[open]")!)).toContain("3 of 8 seats");
    await fill(dialog, "Capacity", "2");
    button(dialog, "Save").click();
    await waitFor(() => errorOf(dialog, "Capacity"));
    expect(errorOf(dialog, "Capacity")).toBe("3 seats are already booked");
  });

  it("cancels a class after saying how many visitors will be told", async () => {
    const root = await openPage();
    root.querySelector<HTMLButtonElement>('.week-table [data-slot="slot_mon"]')!.click();
    const dialog = await waitFor(() => root.querySelector<HTMLElement>("dialog[open] form"));
    button(dialog, "Cancel class").click();
    const confirm = await waitFor(() => root.querySelector<HTMLElement>('dialog[role="alertdialog"][open]'));
    expect(textOf(confirm)).toContain("3 visitors will be told by email");
    expect(deletes).toEqual([]);
    button(confirm, "Cancel class").click();
    await waitFor(() => deletes.length === 1);
    expect(deletes).toEqual(["slot_mon"]);
    await waitFor(() => textOf(root.querySelector('.week-table [data-slot="slot_mon"]')!).includes("Cancelled"));
    expect(textOf(root)).toContain("3 visitors are being told");
  });

  it("deletes a slot nobody booked, after asking; going back keeps it", async () => {
    const root = await openPage();
    root.querySelector<HTMLButtonElement>('.week-table [data-slot="slot_wed"]')!.click();
    let dialog = await waitFor(() => root.querySelector<HTMLElement>("dialog[open] form"));
    button(dialog, "Delete slot").click();
    let confirm = await waitFor(() => root.querySelector<HTMLElement>('dialog[role="alertdialog"][open]'));
    expect(textOf(confirm)).toContain("Nobody has booked it");
    button(confirm, "Keep it").click();
    await waitFor(() => !root.querySelector('dialog[role="alertdialog"][open]'));
    expect(deletes).toEqual([]);
    dialog = await waitFor(() => root.querySelector<HTMLElement>("dialog[open] form"));
    button(dialog, "Delete slot").click();
    confirm = await waitFor(() => root.querySelector<HTMLElement>('dialog[role="alertdialog"][open]'));
    button(confirm, "Delete slot").click();
    await waitFor(() => !root.querySelector('.week-table [data-slot="slot_wed"]'));
    expect(deletes).toEqual(["slot_wed"]);
  });
});
