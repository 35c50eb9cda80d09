/**
 * @module Test helper: the `Engine` for WebKit (Debian's webkit2gtk-driver), through webdriverio over WebDriver
 * classic (WebKitWebDriver has no BiDi). WebDriver cannot emulate a time zone, a language or a colour scheme, so each
 * `open` starts its own WebKitWebDriver and MiniBrowser with them in the environment (TZ, LANGUAGE, GTK_THEME);
 * that takes about 0.3 s. MiniBrowser needs an X display: without DISPLAY, one Xvfb is started for the process.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { Key, remote } from "webdriverio";
import type { Engine, EnginePage, PageOptions } from "./driver.js";

/** WebKitWebDriver (`apt-get install webkit2gtk-driver`) and the browser it drives, from the same package. */
export const WEBKIT_DRIVER = "/usr/bin/WebKitWebDriver";
export const MINIBROWSER = ["x86_64", "aarch64"]
  .map((arch) => `/usr/lib/${arch}-linux-gnu/webkit2gtk-4.1/MiniBrowser`)
  .find((path) => existsSync(path));
/** Xvfb (`apt-get install xvfb`), for machines without a display. */
export const XVFB = "/usr/bin/Xvfb";

let display: Promise<string> | undefined;

/** DISPLAY, or a fresh Xvfb's (`-displayfd` picks a free display number); it is stopped when this process exits. */
function ensureDisplay(): Promise<string> {
  if (process.env.DISPLAY) return Promise.resolve(process.env.DISPLAY);
  display ??= new Promise((resolve, reject) => {
    const xvfb = spawn(XVFB, ["-displayfd", "1", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"], {
      stdio: ["ignore", "pipe", "ignore"],
    });
    process.on("exit", () => xvfb.kill());
    xvfb.once("error", reject);
    xvfb.stdout.once("data", (d: Buffer) => resolve(`:${d.toString().trim()}`));
  });
  return display;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once("error", reject);
  });
}

async function startDriver(options: PageOptions): Promise<{ driver: ChildProcess; port: number }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DISPLAY: await ensureDisplay(),
    // No GPU in CI: software rendering, no compositing (else MiniBrowser may paint nothing under Xvfb).
    WEBKIT_DISABLE_COMPOSITING_MODE: "1",
    ...(options.timezoneId && { TZ: options.timezoneId }),
    ...(options.locale && { LANGUAGE: options.locale.replace("-", "_") }),
    ...(options.colorScheme && { GTK_THEME: options.colorScheme === "dark" ? "Adwaita:dark" : "Adwaita" }),
  };
  const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`], { env, stdio: "ignore" });
  process.on("exit", () => driver.kill());
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/status`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { driver, port };
    await new Promise((r) => setTimeout(r, 50));
  }
  driver.kill();
  throw new Error(`${WEBKIT_DRIVER} did not answer on port ${port}`);
}

const KEYS: Record<string, string> = {
  Tab: Key.Tab,
  Shift: Key.Shift,
  Control: Key.Control,
  ControlOrMeta: Key.Control,
  Enter: Key.Enter,
  Escape: Key.Escape,
  Space: Key.Space,
  End: Key.End,
  Home: Key.Home,
  ArrowRight: Key.ArrowRight,
  ArrowLeft: Key.ArrowLeft,
  ArrowUp: Key.ArrowUp,
  ArrowDown: Key.ArrowDown,
  Backspace: Key.Backspace,
};

/** WebKit through WebDriver classic; nothing starts until the first `open`. */
export async function webdriverEngine(): Promise<Engine> {
  if (!MINIBROWSER) throw new Error("webkit2gtk-driver's MiniBrowser is missing: apt-get install webkit2gtk-driver");
  const open: EnginePage[] = [];
  return {
    name: "webkit",
    // WebDriver classic has no console channel; the page's recorder (host-site) still hears console.warn/error.
    console: false,
    async open(options: PageOptions): Promise<EnginePage> {
      const { driver, port } = await startDriver(options);
      const browser = await remote({
        hostname: "127.0.0.1",
        port,
        logLevel: "error",
        capabilities: {
          // webdriverio asks for BiDi by default; WebKitWebDriver refuses a session that wants it.
          "wdio:enforceWebDriverClassic": true,
          "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] },
        } as WebdriverIO.Capabilities,
      });
      // The window holds MiniBrowser's toolbar: size it so the web view is the viewport asked for. GTK will not
      // make the window narrower than its toolbar (447 CSS px), which the caller can read back from innerWidth.
      const inner = () => browser.execute("return [innerWidth, innerHeight]") as Promise<[number, number]>;
      const rect = await browser.getWindowRect();
      const [w, h] = await inner();
      await browser.setWindowRect(
        0,
        0,
        options.viewport.width + rect.width - w,
        options.viewport.height + rect.height - h,
      );
      const element = async (expression: string) => browser.$((await browser.execute(`return ${expression}`)) as never);
      const page: EnginePage = {
        console: [],
        goto: async (url) => {
          await browser.url(url);
        },
        evaluate: (expression) => browser.execute(`return ${expression}`) as never,
        async click(expression, how) {
          const target = await element(expression);
          await target.scrollIntoView({ block: "center" });
          if (how === "click") await target.click();
          else
            await browser
              .action("pointer", { parameters: { pointerType: "touch" } })
              .move({ origin: target })
              .down()
              .up()
              .perform();
        },
        async press(key) {
          const parts = key.split("+").map((k) => KEYS[k] ?? k.toLowerCase());
          const main = parts.pop()!;
          const actions = browser.action("key");
          for (const m of parts) actions.down(m);
          actions.down(main).up(main);
          for (const m of parts.reverse()) actions.up(m);
          await actions.perform();
        },
        async type(text) {
          // One action chain per character: in one chain WebKitWebDriver drops the second of two equal keys ("+44"
          // arrived as "+4"), both through webdriverio's keys() and a hand-made chain.
          for (const c of text) await browser.action("key").down(c).up(c).perform();
        },
        // WebDriver classic has no download events.
        download: async (action) => {
          await action();
          return "unsupported";
        },
        async mouseMove(x, y) {
          await browser.action("pointer").move({ x, y, origin: "viewport" }).perform();
        },
        async close() {
          open.splice(open.indexOf(page), 1);
          await browser.deleteSession().catch(() => {});
          driver.kill();
        },
      };
      open.push(page);
      return page;
    },
    async close() {
      await Promise.all([...open].map((p) => p.close()));
    },
  };
}
