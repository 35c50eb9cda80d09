/**
 * @module The values the slot forms share (time, duration, capacity, label), checked before anything is sent, and
 * the server's issues (`slots.3.capacity`) turned into the form field they are about.
 */
import type { Issue } from "../../../sdk/schemas/problem.js";
import type { SlotInput } from "../../../sdk/schemas/slot-admin.js";
import { fromWallClock } from "../../../sdk/time/local-days.js";
import { isDayKey, readingOf } from "./calendar-days.js";

/** What both forms ask, as typed. */
export interface SlotValues {
  /** `HH:MM` in the widget's zone. */
  time: string;
  /** Minutes, as typed. */
  duration: string;
  capacity: string;
  label: string;
}

/** Messages by field name (`date`, `time`, `duration`, `capacity`, `label`, `weekdays`, `from`, `until`, `form`). */
export type FormErrors = Record<string, string>;

/** 5 minutes to 24 hours: a class, not a typo. */
const DURATION = { min: 5, max: 1440 };

/** The shared fields' errors; none when every value is fine. */
export function checkSlotValues(values: SlotValues): FormErrors {
  const errors: FormErrors = {};
  if (!/^\d\d:\d\d$/.test(values.time)) errors.time = "Enter a start time";
  const duration = Number(values.duration);
  if (!Number.isInteger(duration) || duration < DURATION.min || duration > DURATION.max)
    errors.duration = "Enter whole minutes, from 5 to 1440 (24 hours)";
  const capacity = Number(values.capacity);
  if (values.capacity.trim() === "" || !Number.isInteger(capacity) || capacity < 1 || capacity > 10_000)
    errors.capacity = "Enter a whole number of seats, from 1 to 10000";
  if (values.label.trim().length > 80) errors.label = "At most 80 characters";
  return errors;
}

/** The one slot of the single form at `day` in `timeZone`, or its errors (a time that has passed is one). */
export function singleSlot(
  day: string,
  values: SlotValues,
  timeZone: string,
  now: Date,
): { slot: SlotInput; errors?: undefined } | { slot?: undefined; errors: FormErrors } {
  const errors = checkSlotValues(values);
  if (!isDayKey(day)) errors.date = "Enter a date";
  if (Object.keys(errors).length) return { errors };
  const [hours, minutes] = values.time.split(":").map(Number) as [number, number];
  const start = fromWallClock(readingOf(day) + (hours * 60 + minutes) * 60_000, timeZone);
  if (start <= now.getTime()) return { errors: { time: "This time has passed; pick one in the future" } };
  const label = values.label.trim();
  return {
    slot: {
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + Number(values.duration) * 60_000).toISOString(),
      capacity: Number(values.capacity),
      ...(label && { label }),
    },
  };
}

const FIELD_OF: Record<string, string> = { startsAt: "time", endsAt: "duration", capacity: "capacity", label: "label" };

/** The server's issues on `{ slots: [...] }` by form field; the first message of each. */
export function errorsFromIssues(issues: Issue[]): FormErrors {
  const errors: FormErrors = {};
  for (const issue of issues) {
    const field = FIELD_OF[String(issue.path[issue.path.length - 1])] ?? "form";
    errors[field] ??= issue.message;
  }
  return errors;
}
