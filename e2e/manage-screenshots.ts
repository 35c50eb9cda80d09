/**
 * @module The README's manage-page screenshots, in headless Chromium against a real server: `npx tsx
 * e2e/manage-screenshots.ts` writes docs/screenshots/manage-*.png (light and dark, a 390 px phone and a 1280 px
 * desktop). Not a test: run it after a visible change to the manage page.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { createClient } from "../sdk/index.js";
import { build, ROOT } from "./build.js";
import { launchChromium } from "./harness/chromium.js";
import { startTestServer } from "./harness/slotbook-server.js";

const OUT = join(ROOT, "docs", "screenshots");
const SIZES = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };

await build();
const server = await startTestServer();
const browser = await launchChromium();
try {
  await mkdir(OUT, { recursive: true });
  await server.admin.widgets.update("wgt_demo", {
    location: { kind: "in_person", address: "Studio 4, 12 Market Street, Brooklyn, NY 11201" },
    organizer: { name: "Maya Chen", email: "maya@school.example" },
  });
  const client = createClient({ baseUrl: server.url });
  const [slot] = (await client.slots.list("wgt_demo")).filter((s) => s.remaining > 0);
  const { booking, manageToken } = await client.bookings.create("wgt_demo", {
    slotId: slot!.id,
    name: "Ada Lovelace",
    email: "ada@example.com",
  });
  for (const scheme of ["light", "dark"] as const) {
    for (const [device, viewport] of Object.entries(SIZES)) {
      const context = await browser.newContext({
        viewport,
        colorScheme: scheme,
        timezoneId: "America/New_York",
        locale: "en-US",
        deviceScaleFactor: 1,
      });
      const page = await context.newPage();
      await page.goto(`${server.url}/manage/${booking.id}?token=${encodeURIComponent(manageToken)}`);
      await page.locator("[data-slotbook-manage] >> text=You're booked").waitFor();
      await page.waitForTimeout(300);
      const path = join(OUT, `manage-${scheme}-${device}.png`);
      await page.screenshot({ path, fullPage: true, animations: "disabled" });
      process.stdout.write(`${path}\n`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
