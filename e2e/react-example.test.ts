/**
 * @module examples/react in every engine: built with Vite as its README says, served from another origin, the widget
 * mounted by a component books a seat, and the app's own UI answers the `slotbook:booked` event; hiding the
 * component unmounts the widget and showing it mounts a fresh one.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "./build.js";
import { BrowserPage } from "./harness/browser-page.js";
import { DESKTOP, type Engine } from "./harness/driver.js";
import { ENGINES, launchEngine } from "./harness/engines.js";
import { type HostSite, startHostSite } from "./harness/host-site.js";
import { query } from "./harness/query.js";
import { startTestServer, type TestServer } from "./harness/slotbook-server.js";
import { fillForm, pickSlot, submitBooking, widgetAt } from "./harness/widget-steps.js";

const EXAMPLE = join(ROOT, "examples", "react");

describe.each(ENGINES)("examples/react in $name: mount() in a Preact component", ({ name, available }) => {
  describe.skipIf(!available)(name, () => {
    let server: TestServer;
    let site: HostSite;
    let browser: Engine;
    let out: string;

    beforeAll(async () => {
      server = await startTestServer(); // builds dist/ first: the app imports slotbook/widget from there
      out = await mkdtemp(join(tmpdir(), "slotbook-react-"));
      // `npx vite build examples/react`, with its own vite.config.ts (Preact's JSX).
      await build({
        root: EXAMPLE,
        configFile: join(EXAMPLE, "vite.config.ts"),
        logLevel: "silent",
        build: { outDir: out, emptyOutDir: true },
      });
      site = await startHostSite({ api: server.url, dir: out });
      browser = await launchEngine(name);
    });

    afterAll(async () => {
      await browser?.close();
      await site?.close();
      await server?.close();
      if (out) await rm(out, { recursive: true, force: true });
    });

    it("books through the component and shows the app's own thanks; unmounts and mounts again", async () => {
      const page = new BrowserPage(name, DESKTOP, await browser.open(DESKTOP));
      await page.goto(`${site.origin}/?api=${encodeURIComponent(server.url)}&widget=wgt_demo`);
      const widget = widgetAt(page, "main > div");

      const slotId = await pickSlot(widget);
      await fillForm(widget, { name: "Ada App", email: "ada.app@example.com", phone: "+44 20 7946 0958" });
      const { bookingId } = await submitBooking(widget);
      // The app's own status line (light DOM), not the widget's live region.
      const thanks = () =>
        page.evaluate(() =>
          Array.from(document.querySelectorAll("[role=status]"), (e) => e.textContent).find((t) =>
            t?.includes("Thanks"),
          ),
        );
      await expect.poll(thanks).toBe(`Thanks, booking ${bookingId} confirmed`);
      expect(await server.admin.bookings.get(bookingId)).toMatchObject({
        status: "confirmed",
        email: "ada.app@example.com",
        slot: { id: slotId },
        context: { pageUrl: expect.stringMatching(new RegExp(`^${site.origin}/`)) },
      });

      // The component's cleanup unmounts the widget; mounting again starts over at the slot step.
      await page.click(query().role("button", "Hide booking"));
      expect(await page.count(widget.host)).toBe(0);
      await page.click(query().role("button", "Book a class"));
      await page.waitFor(widget.host.role("radiogroup", "Time"));
      expect(await page.count(widget.host.role("heading", "You're booked"))).toBe(0);
      expect(await thanks()).toBe(`Thanks, booking ${bookingId} confirmed`);
      expect((await page.record()).errors).toEqual([]);
      await page.close();
    });
  });
});
