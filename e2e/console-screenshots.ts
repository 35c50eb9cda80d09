/**
 * @module The README's console screenshots, in headless Chromium against a real server with a school's worth of
 * data: `npx tsx e2e/console-screenshots.ts` writes docs/screenshots/console-<page>-<light|dark>-<phone|desktop>.png
 * (a 390 px phone and a 1280 px desktop, each page's first screen). Not a test: run it after a visible change.
 */
import { mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { createAdminClient, createClient } from "../sdk/index.js";
import { loadConfig } from "../server/config.js";
import { startServer } from "../server/serve.js";
import { build, ROOT } from "./build.js";
import { launchChromium } from "./harness/chromium.js";

const OUT = join(ROOT, "docs", "screenshots");
const SIZES = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
} as const;
const ADMIN_KEY = "sk_screenshots_0123456789abcdefghij";
const ZONE = "Europe/Berlin";
const OWNER = { email: "maya@school.example", name: "Maya Chen", password: "correct horse battery staple" };
const PEOPLE = [
  ["Priya Sharma", "priya@example.com", "newsletter"],
  ["Ada Lovelace", "ada@example.org", "instagram"],
  ["Grace Hopper", "grace@example.net", "newsletter"],
  ["Alan Turing", "alan@example.co.uk", undefined],
  ["Hedy Lamarr", "hedy@example.at", "google"],
  ["Katherine Johnson", "katherine@example.com", "instagram"],
  ["Tim Berners-Lee", "tim@example.ch", "newsletter"],
] as const;

/** Monday and Wednesday 18:00 (Berlin) for four weeks from tomorrow, and a Saturday 10:00 class each week. */
function classTimes(): { startsAt: string; endsAt: string; capacity: number; label?: string }[] {
  const slots: { startsAt: string; endsAt: string; capacity: number; label?: string }[] = [];
  const noon = new Date();
  noon.setUTCHours(12, 0, 0, 0);
  for (let i = 1; i <= 28; i++) {
    const day = new Date(noon.getTime() + i * 86_400_000);
    const weekday = day.getUTCDay();
    const hour = weekday === 6 ? 10 : 18;
    if (![1, 3, 6].includes(weekday)) continue;
    // Berlin is UTC+1 in winter and UTC+2 in summer: read the offset off the formatter.
    const wall = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour);
    const shown = new Date(`${new Date(wall).toLocaleString("en-US", { timeZone: ZONE })} UTC`).getTime();
    const start = wall - (shown - wall);
    slots.push({
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 60 * 60_000).toISOString(),
      capacity: weekday === 6 ? 12 : 8,
      ...(weekday === 6 ? { label: "Beginners" } : {}),
    });
  }
  return slots;
}

await build();
const dir = await mkdtemp(join(tmpdir(), "slotbook-console-shots-"));
const printed: string[] = [];
const running = await startServer(
  loadConfig({
    PORT: "0",
    SLOTBOOK_DATA_DIR: dir,
    SLOTBOOK_ADMIN_KEY: ADMIN_KEY,
    SLOTBOOK_SECRET: Buffer.alloc(32, 5).toString("base64"),
    RATE_LIMIT_PER_MINUTE: "0",
  }),
  { host: "127.0.0.1", log: false, print: (line) => printed.push(line), warn: () => {}, handleSignals: false },
);
const url = `http://localhost:${running.port}`;
const browser = await launchChromium();

/** A page of one look; `signedIn` carries the owner's session cookie. */
async function open(scheme: "light" | "dark", size: keyof typeof SIZES, state?: string): Promise<Page> {
  const context = await browser.newContext({
    ...SIZES[size],
    colorScheme: scheme,
    timezoneId: ZONE,
    locale: "en-GB",
    ...(state ? { storageState: JSON.parse(state) } : {}),
  });
  return context.newPage();
}

async function save(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.waitForTimeout(400);
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path, caret: "hide", animations: "disabled" });
  const { size } = await stat(path);
  process.stdout.write(`${path} ${Math.round(size / 1000)} kB\n`);
}

try {
  await mkdir(OUT, { recursive: true });
  const admin = createAdminClient({ baseUrl: running.url, apiKey: ADMIN_KEY });
  const widget = await admin.widgets.create({
    title: "Free yoga trial class",
    timezone: ZONE,
    description: "60 minutes, mats provided. Come 10 minutes early.",
    fields: [{ key: "experience", label: "How much yoga have you done?", type: "text", required: false }],
    consent: { text: "I agree to be contacted about the class.", required: true },
  });
  const slots = await admin.slots.create(widget.id, classTimes());
  const client = createClient({ baseUrl: running.url });
  const bookings = [];
  for (const [i, [name, email, source]] of PEOPLE.entries()) {
    const slot = slots[i % 3]!;
    const { booking } = await client.bookings.create(widget.id, {
      slotId: slot.id,
      name,
      email,
      phone: i % 2 === 0 ? `+49 151 2345 67${10 + i}` : undefined,
      answers: { experience: i % 2 ? "Never tried it" : "A little, on YouTube" },
      consent: true,
      timezone: ZONE,
      locale: "en",
      context: {
        pageUrl: `https://sunrise-yoga.example/trial${source ? `?utm_source=${source}&utm_medium=social` : ""}`,
        ...(source ? { utm: { source, medium: source === "newsletter" ? "email" : "social" } } : {}),
      },
    });
    bookings.push(booking);
  }
  await admin.bookings.cancel(bookings[3]!.id);
  // The funnel: what the widget's beacons would have counted.
  for (const [type, count] of [
    ["view", 60],
    ["slot_selected", 24],
    ["form_started", 14],
  ] as const) {
    for (let i = 0; i < count; i++) {
      const utm = i % 3 === 0 ? { source: "newsletter" } : i % 3 === 1 ? { source: "instagram" } : undefined;
      await fetch(`${running.url}/v1/widgets/${widget.id}/events`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ type, ...(utm ? { utm } : {}) }),
      });
    }
  }

  // The owner, set up through the printed link as a marketer would; the session is reused by every picture.
  const link = /(http:\/\/\S+\/console\/setup\?token=st_\S+)/.exec(printed.join("\n"))?.[1];
  if (!link) throw new Error(`no setup link in ${printed.join("\n")}`);
  const first = await open("light", "desktop");
  await first.goto(link);
  await first.getByLabel("Email").fill(OWNER.email);
  await first.getByLabel("Your name").fill(OWNER.name);
  await first.getByLabel("Password").fill(OWNER.password);
  await first.getByRole("button", { name: "Create account" }).click();
  await first.getByRole("heading", { level: 1, name: "Overview" }).waitFor();
  const state = JSON.stringify(await first.context().storageState());
  await first.context().close();

  const pages: { name: string; path: string; ready: (page: Page) => Promise<unknown>; signedOut?: boolean }[] = [
    {
      name: "sign-in",
      path: "/console/sign-in",
      signedOut: true,
      ready: (p) => p.getByRole("button", { name: "Sign in" }).waitFor(),
    },
    {
      name: "overview",
      path: "/console/",
      ready: (p) => p.getByRole("heading", { name: "Funnel", exact: true }).waitFor(),
    },
    { name: "widgets", path: "/console/widgets", ready: (p) => p.getByRole("table", { name: "Widgets" }).waitFor() },
    {
      name: "widget-editor",
      path: `/console/widgets/${widget.id}`,
      ready: (p) => p.getByTestId("preview-host").getByRole("radiogroup", { name: "Time" }).waitFor(),
    },
    {
      name: "slots",
      path: `/console/slots/${widget.id}`,
      ready: async (p) => {
        await p.getByRole("button", { name: "Next week" }).click();
        await p.locator(".slot-block:visible").first().waitFor();
      },
    },
    {
      name: "bookings",
      path: "/console/bookings",
      ready: (p) => p.getByRole("table", { name: /^Bookings, page/ }).waitFor(),
    },
    {
      name: "booking",
      path: `/console/bookings/${bookings[0]!.id}`,
      ready: (p) =>
        p
          .getByRole("region", { name: "Emails and webhooks" })
          .getByText(/email to the visitor/)
          .first()
          .waitFor(),
    },
    {
      name: "settings",
      path: "/console/settings/team",
      ready: (p) => p.getByRole("table", { name: "Team members" }).waitFor(),
    },
  ];
  for (const scheme of ["light", "dark"] as const) {
    for (const size of ["phone", "desktop"] as const) {
      for (const shot of pages) {
        const page = await open(scheme, size, shot.signedOut ? undefined : state);
        await page.goto(`${url}${shot.path}`);
        await shot.ready(page);
        await save(page, `console-${shot.name}-${scheme}-${size}`);
        await page.context().close();
      }
    }
  }
} finally {
  await browser.close();
  await running.close();
  await rm(dir, { recursive: true, force: true });
}
