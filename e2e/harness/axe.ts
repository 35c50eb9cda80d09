/** @module Test helper: axe-core on a page (open shadow roots included), reduced to the violations that block people. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { AxeResults } from "axe-core";
import type { Page } from "playwright-core";
import { ROOT } from "../build.js";

/** What a failing check says: rule, impact, help text and the elements, shadow hosts first. */
export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

let source: Promise<string> | undefined;

/**
 * Inject axe-core as an inline script (so the page must not have a strict CSP) and check the whole document, WCAG
 * 2.x A and AA. Resolves to the serious and critical violations, and how many checked elements sat in a shadow root
 * (axe names those with nested selectors), so a caller can tell the widget was really looked at.
 * @example const { blocking, inShadow } = await runAxe(page); expect(blocking).toEqual([]);
 */
export async function runAxe(page: Page): Promise<{ blocking: AxeFinding[]; inShadow: number }> {
  source ??= readFile(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: await source });
  const results = await page.evaluate(
    () =>
      (window as unknown as { axe: { run(c: Document, o: object): Promise<AxeResults> } }).axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
      }) as Promise<AxeResults>,
  );
  const blocking = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      rule: v.id,
      impact: v.impact!,
      help: v.help,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  const inShadow = [...results.passes, ...results.violations]
    .flatMap((r) => r.nodes)
    .filter((n) => Array.isArray(n.target[0])).length;
  return { blocking, inShadow };
}
