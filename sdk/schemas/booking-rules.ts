/** @module The checks a booking request needs the widget's config for: phone, custom fields, consent. */

import type { ParsedBookingRequest } from "./booking.js";
import type { Issue } from "./problem.js";
import type { PublicWidget } from "./widget.js";

/** Messages shown for the config-dependent checks, the same in the widget and in the server's answer. */
export const BOOKING_RULE_MESSAGES = {
  phoneRequired: "Enter your phone number",
  fieldRequired: "This field is required",
  notAnOption: "Choose one of the options",
  wrongType: "Unexpected answer for this field",
  unknownField: "Unknown field",
  consentRequired: "Please agree to continue",
} as const;

/**
 * Check a parsed booking request against the widget's form: the issues it has, empty when none.
 * @example checkBookingForWidget(widget, request).length === 0
 */
export function checkBookingForWidget(
  widget: Pick<PublicWidget, "phone" | "fields" | "consent">,
  request: Pick<ParsedBookingRequest, "phone" | "answers" | "consent">,
): Issue[] {
  const issues: Issue[] = [];
  const push = (path: Issue["path"], message: string, code = "custom") => issues.push({ path, code, message });
  if (widget.phone === "required" && !request.phone) push(["phone"], BOOKING_RULE_MESSAGES.phoneRequired, "too_small");
  const answers = request.answers ?? {};
  const known = new Set(widget.fields.map((f) => f.key));
  for (const key of Object.keys(answers))
    if (!known.has(key)) push(["answers", key], BOOKING_RULE_MESSAGES.unknownField, "unrecognized_keys");
  for (const field of widget.fields) {
    // Own keys only: `answers.constructor` would otherwise be Object's, so a field keyed "constructor" is never empty.
    const value = Object.hasOwn(answers, field.key) ? answers[field.key] : undefined;
    const path = ["answers", field.key];
    if (value === undefined || value === "" || value === false) {
      if (field.required) push(path, BOOKING_RULE_MESSAGES.fieldRequired, "too_small");
    } else if (field.type === "checkbox" ? typeof value !== "boolean" : typeof value !== "string") {
      push(path, BOOKING_RULE_MESSAGES.wrongType, "invalid_type");
    } else if (field.type === "select" && !field.options?.includes(value as string)) {
      push(path, BOOKING_RULE_MESSAGES.notAnOption, "invalid_value");
    }
  }
  if (widget.consent?.required && request.consent !== true)
    push(["consent"], BOOKING_RULE_MESSAGES.consentRequired, "too_small");
  return issues;
}
