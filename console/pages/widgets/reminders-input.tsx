/** @module Reminder emails: up to three times before the class, each a number and a unit (minutes, hours, days). */
import { h } from "preact";
import { useId, useRef } from "preact/hooks";
import { Button } from "../../ui/button.js";
import type { DraftReminder, ReminderUnit } from "./widget-draft.js";

/** 3: the contract's most (remindersSchema). */
export const MAX_REMINDERS = 3;
const UNITS: readonly { value: ReminderUnit; label: string }[] = [
  { value: "minutes", label: "minutes before" },
  { value: "hours", label: "hours before" },
  { value: "days", label: "days before" },
];

/** The reminders editor; issues are at `reminders` (the list) and `reminders.N` (one time). */
export function RemindersInput({
  reminders,
  onReminders,
  errors,
}: {
  reminders: DraftReminder[];
  onReminders: (reminders: DraftReminder[]) => void;
  errors: Record<string, string>;
}) {
  const id = useId();
  const rows = useRef<HTMLDivElement>(null);
  const set = (index: number, patch: Partial<DraftReminder>) =>
    onReminders(reminders.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const focusRow = (index: number) =>
    requestAnimationFrame(() => rows.current?.querySelectorAll<HTMLInputElement>("input")[index]?.focus());
  const own = errors.reminders;
  return (
    <fieldset class={`field list-input${own ? " has-error" : ""}`} aria-describedby={`${id}-hint`}>
      <legend class="field-label">Reminder emails</legend>
      <p class="field-hint" id={`${id}-hint`}>
        Sent to the visitor before the class, at most {MAX_REMINDERS}. Without any, no reminder is sent.
      </p>
      {own && <p class="field-error">{own}</p>}
      <div class="list-rows" ref={rows}>
        {reminders.length === 0 && <p class="muted small">No reminders.</p>}
        {reminders.map((reminder, i) => {
          const error = errors[`reminders.${i}`];
          const name = `Reminder ${i + 1}`;
          return (
            <div class="list-row" key={i}>
              <div class="list-row-main reminder-row">
                <input
                  class="input input-count"
                  type="number"
                  min={1}
                  step={1}
                  inputMode="numeric"
                  value={Number.isNaN(reminder.count) ? "" : reminder.count}
                  aria-label={`${name}: how many`}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-e${i}` : undefined}
                  onInput={(e) => set(i, { count: (e.currentTarget as HTMLInputElement).valueAsNumber })}
                />
                <select
                  class="input input-unit"
                  value={reminder.unit}
                  aria-label={`${name}: unit`}
                  onChange={(e) => set(i, { unit: (e.currentTarget as HTMLSelectElement).value as ReminderUnit })}
                >
                  {UNITS.map((u) => (
                    <option key={u.value} value={u.value}>
                      {u.label}
                    </option>
                  ))}
                </select>
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Remove ${name.toLowerCase()}`}
                  onClick={() => {
                    onReminders(reminders.filter((_, j) => j !== i));
                    if (reminders.length > 1) focusRow(Math.min(i, reminders.length - 2));
                  }}
                >
                  Remove
                </Button>
              </div>
              {error && (
                <p class="field-error" id={`${id}-e${i}`}>
                  {error}
                </p>
              )}
            </div>
          );
        })}
      </div>
      <div>
        <Button
          size="sm"
          disabled={reminders.length >= MAX_REMINDERS}
          onClick={() => {
            onReminders([...reminders, { count: 1, unit: "hours" }]);
            focusRow(reminders.length);
          }}
        >
          Add a reminder
        </Button>
      </div>
    </fieldset>
  );
}
