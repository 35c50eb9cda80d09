/**
 * @module Test helper: the set-up every browser test file shares — a Slotbook server, the marketer's site on another
 * origin and one Chromium — started in `beforeAll` and closed in `afterAll`, with a fresh context per page.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium } from "./chromium.js";
import { type HostSite, startHostSite } from "./host-site.js";
import { startTestServer, type TestServer } from "./slotbook-server.js";

/** The running pieces of one test file; read them inside tests and hooks (they exist only after `beforeAll`). */
export interface E2eSite {
  readonly server: TestServer;
  readonly site: HostSite;
  readonly browser: Browser;
  /** A page in a context of its own (close the context when done). */
  newPage(options?: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page }>;
}

/**
 * Register the hooks that start and stop the server, the host site (with `files`, which may depend on the API's URL)
 * and Chromium. A file's own `beforeAll` registered after this call runs once they are up (vitest runs hooks in
 * order, and `afterAll` in reverse).
 * @example const e2e = useE2eSite(); it("…", async () => { const { page } = await e2e.newPage(DESKTOP); … });
 */
export function useE2eSite(files?: Record<string, string> | ((api: string) => Record<string, string>)): E2eSite {
  let server: TestServer | undefined;
  let site: HostSite | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await startTestServer();
    site = await startHostSite({ api: server.url, files: typeof files === "function" ? files(server.url) : files });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await server?.close();
  });

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("useE2eSite: read inside a test or hook, after beforeAll");
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get site() {
      return started(site);
    },
    get browser() {
      return started(browser);
    },
    async newPage(options) {
      const context = await started(browser).newContext(options);
      return { context, page: await context.newPage() };
    },
  };
}
