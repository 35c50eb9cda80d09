/**
 * @module The marketer console in real Chromium against a real server, as a marketer who never used a terminal: the
 * first-run setup link the server prints, the owner's account, the overview, sign out and in again; axe-core on every
 * page (no serious or critical finding); a cross-origin form POST carrying the session cookie refused. The server is
 * this file's own (SQLite in a temp folder, a test SMTP server as SMTP_URL, webhooks to loopback allowed), the
 * marketer's site another origin.
 *
 * Chromium only (playwright-core): the console is a page of our own origin, not an embed on someone else's, so the
 * engine matrix of the widget suites adds little here, and this file uses Playwright's locators, downloads and
 * response events. Without /usr/bin/chromium it is skipped, except under CI, where it fails (harness/chromium.ts).
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createAdminClient, createClient, type SlotbookAdminClient } from "../sdk/index.js";
import { loadConfig } from "../server/config.js";
import { type ReceivedMail, startTestSmtpServer, type TestSmtpServer } from "../server/mail/testing.js";
import { type RunningServer, startServer } from "../server/serve.js";
import { startTestReceiver, type TestReceiver } from "../server/webhooks/testing.js";
import { ROOT } from "./build.js";
import { type AxeFinding, runAxe } from "./harness/axe.js";
import { BrowserPage } from "./harness/browser-page.js";
import { DESKTOP, HAS_CHROMIUM, launchChromium } from "./harness/chromium.js";
import { playwrightPage } from "./harness/driver-playwright.js";
import { type HostSite, startHostSite } from "./harness/host-site.js";

const ADMIN_KEY = "sk_e2e_console_0123456789abcdefghij";
const TITLE = "Free yoga trial class";
const QUESTION = "How much yoga have you done?";
const CONSENT = "I agree to be contacted about the class.";
const VISITOR = { name: "Priya Sharma", email: "priya@example.com", answer: "A little, on YouTube" };
const OWNER = { email: "maya@school.example", name: "Maya Chen", password: "correct horse battery staple" };

/** What the test starts once and shares: the server (with what it printed), SMTP, a webhook receiver, the host site. */
interface Rig {
  running: RunningServer;
  /** The console's origin as the server prints it (PUBLIC_URL's default, `http://localhost:PORT`). */
  url: string;
  printed: string[];
  admin: SlotbookAdminClient;
  smtp: TestSmtpServer;
  hooks: TestReceiver;
  site: HostSite;
  /** Pages the host site serves; filled in as the test gets them (the snippet from the console). */
  files: Record<string, string>;
  dir: string;
}

async function startRig(): Promise<Rig> {
  const dir = await mkdtemp(join(tmpdir(), "slotbook-console-e2e-"));
  const smtp = await startTestSmtpServer();
  const hooks = await startTestReceiver();
  const printed: string[] = [];
  const running = await startServer(
    loadConfig({
      PORT: "0",
      SLOTBOOK_DATA_DIR: dir,
      SLOTBOOK_ADMIN_KEY: ADMIN_KEY,
      SLOTBOOK_SECRET: Buffer.alloc(32, 9).toString("base64"),
      RATE_LIMIT_PER_MINUTE: "0",
      SMTP_URL: smtp.url,
      MAIL_FROM: "Slotbook <no-reply@school.example>",
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true",
    }),
    { host: "127.0.0.1", log: false, print: (line) => printed.push(line), warn: () => {}, handleSignals: false },
  );
  const url = `http://localhost:${running.port}`;
  const files: Record<string, string> = {};
  const site = await startHostSite({ api: url, files });
  return {
    running,
    url,
    printed,
    admin: createAdminClient({ baseUrl: running.url, apiKey: ADMIN_KEY }),
    smtp,
    hooks,
    site,
    files,
    dir,
  };
}

/** axe-core's serious and critical findings on the page as it is now. The console's strict CSP allows no script of
 * ours, so axe goes in through the DevTools protocol (not a `<script>`), then the harness's runAxe checks. */
async function axeFindings(page: Page, axeSource: string) {
  await page.waitForTimeout(200); // past colour transitions
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const { blocking } = await runAxe(
    new BrowserPage(
      "chromium",
      DESKTOP as never,
      playwrightPage(page, async () => {}),
    ),
  );
  return blocking;
}

/** The widget's calendar day (Europe/Berlin) of an instant, `YYYY-MM-DD`. */
const wallDay = (iso: string) => new Date(iso).toLocaleDateString("en-CA", { timeZone: "Europe/Berlin" });

/** "Mon 7 Dec 18:30": an instant on the widget's wall clock (Europe/Berlin, the browser's zone the widget took). */
function wallClock(iso: string): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Berlin",
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value;
  return `${part("weekday")} ${part("day")} ${part("month")} ${part("hour")}:${part("minute")}`;
}

describe.skipIf(!HAS_CHROMIUM)("the marketer console in Chromium", () => {
  let rig: Rig;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let axeSource: string;
  /** Every console page axe looked at, with what it found (expected empty each). */
  const expectAccessible = async (step: string, known: string[] = []) => {
    const blocking = await axeFindings(page, axeSource);
    // A finding already reported to the page's author is named in `known`, and must still be there: once fixed, this
    // check fails until the name is taken out, like `it.fails`.
    expect({ step, blocking: blocking.filter((f) => !known.includes(f.rule)) }).toEqual({ step, blocking: [] });
    for (const rule of known)
      expect(
        blocking.map((f) => f.rule),
        `${step}: ${rule} is fixed`,
      ).toContain(rule);
  };
  const errors: string[] = [];
  let widgetId = "";
  let snippet = "";
  let bookedSlotId = "";
  let bookingId = "";
  /** Presses Tab (at most 40 times) until the focused element is the one `match` picks, by its name or text. */
  const tabTo = async (match: (el: { label?: string; text: string }) => boolean) => {
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      const el = await page.evaluate(() => {
        const a = document.activeElement as HTMLInputElement | null;
        const label = a?.getAttribute("aria-label") ?? a?.labels?.[0]?.textContent ?? undefined;
        return { label: label ?? undefined, text: a?.textContent?.trim() ?? "" };
      });
      if (match(el)) return;
    }
    throw new Error("Tab never reached the element");
  };
  /** Follows a link of the console's navigation, as a marketer does. */
  const nav = (name: string) =>
    page.getByRole("navigation", { name: "Console" }).getByRole("link", { name, exact: true }).click();
  /** The body rows of the bookings table. */
  const bookingRows = () => page.getByRole("table", { name: /^Bookings, page/ }).locator("tbody tr");
  /** Reloads until `region` says `pattern` (an outbox message sent in the background). */
  const untilShown = async (region: Locator, pattern: RegExp) => {
    await expect
      .poll(
        async () => {
          const text = (await region.textContent()) ?? "";
          if (!pattern.test(text)) {
            await page.reload();
            await region.waitFor();
            await page.waitForTimeout(300);
          }
          return (await region.textContent()) ?? "";
        },
        { timeout: 15_000, interval: 500 },
      )
      .toMatch(pattern);
  };
  /** Clicks "Export CSV" and reads the file the browser saved. */
  const downloadCsv = async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Export CSV" }).click(),
    ]);
    expect(await download.failure()).toBeNull();
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    return readFile((await download.path())!, "utf8");
  };

  beforeAll(async () => {
    rig = await startRig();
    browser = await launchChromium();
    context = await browser.newContext({
      ...DESKTOP,
      timezoneId: "Europe/Berlin",
      locale: "en-GB",
      acceptDownloads: true,
    });
    // 10 s, not Playwright's 30: a step that does not happen by then will not, and the next tests say why sooner.
    context.setDefaultTimeout(10_000);
    page = await context.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) errors.push(m.text());
    });
    axeSource = await readFile(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");
  });

  // A failed step leaves a picture of the page behind, to see what the marketer would have seen.
  afterEach(async ({ task }) => {
    if (task.result?.state !== "fail" || !page) return;
    const path = join(tmpdir(), `console-e2e-${task.name.replace(/\W+/g, "-").slice(0, 60)}.png`);
    await page.screenshot({ path, fullPage: true }).catch(() => {});
    process.stderr.write(`console e2e: the page at the failure is in ${path}\n`);
  });

  afterAll(async () => {
    await browser?.close();
    await rig?.site.close();
    await rig?.running.close();
    await rig?.hooks.close();
    await rig?.smtp.close();
    if (rig) await rm(rig.dir, { recursive: true, force: true });
  });

  it("first-run setup: the printed link creates the owner, who lands signed in on the overview", async () => {
    const line = rig.printed.find((l) => l.startsWith("Set up the console"));
    expect(line).toMatch(/this link works once, for 1 hour/);
    const link = /(http:\/\/\S+\/console\/setup\?token=st_\S+)/.exec(line ?? "")?.[1];
    expect(link).toBeDefined();
    await page.goto(link!);
    await page.getByRole("heading", { name: "Set up your console" }).waitFor();
    await expectAccessible("setup");
    // A mistake first: the form says what is wrong, in place.
    await page.getByLabel("Email").fill(OWNER.email);
    await page.getByLabel("Your name").fill(OWNER.name);
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect.poll(() => page.getByLabel("Password").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible("setup with an error");
    await page.getByLabel("Password").fill(OWNER.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { level: 1, name: "Overview" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/console/");
    await page.getByRole("heading", { name: "Bookings per day" }).waitFor();
    expect(await page.getByRole("button", { name: /^Maya Chen\s*: account menu$/ }).count()).toBe(1);
    await expectAccessible("overview");
    // The link worked once.
    const again = await context.newPage();
    await again.goto(link!);
    await again.getByRole("heading", { name: "This setup link no longer works" }).waitFor();
    await again.close();
  });

  it("signs out, refuses a wrong password, and signs in again", async () => {
    await page.getByRole("button", { name: /account menu/ }).click();
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    // Signed out for the server too: the API answers 401 to the cookie jar now.
    const session = await page.request.get(`${rig.url}/v1/auth/session`);
    expect(session.status()).toBe(401);
    await expectAccessible("sign-in");
    await page.getByLabel("Email").fill(OWNER.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").filter({ hasText: "do not match an account" }).waitFor();
    await expectAccessible("sign-in refused");
    await page.getByLabel("Password").fill(OWNER.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { level: 1, name: "Overview" }).waitFor();
  });

  it("a form on another origin posting to the admin API with the session cookie is refused", async () => {
    const before = (await rig.admin.widgets.list()).length;
    // Same site (localhost), another port: the SameSite=Lax cookie goes along with a top-level POST, so what refuses
    // it is the server's Origin check, not the browser.
    rig.files["/attack.html"] =
      `<!doctype html><html lang="en"><title>Win a prize</title><form method="post" action="${rig.url}/v1/admin/widgets">` +
      `<input name="title" value="Hijacked"><button>Claim</button></form>`;
    const attacker = await context.newPage();
    const sameSite = rig.site.url("attack.html").replace("127.0.0.1", "localhost");
    await attacker.goto(sameSite);
    const [response] = await Promise.all([
      attacker.waitForResponse((r) => r.url().endsWith("/v1/admin/widgets")),
      attacker.getByRole("button", { name: "Claim" }).click(),
    ]);
    expect(response.request().headers().cookie ?? (await response.request().allHeaders()).cookie).toMatch(
      /slotbook_session=/,
    );
    expect(response.status()).toBe(403);
    // Another site altogether (127.0.0.1): the browser does not even send the cookie.
    await attacker.goto(rig.site.url("attack.html"));
    const [crossSite] = await Promise.all([
      attacker.waitForResponse((r) => r.url().endsWith("/v1/admin/widgets")),
      attacker.getByRole("button", { name: "Claim" }).click(),
    ]);
    expect(crossSite.status()).toBe(401);
    await attacker.close();
    expect((await rig.admin.widgets.list()).length).toBe(before);
  });

  it("creates a widget in the editor (title, allowed site, a question, consent) and sees it in the live preview", async () => {
    await nav("Widgets");
    await page.getByRole("heading", { level: 1, name: "Widgets" }).waitFor();
    await page.getByRole("table", { name: "Widgets" }).waitFor();
    await expectAccessible("widget list");
    await page.getByRole("button", { name: "New widget" }).click();
    const dialog = page.getByRole("dialog", { name: "New widget" });
    await dialog.getByLabel("Title").fill("Yoga");
    await expectAccessible("new widget dialog");
    await dialog.getByRole("button", { name: "Create widget" }).click();
    await page.getByRole("heading", { level: 1, name: "Yoga" }).waitFor();
    widgetId = /\/console\/widgets\/(wgt_[\w-]+)/.exec(page.url())?.[1] ?? "";
    expect(widgetId).toMatch(/^wgt_/);

    const form = page.getByRole("form", { name: "Widget settings" });
    const preview = page.getByTestId("preview-host");
    await form.getByLabel("Title", { exact: true }).fill(TITLE);
    // The preview is the real widget, showing the unsaved draft.
    await preview.getByRole("heading", { name: TITLE }).waitFor();
    await form.getByRole("textbox", { name: "Allowed site 1" }).fill(rig.site.origin);
    await form.getByRole("button", { name: "Add a question" }).click();
    await form.getByRole("textbox", { name: "Question", exact: true }).fill(QUESTION);
    await form.getByLabel("Checkbox text").fill(CONSENT);
    await preview
      .getByLabel(QUESTION)
      .waitFor({ state: "attached" })
      .catch(() => {});
    await expectAccessible("widget editor with unsaved changes");
    await form.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("status").filter({ hasText: "All changes saved" }).waitFor();
    await page.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    const saved = await rig.admin.widgets.get(widgetId);
    expect(saved.title).toBe(TITLE);
    expect(saved.allowedOrigins).toEqual([rig.site.origin]);
    expect(saved.fields.map((f) => f.label)).toEqual([QUESTION]);
    expect(saved.consent?.text).toBe(CONSENT);
  });

  it("takes the inline snippet from the widget page, with its copy button", async () => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: rig.url });
    const area = page.getByLabel("Inline snippet");
    snippet = await area.inputValue();
    expect(snippet).toContain(`data-slotbook="${widgetId}"`);
    expect(snippet).toContain(`src="${rig.url}/widget.js"`);
    await page.getByRole("button", { name: "Copy snippet" }).click();
    await page.getByText("Inline snippet copied").waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);
  });

  it("adds one class with the keyboard alone on the slots page", async () => {
    await page.getByRole("main").getByRole("link", { name: "Slots" }).click();
    await page.getByRole("heading", { level: 1, name: "Slots" }).waitFor();
    await page.getByRole("heading", { name: "No classes this week" }).waitFor();
    await expectAccessible("slots, empty week");
    // From the page's heading (focused by the navigation): Tab to "Next week", Enter; Tab to "Add classes", Enter.
    await tabTo((el) => el.label === "Next week");
    await page.keyboard.press("Enter");
    await tabTo((el) => el.text === "Add classes");
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Add classes" });
    await dialog.waitFor();
    // Once (the default), on the week's Monday (the date's default): 18:30, 4 seats, a label; Enter saves.
    await tabTo((el) => el.label === "Starts at");
    await page.keyboard.type("1830");
    await tabTo((el) => el.label === "Seats");
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("4");
    await tabTo((el) => el.label?.startsWith("Label") === true);
    await page.keyboard.type("Keyboard trial");
    await page.keyboard.press("Enter");
    await dialog.waitFor({ state: "hidden" });
    const [one] = await rig.admin.slots.list(widgetId);
    expect(one).toMatchObject({ capacity: 4, label: "Keyboard trial" });
    expect(wallClock(one!.startsAt)).toMatch(/^Mon .* 18:30$/);
    await page.getByRole("button", { name: /18:30.*Keyboard trial/ }).waitFor();
  });

  it("adds a weekly series (Mon and Wed at 18:00 for 4 weeks) and is told how many classes first", async () => {
    await page.getByRole("button", { name: "Add classes" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Add classes" });
    await dialog.getByRole("radio", { name: /Every week/ }).check();
    for (const day of ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]) {
      const box = dialog.getByRole("checkbox", { name: day, exact: true });
      await (day === "Mon" || day === "Wed" ? box.check() : box.uncheck());
    }
    await dialog.getByLabel("Starts at").fill("18:00");
    // The first day is the Monday shown, the last 4 weeks on: the count is said before anything is saved.
    await expect.poll(() => dialog.getByRole("status").textContent()).toMatch(/^This adds 8 classes, from Monday/);
    await expectAccessible("add classes, a weekly series");
    await dialog.getByRole("button", { name: "Add 8 classes" }).click();
    await dialog.waitFor({ state: "hidden" });
    await page.getByText("Added 8 classes").waitFor();
    const slots = (await rig.admin.slots.list(widgetId)).filter((s) => s.label !== "Keyboard trial");
    expect(slots).toHaveLength(8);
    expect(new Set(slots.map((s) => wallClock(s.startsAt).replace(/ .* /, " ")))).toEqual(
      new Set(["Mon 18:00", "Wed 18:00"]),
    );
    await page.getByRole("table", { name: /^Classes of the week/ }).waitFor();
    await expectAccessible("slots, a week with classes");
  });

  it("a visitor books through the embedded widget on the marketer's site (another origin)", async () => {
    rig.files["/yoga.html"] =
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sunrise Yoga</title></head>` +
      `<body><h1>Sunrise Yoga</h1><p>Try a class for free.</p>\n${snippet}</body></html>`;
    const visitor = await context.newPage();
    await visitor.goto(`${rig.site.url("yoga.html")}?utm_source=newsletter&utm_medium=email&utm_campaign=spring-trial`);
    const widget = visitor.locator("[data-slotbook]");
    await widget.getByRole("heading", { name: TITLE }).waitFor();
    const time = widget.getByRole("radiogroup", { name: "Time" }).getByRole("radio").first();
    await time.click();
    bookedSlotId = (await time.getAttribute("data-id")) ?? "";
    await widget.getByRole("button", { name: "Continue" }).click();
    await widget.getByLabel("Name").fill(VISITOR.name);
    await widget.getByLabel("Email").fill(VISITOR.email);
    await widget.getByLabel(QUESTION).fill(VISITOR.answer);
    await widget.getByRole("checkbox", { name: CONSENT }).check();
    await widget.getByRole("button", { name: "Book now" }).click();
    await widget.getByRole("heading", { name: "You're booked" }).waitFor();
    await visitor.close();
    const [confirmation] = await rig.smtp.waitFor(1);
    expect(confirmation!.to).toEqual([VISITOR.email]);
    // Someone else whose address starts the same: the search is exact, so they stay out of it.
    const decoy = createClient({ baseUrl: rig.running.url });
    await decoy.bookings.create(widgetId, {
      slotId: bookedSlotId,
      name: "Priya Other",
      email: `${VISITOR.email}.au`,
      consent: true,
    });
  });

  it("finds that booking by exact email, opens it with the keyboard, and sees answers, consent, UTM and messages", async () => {
    await nav("Bookings");
    await page.getByRole("heading", { level: 1, name: "Bookings" }).waitFor();
    await page.getByRole("table", { name: "Bookings, page 1" }).waitFor();
    expect(await bookingRows().count()).toBe(2);
    await expectAccessible("bookings");
    const filters = page.getByRole("form", { name: "Filter bookings" });
    await filters.getByLabel("Email").fill(VISITOR.email.slice(0, -1));
    await filters.getByLabel("Email").press("Enter");
    await page.getByRole("heading", { name: "No bookings match" }).waitFor();
    await expectAccessible("bookings, none match");
    await filters.getByLabel("Email").fill(VISITOR.email);
    await filters.getByLabel("Email").press("Enter");
    await expect.poll(() => bookingRows().count()).toBe(1);
    expect(await bookingRows().first().textContent()).toContain(VISITOR.email);
    expect(await bookingRows().first().textContent()).toContain("newsletter");

    // Keyboard only: from the search field, Tab until the row's link has focus, Enter opens the detail.
    await filters.getByLabel("Email").focus();
    await tabTo((el) => el.text === VISITOR.name);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: VISITOR.name }).waitFor();
    bookingId = /\/console\/bookings\/(bkg_[\w-]+)/.exec(page.url())?.[1] ?? "";
    expect(bookingId).toMatch(/^bkg_/);

    const answers = page.getByRole("region", { name: "Answers and consent" });
    await expect.poll(() => answers.textContent()).toContain(`${QUESTION}${VISITOR.answer}`);
    expect(await answers.textContent()).toMatch(/ConsentGiven on /);
    expect(await answers.textContent()).toContain(CONSENT);
    const context_ = await page.getByRole("region", { name: "Where they came from" }).textContent();
    expect(context_).toContain(`${rig.site.url("yoga.html")}?utm_source=newsletter`);
    expect(context_).toContain("UTM sourcenewsletter");
    expect(context_).toContain("UTM mediumemail");
    expect(context_).toContain("UTM campaignspring-trial");
    await untilShown(
      page.getByRole("region", { name: "Emails and webhooks" }),
      /Booking confirmation email to the visitor\s*Sent/,
    );
    await expectAccessible("booking detail");
  });

  it("marks attendance once the class has started", async () => {
    const followUp = page.getByRole("region", { name: "Follow up" });
    expect(await followUp.getByRole("button", { name: "Attended" }).isDisabled()).toBe(true);
    expect(await followUp.textContent()).toContain("You can mark this once the class has started.");
    // The app has no clock to move, so the class is moved instead: it began ten minutes ago (the admin API, as the
    // Slots page would), and the page is opened again.
    const now = Date.now();
    await rig.admin.slots.update(bookedSlotId, {
      startsAt: new Date(now - 10 * 60_000).toISOString(),
      endsAt: new Date(now + 50 * 60_000).toISOString(),
    });
    await page.reload();
    // With the keyboard: Tab from the top of the page to "Attended", Enter.
    await followUp.getByRole("button", { name: "Attended" }).waitFor();
    await tabTo((el) => el.text === "Attended");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => followUp.getByRole("button", { name: "Attended" }).getAttribute("aria-pressed"))
      .toBe("true");
    expect((await rig.admin.bookings.get(bookingId)).attendance).toBe("attended");
    await followUp.getByRole("button", { name: "No-show" }).click();
    await expect
      .poll(() => followUp.getByRole("button", { name: "No-show" }).getAttribute("aria-pressed"))
      .toBe("true");
    expect((await rig.admin.bookings.get(bookingId)).attendance).toBe("no_show");
  });

  it("exports the CSV of the filter", async () => {
    await page.getByRole("link", { name: "All bookings" }).click();
    await expect.poll(() => bookingRows().count()).toBe(1);
    const csv = await downloadCsv();
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(VISITOR.email);
    expect(lines[1]).toContain(VISITOR.answer);
    await bookingRows().first().getByRole("link", { name: VISITOR.name }).click();
    await page.getByRole("heading", { level: 1, name: VISITOR.name }).waitFor();
  });

  it("cancels on the visitor's behalf after the question, and the visitor's email arrives", async () => {
    const followUp = page.getByRole("region", { name: "Follow up" });
    // With the keyboard too: the page's "Cancel booking", then the dialog's (focus is in the dialog once it opens).
    await followUp.getByRole("button", { name: "Cancel booking" }).focus();
    await page.keyboard.press("Enter");
    const ask = page.getByRole("alertdialog", { name: `Cancel ${VISITOR.name}'s booking?` });
    await ask.waitFor();
    expect(await ask.textContent()).toContain("will be told by email");
    await expectAccessible("cancel confirmation");
    expect(await ask.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await tabTo((el) => el.text === "Cancel booking");
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await rig.admin.bookings.get(bookingId)).status).toBe("cancelled");
    const isCancellation = (m: ReceivedMail) => m.to.includes(VISITOR.email) && /cancel/i.test(m.mail.subject ?? "");
    await expect
      .poll(() => rig.smtp.received.filter(isCancellation).map((m) => m.to), { timeout: 10_000 })
      .toEqual([[VISITOR.email]]);
    await untilShown(
      page.getByRole("region", { name: "Emails and webhooks" }),
      /Cancellation email to the visitor\s*Sent/,
    );
  });

  it("erases the booking's personal data after the question", async () => {
    const followUp = page.getByRole("region", { name: "Follow up" });
    await followUp.getByRole("button", { name: "Erase personal data" }).click();
    const ask = page.getByRole("alertdialog", { name: `Erase ${VISITOR.name}'s personal data?` });
    expect(await ask.textContent()).toContain("deleted for good");
    await ask.getByRole("button", { name: "Erase for good" }).click();
    await page.getByText("This booking's personal data was erased").waitFor();
    const erased = await rig.admin.bookings.get(bookingId);
    expect(erased.status).toBe("erased");
    expect(erased.email).toBeUndefined();
    await expectAccessible("erased booking");
    // The CSV of every booking keeps the row, without the person.
    await page.getByRole("link", { name: "All bookings" }).click();
    await page.getByRole("button", { name: "Clear filters" }).first().click();
    await expect.poll(() => bookingRows().count()).toBe(2);
    const csv = await downloadCsv();
    expect(csv).toContain(bookingId);
    expect(csv).not.toContain(`${VISITOR.email},`);
    expect(csv).toContain(`${VISITOR.email}.au`);
  });

  it("adds a webhook in settings and sees its delivery", async () => {
    await nav("Settings");
    await page.getByRole("heading", { level: 1, name: "Settings" }).waitFor();
    await expectAccessible("settings, team");
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Email" }).click();
    await page.getByRole("heading", { name: "Recent problems" }).waitFor();
    // The server's SMTP_URL is the test SMTP server: the page says mail goes out, and from whom.
    await page.getByText(/^Email goes out through your mail server, from .*no-reply@school\.example/).waitFor();
    await expectAccessible("settings, email");
    // A test message to the owner reaches the SMTP server.
    await page.getByLabel("Send a test message to").fill(OWNER.email);
    await page.getByRole("button", { name: "Send test" }).click();
    await expect.poll(() => rig.smtp.received.filter((m) => m.to.includes(OWNER.email)).length).toBe(1);
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "API keys" }).click();
    await page.getByRole("heading", { name: "API keys", exact: true }).waitFor();
    await expectAccessible("settings, API keys");
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Webhooks" }).click();
    await page.getByRole("heading", { name: "No webhooks yet" }).waitFor();
    await expectAccessible("settings, webhooks");
    await page.getByRole("button", { name: "Add webhook" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a webhook" });
    await dialog.getByLabel("Endpoint URL").fill(rig.hooks.url);
    await dialog.getByRole("button", { name: "Add webhook" }).click();
    const secret = page.getByRole("dialog", { name: "Copy the signing secret" });
    await secret.waitFor();
    await expectAccessible("webhook secret");
    await secret.getByRole("button", { name: "I have copied it" }).click();
    await page.getByRole("table", { name: "Webhook endpoints" }).getByRole("link", { name: rig.hooks.url }).click();
    await page.getByRole("button", { name: "Send test event" }).click();
    const deliveries = page.getByRole("table", { name: "Deliveries" });
    await deliveries.waitFor();
    await expect
      .poll(
        async () => {
          await page.getByRole("button", { name: "Refresh" }).click();
          await page.waitForTimeout(200);
          return (await deliveries.textContent()) ?? "";
        },
        { timeout: 15_000 },
      )
      .toMatch(/webhook\.test.*Delivered/);
    expect(rig.hooks.received.some((h) => h.body.includes("webhook.test"))).toBe(true);
    // Known: each delivery's "Send again" button is named "Send webhook.test of … again", which does not contain
    // its visible text (settings/webhook-detail.tsx; "Send again: webhook.test of …" would).
    await expectAccessible("webhook deliveries");
  });

  it("every page passes axe-core dark on a 390 px phone too", async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      colorScheme: "dark",
      timezoneId: "Europe/Berlin",
      locale: "en-GB",
      storageState: await context.storageState(),
    });
    phone.setDefaultTimeout(10_000);
    const dark = await phone.newPage();
    dark.on("pageerror", (e) => errors.push(e.message));
    const [other] = (await rig.admin.bookings.list({ widgetId })).data.filter((b) => b.status === "confirmed");
    const booked = await rig.admin.bookings.get(bookingId);
    const pages: [string, string, (p: Page) => Promise<unknown>][] = [
      ["overview", "/console/", (p) => p.getByRole("heading", { name: "Bookings per day" }).waitFor()],
      ["widgets", "/console/widgets", (p) => p.getByRole("table", { name: "Widgets" }).waitFor()],
      [
        "widget editor",
        `/console/widgets/${widgetId}`,
        (p) => p.getByTestId("preview-host").getByRole("radiogroup", { name: "Time" }).waitFor(),
      ],
      [
        "slots, the week of the class under way",
        `/console/slots/${widgetId}?week=${wallDay(booked.slot.startsAt)}`,
        (p) => p.locator(".slot-block.is-past:visible").first().waitFor(),
      ],
      ["bookings", "/console/bookings", (p) => p.getByRole("table", { name: /^Bookings, page/ }).waitFor()],
      [
        "booking",
        `/console/bookings/${other!.id}`,
        (p) => p.getByRole("region", { name: "Emails and webhooks" }).getByRole("listitem").first().waitFor(),
      ],
      ["settings, team", "/console/settings/team", (p) => p.getByRole("table", { name: "Team members" }).waitFor()],
      [
        "settings, webhooks",
        "/console/settings/webhooks",
        (p) => p.getByRole("table", { name: "Webhook endpoints" }).waitFor(),
      ],
      [
        "settings, email",
        "/console/settings/email",
        (p) => p.getByRole("heading", { name: "Recent problems" }).waitFor(),
      ],
      [
        "settings, API keys",
        "/console/settings/keys",
        (p) => p.getByRole("heading", { name: "API keys", exact: true }).waitFor(),
      ],
    ];
    const found: { step: string; blocking: AxeFinding[] }[] = [];
    const look = async (on: Page, step: string) => {
      found.push({ step, blocking: await axeFindings(on, axeSource) });
    };
    for (const [step, path, ready] of pages) {
      await dark.goto(`${rig.url}${path}`);
      await ready(dark);
      await look(dark, step);
    }
    // The same week light on the desktop.
    await page.goto(`${rig.url}/console/slots/${widgetId}?week=${wallDay(booked.slot.startsAt)}`);
    await page.locator(".slot-block.is-past:visible").first().waitFor();
    await look(page, "slots, the week of the class under way (light, desktop)");
    // Signed out: the sign-in page.
    await phone.clearCookies();
    await dark.goto(`${rig.url}/console/sign-in`);
    await dark.getByRole("button", { name: "Sign in" }).waitFor();
    await look(dark, "sign-in");
    await phone.close();
    expect(found.filter((f) => f.blocking.length > 0)).toEqual([]);
  });

  it("no page error and no CSP violation on the way", () => {
    expect(errors).toEqual([]);
  });
});
