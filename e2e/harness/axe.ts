/** @module Test helper: axe-core on a page (open shadow roots included), reduced to the violations that block people. */
import type { AxeResults } from "axe-core";
import type { BrowserPage } from "./browser-page.js";
import { AXE_PATH } from "./host-site.js";

/** What a failing check says: rule, impact, help text and the elements, shadow hosts first. */
export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Load axe-core from the host site (so the page must not have a strict CSP) and check the whole document, WCAG 2.x
 * A and AA. Resolves to the serious and critical violations, and how many checked elements sat in a shadow root
 * (axe names those with nested selectors), so a caller can tell the widget was really looked at.
 * @example const { blocking, inShadow } = await runAxe(page); expect(blocking).toEqual([]);
 */
export async function runAxe(page: BrowserPage): Promise<{ blocking: AxeFinding[]; inShadow: number }> {
  await page.evaluate(
    (src) =>
      "axe" in window ||
      new Promise((resolve, reject) =>
        document.head.append(
          Object.assign(document.createElement("script"), { src, onload: resolve, onerror: reject }),
        ),
      ).then(() => true),
    AXE_PATH,
  );
  const results = await page.evaluate(
    () =>
      (window as unknown as { axe: { run(c: Document, o: object): Promise<AxeResults> } }).axe
        .run(document, {
          runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        })
        // Only what the checks below read: the full results hold DOM-heavy data that need not cross the wire.
        .then((r) => ({
          violations: r.violations.map((v) => ({ ...v, nodes: v.nodes.map((n) => ({ target: n.target })) })),
          passes: r.passes.map((v) => ({ nodes: v.nodes.map((n) => ({ target: n.target })) })),
        })) as unknown as Promise<AxeResults>,
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
