/** @module RFC 5545 content-line rules: TEXT escaping, UTC date-times and 75-octet folding. */

// RFC 5545 §3.3.11: TEXT allows tab but no other control character; backslash, `;`, `,`
// and line breaks are escaped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f]/g;

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n|\r|\n/g, "\n")
    .replace(CONTROL, "")
    .replace(/[\\;,\n]/g, (char) => (char === "\n" ? "\\n" : `\\${char}`));
}

/** Formats an instant as a UTC DATE-TIME, `YYYYMMDDTHHMMSSZ` (RFC 5545 §3.3.5, form 2). */
export function formatUtc(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
}

// RFC 5545 §3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break;
// a continuation line starts with one space, which counts.
const MAX_OCTETS = 75;

/** Folds one content line into CRLF-joined physical lines of at most 75 UTF-8 octets, never inside a character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n");
}

// A lone surrogate is written as U+FFFD, 3 octets, like every code point below U+10000.
function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}
