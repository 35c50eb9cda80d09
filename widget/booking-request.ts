/** @module The visitor's form as a booking request, checked with the contract's own schema and rules. */
import { type BookingContext, type ParsedBookingRequest, visitorFieldsSchema } from "../sdk/schemas/booking.js";
import { checkBookingForWidget } from "../sdk/schemas/booking-rules.js";
import type { Issue } from "../sdk/schemas/problem.js";
import type { PublicWidget } from "../sdk/schemas/widget.js";

/** What the visitor has typed, kept as typed (untrimmed) so the form never changes under their fingers. */
export interface FormValues {
  name: string;
  email: string;
  phone: string;
  answers: Record<string, string | boolean>;
  consent: boolean;
  /** The honeypot: people never see it, form-filling bots do. */
  hp: string;
}

/**
 * Field errors keyed by issue path joined with `.`: `name`, `answers.level`, `consent`. The whole issue, not only its
 * message: catalogues translate it by its code (i18n/messages.ts).
 */
export type FieldErrors = Record<string, Issue>;

/** What travels with the form: the slot and where the visitor is. */
export interface RequestExtras {
  slotId: string;
  timezone: string;
  locale: string;
  context: BookingContext;
}

/** The request body for these values; hidden and empty fields are left out. */
export function toBookingRequest(widget: PublicWidget, values: FormValues, extras: RequestExtras) {
  const answers: Record<string, string | boolean> = {};
  for (const field of widget.fields) {
    const value = values.answers[field.key];
    if (value !== undefined && value !== "" && value !== false) answers[field.key] = value;
  }
  return {
    ...extras,
    name: values.name,
    email: values.email,
    ...(widget.phone !== "hidden" && values.phone.trim() ? { phone: values.phone } : {}),
    ...(widget.fields.length > 0 ? { answers } : {}),
    ...(widget.consent ? { consent: values.consent } : {}),
    ...(values.hp ? { hp: values.hp } : {}),
  };
}

/** Issues as field errors; the first issue of a field wins, as the form shows one message per field. */
export function toFieldErrors(issues: readonly Issue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.join(".") || "form";
    errors[key] ??= issue;
  }
  return errors;
}

/**
 * Check the form as the server will: the visitor's fields with `visitorFieldsSchema` (the rest of the request is the
 * widget's own: the slot it offered, the zone and language it shows, the page it is on), then `checkBookingForWidget`.
 * @example validateBooking(widget, values, extras).errors.email?.message // "Enter a valid email address"
 */
export function validateBooking(
  widget: PublicWidget,
  values: FormValues,
  extras: RequestExtras,
): { request?: ParsedBookingRequest; errors: FieldErrors } {
  const body = toBookingRequest(widget, values, extras);
  const parsed = visitorFieldsSchema.safeParse(body);
  // Both checks run, so every wrong field is marked at once rather than one round at a time.
  const rules = checkBookingForWidget(widget, parsed.success ? parsed.data : { ...body, phone: body.phone?.trim() });
  const issues = [...(parsed.success ? [] : parsed.error.issues), ...rules] as Issue[];
  const errors = toFieldErrors(issues.map((i) => ({ ...i, path: i.path.map(String) })));
  return parsed.success && rules.length === 0 ? { request: { ...body, ...parsed.data }, errors } : { errors };
}
