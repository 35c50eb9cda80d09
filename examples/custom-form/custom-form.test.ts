/**
 * @module The custom-form example in real Chromium: built with Vite, served from one origin, booking through the
 * SDK against a real server on another origin (CORS included), through field errors to the confirmation.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import type { Browser } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../e2e/build.js";
import { HAS_CHROMIUM, launchChromium } from "../../e2e/harness/chromium.js";
import { createAdminClient } from "../../sdk/index.js";
import { loadConfig } from "../../server/config.js";
import { type RunningServer, startServer } from "../../server/serve.js";

const API_KEY = "sk_form_0123456789abcdefghijklmn";
const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };

/** A static file server for `dir` on 127.0.0.1, the page's own origin. */
async function serveStatic(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer(async (req, res) => {
    const path = normalize(new URL(req.url ?? "/", "http://x").pathname).replace(/^(\.\.[/\\])+/, "");
    const file = join(dir, path.endsWith("/") ? `${path}index.html` : path);
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

// Chromium only: the second case rewrites the API's answer in flight (Playwright's page.route, over CDP), which
// WebDriver classic (WebKit) cannot do; the widget's own suites in e2e/ run in all three engines.
describe.skipIf(!HAS_CHROMIUM)("examples/custom-form in Chromium", () => {
  let api: RunningServer;
  let site: { server: Server; origin: string };
  let browser: Browser;
  let dir: string;
  let widgetId: string;
  let slotIds: string[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "slotbook-custom-form-"));
    // The page as a developer ships it: `vite build` of index.html + main.ts, no config of ours.
    await build({
      root: join(ROOT, "examples", "custom-form"),
      configFile: false,
      logLevel: "silent",
      build: { outDir: join(dir, "public"), emptyOutDir: true },
    });
    site = await serveStatic(join(dir, "public"));
    api = await startServer(
      loadConfig({
        PORT: "0",
        SLOTBOOK_DATA_DIR: join(dir, "data"),
        SLOTBOOK_ADMIN_KEY: API_KEY,
        SLOTBOOK_SECRET: Buffer.alloc(32, 5).toString("base64"),
      }),
      { host: "127.0.0.1", log: false, print: () => {}, warn: () => {}, handleSignals: false },
    );
    const admin = createAdminClient({ baseUrl: api.url, apiKey: API_KEY });
    // Only the page's origin may call the public API: the booking really crosses origins under CORS.
    const widget = await admin.widgets.create({ title: "Custom form class", allowedOrigins: [site.origin] });
    const start = Date.now() + 86_400_000;
    const slots = await admin.slots.create(
      widget.id,
      [0, 1].map((i) => ({
        startsAt: new Date(start + i * 86_400_000).toISOString(),
        endsAt: new Date(start + i * 86_400_000 + 3_600_000).toISOString(),
        capacity: 1,
      })),
    );
    widgetId = widget.id;
    slotIds = slots.map((s) => s.id);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await new Promise((resolve) => site?.server.close(resolve));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("lists the slots, shows field errors from the server, then books and confirms", async () => {
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(`${site.origin}/?api=${encodeURIComponent(api.url)}&widget=${widgetId}`);

    const options = page.locator("#slot option");
    await expect
      .poll(() => options.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)))
      .toEqual(slotIds);

    await page.getByLabel("Name").fill("Ada Lovelace");
    await page.getByLabel("Email").fill("ada@not-an-address");
    await page.getByRole("button", { name: "Book my seat" }).click();
    await expect.poll(() => page.locator("#email-error").textContent()).toBe("Enter a valid email address");

    await page.getByLabel("Email").fill("ada@example.com");
    await page.getByLabel("Phone (optional)").fill("+44 20 7946 0958");
    await page.getByRole("button", { name: "Book my seat" }).click();
    await page.getByRole("heading", { name: "You're booked!" }).waitFor();
    expect(await page.locator("#email-error").textContent()).toBe("");
    // PUBLIC_URL defaults to http://localhost:$PORT: manage links point at the API server, not the page.
    expect(await page.locator("#manage").getAttribute("href")).toMatch(
      new RegExp(`^http://localhost:${api.port}/manage/bkg_[\\w-]+\\?token=`),
    );
    expect(await page.locator("#confirmation-text").textContent()).toMatch(/^See you on .+\.$/);
    expect(await page.locator("#invite").getAttribute("href")).toContain(`${api.url}/v1/bookings/bkg_`);

    const admin = createAdminClient({ baseUrl: api.url, apiKey: API_KEY });
    const { data } = await admin.bookings.list({ widgetId });
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({ name: "Ada Lovelace", email: "ada@example.com", phone: "+442079460958" });
    expect(data[0]!.slot.id).toBe(slotIds[0]);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("tells the visitor when the time was just taken and offers the rest", async () => {
    // slotIds[0] has its one seat taken by the test above; a stale page still offers it.
    const page = await browser.newPage();
    await page.route(`${api.url}/v1/widgets/${widgetId}/slots*`, async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { slots: { remaining: number }[] };
      // Pretend the page loaded before the seat went: every slot still shows a free seat.
      await route.fulfill({ response, json: { slots: body.slots.map((s) => ({ ...s, remaining: 1 })) } });
    });
    await page.goto(`${site.origin}/?api=${encodeURIComponent(api.url)}&widget=${widgetId}`);
    await expect.poll(() => page.locator("#slot option").count()).toBe(2);
    await page.unroute(`${api.url}/v1/widgets/${widgetId}/slots*`);

    await page.getByLabel("Name").fill("Grace Hopper");
    await page.getByLabel("Email").fill("grace@example.com");
    await page.getByRole("button", { name: "Book my seat" }).click();
    await expect
      .poll(() => page.locator("#status").textContent())
      .toBe("That time was just taken. Please pick another one.");
    await expect
      .poll(() => page.locator("#slot option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)))
      .toEqual([slotIds[1]]);
    await page.close();
  });
});
