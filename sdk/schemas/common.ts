/** @module Building blocks shared by every schema of the contract: ids, times, messages. */
import * as z from "zod/mini";

/** Id of a widget, e.g. `wgt_demo` or `wgt_4Jq…`. */
export const widgetIdSchema = /* @__PURE__ */ z.string().check(z.regex(/^wgt_[A-Za-z0-9_-]{1,64}$/, "Not a widget id"));
/** Id of a slot. */
export const slotIdSchema = /* @__PURE__ */ z.string().check(z.regex(/^slot_[A-Za-z0-9_-]{1,64}$/, "Not a slot id"));
/** Id of a booking. */
export const bookingIdSchema = /* @__PURE__ */ z
  .string()
  .check(z.regex(/^bkg_[A-Za-z0-9_-]{1,64}$/, "Not a booking id"));

/** An instant as the API sends it: ISO 8601 in UTC with milliseconds. A plain regex: it costs the widget bundle far less than `z.iso`. */
export const instantSchema = /* @__PURE__ */ z
  .string()
  .check(z.regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/, "Use an ISO 8601 time in UTC"));

/** An instant as a client may send it (any ISO 8601 offset), normalised to UTC. */
export const instantInputSchema = /* @__PURE__ */ z.pipe(
  z.iso.datetime({ offset: true, local: false, error: "Use an ISO 8601 date and time, e.g. 2026-12-01T14:00:00Z" }),
  z.transform((value: string) => new Date(value).toISOString()),
);

/** An IANA time zone the runtime knows, e.g. `Europe/Berlin`. */
export const timeZoneSchema = /* @__PURE__ */ z.string().check(
  z.maxLength(64),
  // A plain check rather than `z.refine`, which would bundle the ZodCustom schema class into the widget.
  z.check<string>((payload) => {
    if (!isTimeZone(payload.value))
      payload.issues.push({ code: "custom", input: payload.value, message: "Unknown time zone", continue: true });
  }),
);

/** A BCP 47 language tag such as `en`, `es` or `pt-BR`. */
export const localeSchema = /* @__PURE__ */ z
  .string()
  .check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "Use a language tag like en or pt-BR"));

/** True when `Intl` accepts the zone. */
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return value.length > 0;
  } catch {
    return false;
  }
}

/** A trimmed, non-empty, bounded line of text (checks run in order, so the length is that of the trimmed text). */
// @__NO_SIDE_EFFECTS__
export function text(max: number, required = "Required") {
  return z.string().check(z.trim(), z.minLength(1, required), z.maxLength(max, `At most ${max} characters`));
}

/** A whole number in a range. */
// @__NO_SIDE_EFFECTS__
export function wholeNumber(min: number, max: number, message = `Use a whole number from ${min} to ${max}`) {
  return z.number().check(z.refine(Number.isInteger, message), z.minimum(min, message), z.maximum(max, message));
}
