/** @module Phone numbers: what a visitor types, cleaned for the server, which completes it to E.164. */
import * as z from "zod/mini";

/** The example of every message that has no country: an Ofcom drama number, valid and nobody's. */
const INTERNATIONAL_EXAMPLE = "+44 20 7946 0958";

// Each message ends in `e.g. <example>`: the widget's catalogues keep that example when they translate the
// sentence (`{e}`, widget/i18n/messages.ts). Constants rather than one object, so the widget bundles only its own.

/** Not a phone number at all: too few or too many digits, or letters. */
export const PHONE_NOT_A_NUMBER = `Enter a valid phone number, e.g. ${INTERNATIONAL_EXAMPLE}`;

/** A number without a country code where the widget has no country to read it in. */
export const PHONE_NEEDS_COUNTRY_CODE = `Enter the number with its country code, e.g. ${INTERNATIONAL_EXAMPLE}`;

/**
 * What to tell a visitor whose number the widget's country (`name`, e.g. Germany) cannot make valid, with an
 * example in that country's national format; without a country, the number must carry its country code.
 * @example phoneFormatMessage({ name: "Germany", example: "01512 3456789" })
 */
export function phoneFormatMessage(country?: { name: string; example: string }): string {
  return country
    ? `Enter a valid phone number from ${country.name}, or one with its country code (+…), e.g. ${country.example}`
    : PHONE_NEEDS_COUNTRY_CODE;
}

/**
 * Clean a typed phone number, or return undefined when it cannot be one: spaces, dots, dashes, slashes and
 * parentheses are dropped and a leading `00` becomes `+`. An international number comes out in E.164 form (`+` and
 * 7–15 digits); a national one (4–20 digits, e.g. `015123456789`, or `011…` dialled from the US) as its digits, which
 * the server reads in the widget's `phoneCountry`. Whether the number exists is the server's check (libphonenumber).
 * @example normalizePhone("+1 (202) 555-0147") // "+12025550147"
 * @example normalizePhone("0151 2345 6789") // "015123456789"
 */
export function normalizePhone(input: string): string | undefined {
  let value = input.trim().replace(/[\s().\-/]/g, "");
  if (value.startsWith("00")) value = `+${value.slice(2)}`;
  return /^(\+[1-9]\d{6,14}|\d{4,20})$/.test(value) ? value : undefined;
}

/**
 * A phone number, international or national, cleaned by `normalizePhone`; an empty string means none (the output is
 * undefined). The server then completes a national number with the widget's country and checks that the number can
 * exist. One string schema with a custom check that rewrites the value, rather than `z.pipe` + `z.transform`: the
 * same result and issues, and the widget bundles two fewer zod classes. The length check aborts, as the pipe did.
 */
export const phoneSchema = /* @__PURE__ */ z.string().check(
  z.maxLength(40, { error: "Enter a valid phone number", abort: true }),
  z.check<string>((payload) => {
    const value = payload.value;
    const phone = normalizePhone(value);
    // The cast is the one place where this string schema outputs `undefined`, as its declared type says.
    if (value.trim() === "") payload.value = undefined as unknown as string;
    else if (phone) payload.value = phone;
    else payload.issues.push({ code: "custom", input: value, message: PHONE_NOT_A_NUMBER });
  }),
) as z.ZodMiniType<string | undefined, string>;
