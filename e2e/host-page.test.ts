/**
 * @module What the host page gets: two inline widgets on one page that work apart, the events (`slotbook:ready`,
 * `slotbook:slot-selected`, `slotbook:booked`) on window and on each widget's own element with no personal data,
 * and a push to the page's `window.dataLayer`.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { DESKTOP } from "./harness/driver.js";
import { useE2eSite } from "./harness/e2e-site.js";
import { ENGINES } from "./harness/engines.js";
import { fillForm, pickSlot, submitBooking, widgetAt } from "./harness/widget-steps.js";

const page = (api: string, second: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Two classes</title>
    <script src="data-layer.js"></script>
  </head>
  <body>
    <h1>Two classes, two widgets</h1>
    <div id="yoga" data-slotbook="wgt_demo"></div>
    <div id="pilates" data-slotbook="${second}" data-prefill-name="Grace Hopper"></div>
    <script async src="${api}/widget.js"></script>
  </body>
</html>`;

describe.each(ENGINES)("the host page in $name: several widgets, events, dataLayer", ({ name, available }) => {
  describe.skipIf(!available)(name, () => {
    let pilatesId: string;
    const files: Record<string, string> = { "/data-layer.js": "window.dataLayer = window.dataLayer || [];\n" };
    const e2e = useE2eSite(name, files);

    beforeAll(async () => {
      // The second widget allows only this site: its bookings really pass the origin check.
      const pilates = await e2e.server.admin.widgets.create({
        title: "Pilates taster",
        allowedOrigins: [e2e.site.origin],
      });
      const start = Date.now() + 2 * 86_400_000;
      await e2e.server.admin.slots.create(pilates.id, [
        { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3_600_000).toISOString(), capacity: 1 },
      ]);
      pilatesId = pilates.id;
      files["/two.html"] = page(e2e.server.url, pilates.id);
    });

    it("two inline widgets book apart; events and dataLayer say which, with no personal data", async () => {
      // The page's recorder (host-site) hears the slotbook:* events on window in the capture phase, from before the
      // widget's script runs.
      const tab = await e2e.open(DESKTOP, e2e.site.url("two.html"));
      const yoga = widgetAt(tab, "#yoga");
      const pilates = widgetAt(tab, "#pilates");
      const heard = async () => (await tab.record()).events;
      const ready = async () => (await heard()).filter((h) => h.type === "slotbook:ready");
      await expect.poll(async () => (await ready()).length).toBe(4);
      expect(await ready()).toEqual(
        expect.arrayContaining([
          { type: "slotbook:ready", on: "yoga", detail: { widgetId: "wgt_demo" } },
          { type: "slotbook:ready", on: "pilates", detail: { widgetId: pilatesId } },
        ]),
      );
      expect(await tab.text(pilates.host.role("heading", undefined, { level: 2 }))).toBe("Pilates taster");

      // Booking in the first leaves the second untouched: still on its slot step, nothing chosen.
      const yogaSlot = await pickSlot(yoga);
      await fillForm(yoga, { name: "Ada Lovelace", email: "ada@example.com", phone: "+44 20 7946 0958" });
      const yogaBooking = await submitBooking(yoga);
      expect(await tab.count(pilates.host.css("[aria-checked=true]"))).toBe(1); // its chosen day only
      expect(await tab.isDisabled(pilates.host.role("button", "Continue"))).toBe(true);

      const pilatesSlot = await pickSlot(pilates);
      expect(await tab.value(pilates.host.label("Name"))).toBe("Grace Hopper"); // data-prefill-name
      await fillForm(pilates, { name: "Grace Hopper", email: "grace@example.com", phone: "+1 202 555 0147" });
      const pilatesBooking = await submitBooking(pilates);
      // The first widget still shows its own confirmation.
      await tab.waitFor(yoga.host.role("heading", "You're booked"));

      const stored = await e2e.server.admin.bookings.list({ widgetId: pilatesId });
      expect(stored.data.map((b) => [b.id, b.email])).toEqual([[pilatesBooking.bookingId, "grace@example.com"]]);
      const ada = await e2e.server.admin.bookings.get(yogaBooking.bookingId);
      expect(ada).toMatchObject({ widgetId: "wgt_demo", email: "ada@example.com", slot: { id: yogaSlot } });
      const grace = await e2e.server.admin.bookings.get(pilatesBooking.bookingId);

      // `slotbook:booked`: exactly { widgetId, bookingId, slot }, on window and on its own widget's element.
      const bookedDetail = (b: typeof ada) => ({
        widgetId: b.widgetId,
        bookingId: b.id,
        slot: { id: b.slot.id, startsAt: b.slot.startsAt, endsAt: b.slot.endsAt },
      });
      const booked = (await heard()).filter((h) => h.type === "slotbook:booked");
      expect(booked).toEqual([
        { type: "slotbook:booked", on: "yoga", detail: bookedDetail(ada) },
        { type: "slotbook:booked", on: "window", detail: bookedDetail(ada) },
        { type: "slotbook:booked", on: "pilates", detail: bookedDetail(grace) },
        { type: "slotbook:booked", on: "window", detail: bookedDetail(grace) },
      ]);
      expect(grace.slot.id).toBe(pilatesSlot);
      const selected = (await heard()).filter((h) => h.type === "slotbook:slot-selected" && h.on !== "window");
      expect(selected.map((h) => [h.on, h.detail.widgetId])).toEqual([
        ["yoga", "wgt_demo"],
        ["pilates", pilatesId],
      ]);

      // The page's dataLayer got one push per booking, in the shape tag managers read.
      const layer = await tab.evaluate(() => (window as { dataLayer?: Record<string, unknown>[] }).dataLayer!);
      expect(layer.filter((e) => e.event === "slotbook:booked")).toEqual([
        { event: "slotbook:booked", ...bookedDetail(ada) },
        { event: "slotbook:booked", ...bookedDetail(grace) },
      ]);
      // Nothing the visitors typed reaches the page's analytics.
      const everything = JSON.stringify([await heard(), layer]);
      for (const personal of ["Lovelace", "Hopper", "@example.com", "+44", "+1202", "7946 0958"]) {
        expect(everything).not.toContain(personal);
      }
      await tab.close();
    });
  });
});
