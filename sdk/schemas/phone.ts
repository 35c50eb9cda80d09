/** @module Phone numbers: what a visitor types, normalised to E.164. */
import * as z from "zod/mini";

const PHONE_FORMAT_MESSAGE = "Enter the number with its country code, e.g. +1 555 010 9999";

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

/**
 * A phone number in international format, normalised to E.164; an empty string means none (the output is undefined).
 * One string schema with a custom check that rewrites the value, rather than `z.pipe` + `z.transform`: the same
 * result and issues, and the widget bundles two fewer zod classes. The length check aborts, as the pipe did.
 */
export const phoneSchema = /* @__PURE__ */ z.string().check(
  z.maxLength(40, { error: "Enter a valid phone number", abort: true }),
  z.check<string>((payload) => {
    const value = payload.value;
    const phone = normalizePhone(value);
    // The cast is the one place where this string schema outputs `undefined`, as its declared type says.
    if (value.trim() === "") payload.value = undefined as unknown as string;
    else if (phone) payload.value = phone;
    else payload.issues.push({ code: "custom", input: value, message: PHONE_FORMAT_MESSAGE });
  }),
) as z.ZodMiniType<string | undefined, string>;
