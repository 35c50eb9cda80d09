/** @module The fields both slot forms share: start time, duration, capacity and label. */
import { h } from "preact";
import { TextField } from "../../ui/field.js";
import type { FormErrors, SlotValues } from "./slot-form.js";

/** Time, duration, capacity, label. */
export function SlotFields({
  values,
  onValues,
  errors,
  timeZone,
}: {
  values: SlotValues;
  onValues: (values: SlotValues) => void;
  errors: FormErrors;
  timeZone: string;
}) {
  const set = (patch: Partial<SlotValues>) => onValues({ ...values, ...patch });
  return (
    <div class="form-grid">
      <TextField
        label="Starts at"
        type="time"
        hint={`In ${timeZone}, the widget's time zone.`}
        value={values.time}
        error={errors.time}
        required
        onValue={(time) => set({ time })}
      />
      <TextField
        label="Duration (minutes)"
        type="number"
        min={5}
        max={1440}
        step={5}
        value={values.duration}
        error={errors.duration}
        required
        onValue={(duration) => set({ duration })}
      />
      <TextField
        label="Seats"
        type="number"
        min={1}
        max={10000}
        step={1}
        value={values.capacity}
        error={errors.capacity}
        required
        onValue={(capacity) => set({ capacity })}
      />
      <TextField
        label="Label"
        optional
        hint="E.g. Beginners; shown with the time."
        maxLength={80}
        value={values.label}
        error={errors.label}
        onValue={(label) => set({ label })}
      />
    </div>
  );
}
