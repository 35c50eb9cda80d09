/**
 * @module `npm run bench` (second part): how soon a visitor sees the first time slot, in real Chromium. A page on
 * another origin with the inline snippet is opened in a fresh context each run; the time is from navigation start to
 * the first `[part="slot"]` in the widget's shadow root. On a desktop as it comes, and on a throttled phone: 4× CPU,
 * 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up (Lighthouse's "slow 4G"). Median and spread of the runs.
 * Env: BENCH_FIRST_SLOT_RUNS (default 9).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchChromium } from "../e2e/harness/chromium.js";
import { loadConfig } from "../server/config.js";
import { startServer } from "../server/serve.js";

const RUNS = Number(process.env.BENCH_FIRST_SLOT_RUNS ?? 9);

/** The marketer's page: the inline snippet and nothing else. */
function hostPage(api: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Book a class</title></head><body><h1>Book a free demo class</h1>
<div data-slotbook="wgt_demo"></div><script async src="${api}/widget.js"></script></body></html>`;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "slotbook-first-slot-"));
  const api = await startServer(
    loadConfig({ PORT: "0", SLOTBOOK_DATA_DIR: dir, SLOTBOOK_SECRET: Buffer.alloc(32, 7).toString("base64") }),
    { host: "127.0.0.1", log: false, print: () => {}, warn: () => {}, handleSignals: false },
  );
  const html = hostPage(api.url);
  const site = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html);
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  const browser = await launchChromium();

  const measure = async (phone: boolean): Promise<number> => {
    const context = await browser.newContext(
      phone
        ? { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true }
        : { viewport: { width: 1280, height: 800 } },
    );
    const page = await context.newPage();
    if (phone) {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: 150,
        downloadThroughput: (1.6 * 1024 * 1024) / 8,
        uploadThroughput: (750 * 1024) / 8,
      });
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    }
    await page.goto(origin, { waitUntil: "commit" });
    // A string, not a function: tsx would wrap a function's inner ones in a helper the page does not have.
    const ms = await page.evaluate<number>(`new Promise((resolve) => {
      const check = () => {
        const root = document.querySelector("[data-slotbook]")?.shadowRoot;
        if (root?.querySelector('[part="slot"]')) resolve(performance.now());
        else requestAnimationFrame(check);
      };
      check();
    })`);
    await context.close();
    return ms;
  };

  try {
    // One run of each first, not counted: Chromium's own start-up and the server's first requests.
    await measure(false);
    await measure(true);
    for (const [name, phone] of [
      ["desktop, localhost", false],
      ["phone: 4x CPU, 150 ms RTT, 1.6 Mbit/s", true],
    ] as const) {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) times.push(await measure(phone));
      const sorted = [...times].sort((a, b) => a - b);
      console.log(
        `first slot visible, ${name}: median ${median(times).toFixed(0)} ms (min ${sorted[0]!.toFixed(0)}, max ${sorted.at(-1)!.toFixed(0)}, ${RUNS} runs)`,
      );
    }
  } finally {
    await browser.close();
    site.close();
    await api.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
