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
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminClient, type SlotbookAdminClient } from "../sdk/index.js";
import { loadConfig } from "../server/config.js";
import { startTestSmtpServer, type TestSmtpServer } from "../server/mail/testing.js";
import { type RunningServer, startServer } from "../server/serve.js";
import { startTestReceiver, type TestReceiver } from "../server/webhooks/testing.js";
import { ROOT } from "./build.js";
import { runAxe } from "./harness/axe.js";
import { BrowserPage } from "./harness/browser-page.js";
import { DESKTOP, HAS_CHROMIUM, launchChromium } from "./harness/chromium.js";
import { playwrightPage } from "./harness/driver-playwright.js";
import { type HostSite, startHostSite } from "./harness/host-site.js";

const ADMIN_KEY = "sk_e2e_console_0123456789abcdefghij";
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

describe.skipIf(!HAS_CHROMIUM)("the marketer console in Chromium", () => {
  let rig: Rig;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let axeSource: string;
  /** Every console page axe looked at, with what it found (expected empty each). */
  const expectAccessible = async (step: string) => {
    const blocking = await axeFindings(page, axeSource);
    expect({ step, blocking }).toEqual({ step, blocking: [] });
  };
  const errors: string[] = [];

  beforeAll(async () => {
    rig = await startRig();
    browser = await launchChromium();
    context = await browser.newContext({
      ...DESKTOP,
      timezoneId: "Europe/Berlin",
      locale: "en-GB",
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) errors.push(m.text());
    });
    axeSource = await readFile(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");
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

  it("no page error and no CSP violation on the way", () => {
    expect(errors).toEqual([]);
  });
});
