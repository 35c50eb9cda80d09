// @vitest-environment node
/** @module costByGroup: bytes go to the group the source map names, and each group's gzip cost is marginal. */
import { describe, expect, it } from "vitest";
import { costByGroup } from "./attribute.js";

describe("costByGroup", () => {
  it("splits the code at the map's segments, across lines, and leaves unmapped text to 'unmapped'", () => {
    // Line 1: "aaaa" from source 0, then "bbbbbb" from source 1; line 2: "cc" unmapped, then "aaaa" from source 0.
    const code = "aaaabbbbbb\nccaaaa";
    const map = { sources: ["x/a.ts", "y/b.ts"], mappings: "AAAA,ICAA;A,EDAA" };
    const costs = costByGroup(code, map, (source) => source.split("/")[0]!);
    const bytes = Object.fromEntries(costs.map((c) => [c.group, c.bytes]));
    expect(bytes).toEqual({ x: 8, y: 6, unmapped: 3 }); // the newline counts as unmapped
    for (const cost of costs) expect(cost.gzip).toBeGreaterThan(0);
  });
});
