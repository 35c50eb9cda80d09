/** @module What each package or folder really adds to `/widget.js` gzipped, found through the bundle's source map. */
import { gzipSync } from "node:zlib";

/** One group's share of the bundle. */
export interface GroupCost {
  group: string;
  /** Minified bytes that the source map attributes to the group. */
  bytes: number;
  /** gzip(bundle) − gzip(bundle without those bytes): what dropping the group would save, shared strings included. */
  gzip: number;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Per output line, each segment's [column, source index or -1]; the source index is carried across lines. */
function decodeMappings(mappings: string): Array<Array<[number, number]>> {
  const lines: Array<Array<[number, number]>> = [];
  let source = 0;
  for (const line of mappings.split(";")) {
    const segments: Array<[number, number]> = [];
    let column = 0;
    for (const segment of line.split(",")) {
      if (!segment) continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        shift += 5;
        if (digit & 32) continue;
        fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
      column += fields[0]!;
      if (fields.length > 1) source += fields[1]!;
      segments.push([column, fields.length > 1 ? source : -1]);
    }
    lines.push(segments);
  }
  return lines;
}

/**
 * The marginal gzipped cost of each group of sources; bytes the map leaves unattributed (e.g. the text of a long
 * template literal, such as the stylesheet) count as "unmapped".
 * @example costByGroup(code, map, (source) => source.split("/")[0]!)
 */
export function costByGroup(
  code: string,
  map: { sources: string[]; mappings: string },
  groupOf: (source: string) => string,
): GroupCost[] {
  const groups = map.sources.map(groupOf);
  const owner = new Array<string>(code.length).fill("unmapped");
  const lines = code.split("\n");
  const decoded = decodeMappings(map.mappings);
  let offset = 0;
  lines.forEach((line, l) => {
    const segments = decoded[l] ?? [];
    segments.forEach(([column, source], i) => {
      const end = i + 1 < segments.length ? segments[i + 1]![0] : line.length;
      if (source >= 0) owner.fill(groups[source]!, offset + column, offset + end);
    });
    offset += line.length + 1;
  });
  const total = gzipSync(code, { level: 9 }).length;
  return [...new Set(owner)]
    .map((group) => {
      let without = "";
      for (let i = 0; i < code.length; i++) if (owner[i] !== group) without += code[i];
      return { group, bytes: code.length - without.length, gzip: total - gzipSync(without, { level: 9 }).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
}
