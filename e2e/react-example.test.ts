/**
 * @module examples/react in Chromium: built with Vite as its README says, served from another origin, the widget
 * mounted by a component books a seat, and the app's own UI answers the `slotbook:booked` event; hiding the
 * component unmounts the widget and showing it mounts a fresh one.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "./build.js";
import { DESKTOP, HAS_CHROMIUM, launchChromium } from "./harness/chromium.js";
import { type HostSite, startHostSite } from "./harness/host-site.js";
import { startTestServer, type TestServer } from "./harness/slotbook-server.js";
import { fillForm, pickSlot, submitBooking, widgetAt } from "./harness/widget-steps.js";

const EXAMPLE = join(ROOT, "examples", "react");

describe.skipIf(!HAS_CHROMIUM)("examples/react: mount() in a Preact component", () => {
  let server: TestServer;
  let site: HostSite;
  let browser: Browser;
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
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await server?.close();
    if (out) await rm(out, { recursive: true, force: true });
  });

  it("books through the component and shows the app's own thanks; unmounts and mounts again", async () => {
    const context = await browser.newContext(DESKTOP);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(`${site.origin}/?api=${encodeURIComponent(server.url)}&widget=wgt_demo`);
    const widget = widgetAt(page, "main > div");

    const slotId = await pickSlot(widget);
    await fillForm(widget, { name: "Ada App", email: "ada.app@example.com", phone: "+44 20 7946 0958" });
    const { bookingId } = await submitBooking(widget);
    const thanks = page.getByRole("status").filter({ hasText: "Thanks" });
    await expect.poll(() => thanks.textContent()).toBe(`Thanks, booking ${bookingId} confirmed`);
    expect(await server.admin.bookings.get(bookingId)).toMatchObject({
      status: "confirmed",
      email: "ada.app@example.com",
      slot: { id: slotId },
      context: { pageUrl: expect.stringMatching(new RegExp(`^${site.origin}/`)) },
    });

    // The component's cleanup unmounts the widget; mounting again starts over at the slot step.
    await page.getByRole("button", { name: "Hide booking" }).click();
    expect(await widget.host.count()).toBe(0);
    await page.getByRole("button", { name: "Book a class" }).click();
    await widget.host.getByRole("radiogroup", { name: "Time" }).waitFor();
    expect(await widget.host.getByRole("heading", { name: "You're booked" }).count()).toBe(0);
    expect(await thanks.textContent()).toBe(`Thanks, booking ${bookingId} confirmed`);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
