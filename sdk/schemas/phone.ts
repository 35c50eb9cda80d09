/** @module Phone numbers: what a visitor types, normalised to E.164. */
import * as z from "zod/mini";

/**
 * Normalise a typed phone number to E.164 (`+` and 7–15 digits), or return undefined.
 * Spaces, dots, dashes, slashes and parentheses are dropped; a leading `00` becomes `+`.
 * @example normalizePhone("+1 (555) 010-9999") // "+15550109999"
 */
export function normalizePhone(input: string): string | undefined {
  let value = input.trim().replace(/[\s().\-/]/g, "");
  if (value.startsWith("00")) value = `+${value.slice(2)}`;
  return /^\+[1-9]\d{6,14}$/.test(value) ? value : undefined;
}

/** A phone number in international format, normalised to E.164; an empty string means none. */
export const phoneSchema = z.pipe(
  z.string().check(z.maxLength(40, "Enter a valid phone number")),
  z.transform((value: string, ctx): string | undefined => {
    if (value.trim() === "") return undefined;
    const phone = normalizePhone(value);
    if (phone) return phone;
    ctx.issues.push({
      code: "custom",
      input: value,
      message: "Enter the number with its country code, e.g. +1 555 010 9999",
    });
    return z.NEVER;
  }),
);
