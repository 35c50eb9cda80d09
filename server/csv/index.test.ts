/** @module CSV rows: RFC 4180 quoting and formula-injection escaping, checked against a separate parser. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CsvCell, csvRow } from "./index.js";

// A plain RFC 4180 reader, written independently of csvRow.
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let i = 0;
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  while (i < text.length) {
    if (text[i] === '"' && cell === "") {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error("unterminated quote");
        if (text.startsWith('""', i)) {
          cell += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else {
          cell += text[i++];
        }
      }
      if (i < text.length && text[i] !== "," && !text.startsWith("\r\n", i))
        throw new Error(`junk after quote at ${i}`);
    } else if (text[i] === ",") {
      endCell();
      i++;
    } else if (text.startsWith("\r\n", i)) {
      endCell();
      rows.push(row);
      row = [];
      i += 2;
    } else if (text[i] === '"' || text[i] === "\r" || text[i] === "\n") {
      throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
    } else {
      cell += text[i++];
    }
  }
  if (cell !== "" || row.length > 0) throw new Error("row without CRLF");
  return rows;
}

const DANGER = ["=", "+", "-", "@", "\t", "\r"];

describe("csvRow", () => {
  it("quotes per RFC 4180 and ends rows with CRLF", () => {
    expect(csvRow(["a", "b,c", 'say "hi"', "x\ny", "p\rq"])).toBe('a,"b,c","say ""hi""","x\ny","p\rq"\r\n');
  });

  it("writes numbers, booleans and empty cells as they are", () => {
    expect(csvRow([3, -2.5, 0, true, false, null, undefined, ""])).toBe("3,-2.5,0,true,false,,,\r\n");
  });

  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ["+49 30 123", "'+49 30 123"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\r=1", `"'\r=1"`],
    ["a=1", "a=1"],
  ])("guards %j against formula injection", (cell, written) => {
    expect(csvRow([cell])).toBe(`${written}\r\n`);
  });

  const cell: fc.Arbitrary<CsvCell> = fc.oneof(
    fc.string({ unit: fc.constantFrom(..."ab ,\"\r\n\t=+-@'é😀") }),
    fc.string({ unit: "grapheme" }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
  );

  it("reads back as one row with the same cells (text cells guarded)", () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 8 }), (cells) => {
        const rows = parseCsv(csvRow(cells));
        const [row] = rows;
        expect(rows).toHaveLength(1);
        expect(row).toHaveLength(cells.length);
        cells.forEach((original, i) => {
          const read = row![i]!;
          if (typeof original === "string") {
            const guarded = DANGER.some((d) => original.startsWith(d));
            expect(read).toBe(guarded ? `'${original}` : original);
            expect(DANGER.some((d) => read.startsWith(d))).toBe(false);
          } else if (typeof original === "number") {
            expect(read).toBe(String(original));
            expect(Number(read) === original).toBe(true);
          } else if (typeof original === "boolean") expect(read).toBe(String(original));
          else expect(read).toBe("");
        });
      }),
    );
  });

  it("keeps rows apart when joined", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { maxLength: 5 }), (table) => {
        expect(parseCsv(table.map(csvRow).join(""))).toHaveLength(table.length);
      }),
    );
  });
});
