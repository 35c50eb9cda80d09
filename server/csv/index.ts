/** @module CSV rows (RFC 4180) that are safe to open in a spreadsheet. */

/** A value a CSV cell may hold; `null` and `undefined` become an empty cell. */
export type CsvCell = string | number | boolean | null | undefined;

// OWASP "CSV Injection": a cell starting with one of these may run as a formula in Excel,
// LibreOffice or Google Sheets; a leading `'` makes it plain text.
const FORMULA_START = /^[=+\-@\t\r]/;
// RFC 4180 §2.6: fields holding a quote, comma or line break are enclosed in quotes.
const NEEDS_QUOTES = /["\r\n,]/;

/**
 * One CSV row with its CRLF ending: cells quoted per RFC 4180, text cells guarded against formula injection.
 * @example csvRow(["=SUM(A1)", 'say "hi"', 3, null]) // `'=SUM(A1),"say ""hi""",3,\r\n`
 */
export function csvRow(cells: readonly CsvCell[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

function csvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  // Numbers and booleans are written as-is: a negative number is data, not a formula.
  const text = typeof cell === "string" ? (FORMULA_START.test(cell) ? `'${cell}` : cell) : String(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
