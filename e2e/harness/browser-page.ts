/**
 * @module Test helper: one page in any engine, as the suites use it — queries through open shadow roots, actions that
 * wait for their element like Playwright's locators do (exactly one match, enabled), and what the page's recorder
 * and the engine heard. Everything here is engine-neutral; only `EnginePage` differs per engine.
 */
import type { Download, EngineName, EnginePage, PageOptions } from "./driver.js";
import type { CspViolation, PageRecord } from "./page-recorder.js";
import { type Query, resolveQuery } from "./query.js";

/** How long an action waits for its element, as Playwright's default action timeout in these suites. */
const WAIT_MS = 10_000;

/** esbuild (tsx, vitest) wraps named functions in `__name(fn, "name")`; the page has no such helper, so give it one. */
const NAME_HELPER = "const __name = (f) => f;";

/** A DOMRect's numbers. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One page of one engine; `touch` pages tap where others click. */
export class BrowserPage {
  constructor(
    readonly engine: EngineName,
    readonly options: PageOptions,
    private readonly page: EnginePage,
  ) {}

  goto(url: string): Promise<void> {
    return this.page.goto(url);
  }

  /**
   * `fn(arg)` in the page; `fn` must not reference anything outside itself (it is sent as source). The value comes
   * back as JSON text: puppeteer's BiDi deserialiser turns a second reference to one object into `undefined` (the
   * same event detail on an element and on window), and JSON treats every engine alike.
   */
  evaluate<T, A = undefined>(fn: (arg: A) => T, arg?: A): Promise<Awaited<T>> {
    return this.page
      .evaluate<string>(
        `(async () => { ${NAME_HELPER} return JSON.stringify({ v: await (${fn.toString()})(${JSON.stringify(arg)}) }); })()`,
      )
      .then((json) => JSON.parse(json).v);
  }

  /** `fn(element, arg)` on the one element `q` matches, once it does. */
  async evaluateOn<T, A = undefined>(q: Query, fn: (el: Element, arg: A) => T, arg?: A): Promise<Awaited<T>> {
    await this.waitForOne(q);
    return this.page.evaluate<Awaited<T>>(this.source(q, `return (${fn.toString()})(all[0], ${JSON.stringify(arg)});`));
  }

  /** Source of an expression that runs `body` with `all`, the elements `q` matches. */
  private source(q: Query, body: string): string {
    return `(() => { ${NAME_HELPER} const all = (${resolveQuery.toString()})(${JSON.stringify(q.steps)}); ${body} })()`;
  }

  count(q: Query): Promise<number> {
    return this.page.evaluate(this.source(q, "return all.length;"));
  }

  /** Resolves once `q` matches at least one element. */
  async waitFor(q: Query, timeout = WAIT_MS): Promise<void> {
    await this.until(async () => (await this.count(q)) > 0, `${q} to appear`, timeout);
  }

  private async waitForOne(q: Query, enabled = false): Promise<void> {
    const check = enabled
      ? "return all.length === 1 && !all[0].disabled && all[0].getAttribute('aria-disabled') !== 'true';"
      : "return all.length === 1;";
    await this.until(() => this.page.evaluate<boolean>(this.source(q, check)), `exactly one enabled ${q}`);
  }

  private async until(ok: () => Promise<boolean>, what: string, timeout = WAIT_MS): Promise<void> {
    const end = Date.now() + timeout;
    while (!(await ok())) {
      if (Date.now() > end) throw new Error(`${this.engine}: timed out after ${timeout} ms waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Click, or tap on a touch page, the one enabled element `q` matches. */
  async click(q: Query): Promise<void> {
    await this.waitForOne(q, true);
    await this.page.click(this.source(q, "return all[0];"), this.options.touch ? "tap" : "click");
  }

  /** Replace the value of the one input `q` matches by typing `text`, as a person would (all selected, then typed). */
  async fill(q: Query, text: string): Promise<void> {
    await this.waitForOne(q, true);
    await this.page.evaluate(this.source(q, "all[0].focus(); all[0].select(); return true;"));
    if (text === "") await this.page.press("Backspace");
    else await this.page.type(text);
  }

  text(q: Query): Promise<string | null> {
    return this.evaluateOn(q, (el) => el.textContent);
  }
  attr(q: Query, name: string): Promise<string | null> {
    return this.evaluateOn(q, (el, n) => el.getAttribute(n), name);
  }
  value(q: Query): Promise<string> {
    return this.evaluateOn(q, (el) => (el as HTMLInputElement).value);
  }
  isDisabled(q: Query): Promise<boolean> {
    return this.evaluateOn(q, (el) => (el as HTMLButtonElement).disabled === true);
  }
  focus(q: Query): Promise<void> {
    return this.evaluateOn(q, (el) => (el as HTMLElement).focus());
  }
  /** Whether `q` matches one element that takes space and is not hidden. */
  async isVisible(q: Query): Promise<boolean> {
    if ((await this.count(q)) !== 1) return false;
    return this.evaluateOn(q, (el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
    });
  }
  box(q: Query): Promise<Box> {
    return this.evaluateOn(q, (el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
  }
  /** The boxes of every element `q` matches, in order. */
  boxes(q: Query): Promise<Box[]> {
    return this.page.evaluate(
      this.source(
        q,
        "return all.map((el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; });",
      ),
    );
  }
  viewport(): Promise<{ width: number; height: number }> {
    return this.evaluate(() => ({ width: innerWidth, height: innerHeight }));
  }

  /** A key or chord in Playwright's names (`Tab`, `Shift+Tab`, `Space`, `ControlOrMeta+A`). */
  press(key: string): Promise<void> {
    return this.page.press(key);
  }
  type(text: string): Promise<void> {
    return this.page.type(text);
  }
  mouseMove(x: number, y: number): Promise<void> {
    return this.page.mouseMove(x, y);
  }
  /** Run `action`; the download it started, or "unsupported" where the engine reports none to the test. */
  download(action: () => Promise<void>): Promise<Download | "unsupported"> {
    return this.page.download(action);
  }

  /** What the page's recorder heard, plus the engine's own console channel where it has one. */
  async record(): Promise<PageRecord> {
    const empty: PageRecord = { csp: [], errors: [], console: [], events: [] };
    const inPage = await this.evaluate(() => (window as { __e2e?: PageRecord }).__e2e ?? null);
    const record = inPage ?? empty;
    const native = this.page.console;
    return {
      ...record,
      errors: [...record.errors, ...native.filter((m) => m.type === "pageerror").map((m) => m.text)],
      console: [...record.console, ...native.filter((m) => m.type !== "pageerror")],
    };
  }

  /** Every CSP violation: the recorder's events, and the console's CSP reports where the engine reports them. */
  async cspViolations(): Promise<CspViolation[]> {
    const { csp } = await this.evaluate(() => (window as { __e2e?: PageRecord }).__e2e ?? { csp: [] });
    const reports = this.page.console
      .filter((m) => /Content Security Policy/i.test(m.text))
      .map((m) => ({ directive: "console", blocked: "", sample: m.text, source: "" }));
    return [...csp, ...reports];
  }

  close(): Promise<void> {
    return this.page.close();
  }
}
