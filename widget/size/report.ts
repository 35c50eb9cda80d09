/** @module `npm run size`: the gzipped size of `/widget.js` and which modules take the bytes. */
import { costByGroup } from "./attribute.js";
import { WIDGET_GZIP_CEILING } from "./budget.js";
import { measureWidget } from "./measure.js";

const { bytes, gzip, modules, code, map } = await measureWidget();
const kb = (n: number) => `${(n / 1000).toFixed(2)} kB`.padStart(9);
console.log(`widget.js  ${kb(bytes)} minified  ${kb(gzip)} gzipped  (ceiling ${kb(WIDGET_GZIP_CEILING)})\n`);
console.log("gzip alone  rendered  module (ranked by gzip alone; shared strings make the real sum smaller)");
const groups = new Map<string, { gzip: number; rendered: number }>();
for (const m of modules) {
  console.log(`${kb(m.gzip)}  ${kb(m.rendered)}  ${m.id}`);
  const group =
    m.id.startsWith("widget/") || m.id.startsWith("sdk/") ? m.id.split("/").slice(0, 2).join("/") : m.id.split("/")[0]!;
  const sum = groups.get(group) ?? { gzip: 0, rendered: 0 };
  groups.set(group, { gzip: sum.gzip + m.gzip, rendered: sum.rendered + m.rendered });
}
console.log("\nby package / folder");
for (const [group, sum] of [...groups].sort((a, b) => b[1].gzip - a[1].gzip)) {
  console.log(`${kb(sum.gzip)}  ${kb(sum.rendered)}  ${group}`);
}

// The per-module figures above overstate libraries (each module gzipped alone, before the minifier drops unused
// code); this split is of the shipped bytes, each group's cost being what leaving it out would save.
const groupOf = (source: string) => {
  const inModules = source.lastIndexOf("node_modules/");
  if (inModules >= 0) return source.slice(inModules + 13).split("/")[0]!;
  const path = source.replace(/^(\.\.\/)+/, "");
  if (path === "widget/styles/widget-css.ts" || path.startsWith("widget/i18n/")) return path;
  return path.startsWith("widget/components/") || path.startsWith("sdk/")
    ? path.split("/").slice(0, 2).join("/")
    : "widget";
};
console.log(
  "\nshipped bytes by group (gzip: what leaving the group out saves; unmapped: bytes the source map gives no source)",
);
for (const { group, bytes: raw, gzip: cost } of costByGroup(code, map, groupOf)) {
  console.log(`${kb(cost)}  ${kb(raw)}  ${group}`);
}
if (gzip > WIDGET_GZIP_CEILING) process.exitCode = 1;
