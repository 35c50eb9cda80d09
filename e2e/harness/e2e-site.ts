/**
 * @module Test helper: the set-up every browser test file shares — a Slotbook server, the marketer's site on another
 * origin and one browser engine — started in `beforeAll` and closed in `afterAll`, with a fresh page per `open`.
 */
import { afterAll, beforeAll } from "vitest";
import { BrowserPage } from "./browser-page.js";
import type { Engine, EngineName, PageOptions } from "./driver.js";
import { launchEngine } from "./engines.js";
import { type HostSite, startHostSite } from "./host-site.js";
import { startTestServer, type TestServer } from "./slotbook-server.js";

/** The running pieces of one test file; read them inside tests and hooks (they exist only after `beforeAll`). */
export interface E2eSite {
  readonly server: TestServer;
  readonly site: HostSite;
  readonly engine: Engine;
  /** A page of its own with `options` (close it when done), at `url` when given. */
  open(options: PageOptions, url?: string): Promise<BrowserPage>;
}

/**
 * Register the hooks that start and stop the server, the host site (with `files`, which may depend on the API's URL)
 * and the engine. A file's own `beforeAll` registered after this call runs once they are up (vitest runs hooks in
 * order, and `afterAll` in reverse).
 * @example const e2e = useE2eSite("firefox"); it("…", async () => { const page = await e2e.open(DESKTOP, url); … });
 */
export function useE2eSite(
  engineName: EngineName,
  files?: Record<string, string> | ((api: string) => Record<string, string>),
): E2eSite {
  let server: TestServer | undefined;
  let site: HostSite | undefined;
  let engine: Engine | undefined;

  beforeAll(async () => {
    server = await startTestServer();
    site = await startHostSite({ api: server.url, files: typeof files === "function" ? files(server.url) : files });
    engine = await launchEngine(engineName);
  });

  afterAll(async () => {
    await engine?.close();
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
    get engine() {
      return started(engine);
    },
    async open(options, url) {
      const page = new BrowserPage(engineName, options, await started(engine).open(options));
      if (url) await page.goto(url);
      return page;
    },
  };
}
