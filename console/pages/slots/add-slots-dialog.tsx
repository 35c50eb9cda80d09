/**
 * @module "Add classes": one slot on a day, or a weekly series (days of the week, from a first to a last day) made
 * into slots in the widget's time zone, counted before anything is saved ("This adds 12 classes") and sent 500 at a
 * time.
 */
import { Fragment, h } from "preact";
import { useMemo, useState } from "preact/hooks";
import { SlotbookError } from "../../../sdk/errors/slotbook-error.js";
import type { AdminSlot } from "../../../sdk/schemas/slot-admin.js";
import { api, describeError } from "../../api.js";
import { Button } from "../../ui/button.js";
import { ChoiceGroup } from "../../ui/choice-group.js";
import { Modal } from "../../ui/dialog.js";
import { TextField } from "../../ui/field.js";
import { addDays, dayIn, isDayKey, weekdayOf } from "./calendar-days.js";
import { chunks, expandSeries, MAX_SERIES } from "./expand-series.js";
import { SlotFields } from "./slot-fields.js";
import { checkSlotValues, errorsFromIssues, type FormErrors, type SlotValues, singleSlot } from "./slot-form.js";
import { dayLabel } from "./slot-times.js";

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7].map((n) => ({ n, label: dayLabel(addDays("2024-01-01", n - 1), "weekday") }));

const dayOf = (iso: string, timeZone: string) => dayIn(Date.parse(iso), timeZone);

/** "1 class", "12 classes". */
export const classes = (n: number) => `${n.toLocaleString()} class${n === 1 ? "" : "es"}`;

/** The dialog; `firstDay` is where its dates start (today, or the week shown when that is later). */
export function AddSlotsDialog({
  open,
  widgetId,
  timeZone,
  firstDay,
  onClose,
  onAdded,
}: {
  open: boolean;
  widgetId: string;
  timeZone: string;
  firstDay: string;
  onClose: () => void;
  onAdded: (slots: AdminSlot[]) => void;
}) {
  return (
    <Modal open={open} title="Add classes" onClose={onClose} size="lg">
      {open && (
        <AddSlotsForm widgetId={widgetId} timeZone={timeZone} firstDay={firstDay} onClose={onClose} onAdded={onAdded} />
      )}
    </Modal>
  );
}

function AddSlotsForm({
  widgetId,
  timeZone,
  firstDay,
  onClose,
  onAdded,
}: {
  widgetId: string;
  timeZone: string;
  firstDay: string;
  onClose: () => void;
  onAdded: (slots: AdminSlot[]) => void;
}) {
  const [repeat, setRepeat] = useState<"once" | "weekly">("once");
  const [day, setDay] = useState(firstDay);
  const [weekdays, setWeekdays] = useState<number[]>([weekdayOf(firstDay)]);
  const [from, setFrom] = useState(firstDay);
  const [until, setUntil] = useState(addDays(firstDay, 27));
  const [values, setValues] = useState<SlotValues>({ time: "10:00", duration: "60", capacity: "8", label: "" });
  const [errors, setErrors] = useState<FormErrors>({});
  const [progress, setProgress] = useState<string>();

  const series = useMemo(
    () =>
      repeat === "weekly"
        ? expandSeries(
            {
              weekdays,
              from,
              until,
              time: values.time,
              durationMinutes: Number(values.duration) || 0,
              capacity: Number(values.capacity),
              label: values.label,
            },
            timeZone,
            new Date(),
          )
        : [],
    [repeat, weekdays, from, until, values, timeZone],
  );

  const seriesErrors = (): FormErrors => {
    const found: FormErrors = {};
    if (weekdays.length === 0) found.weekdays = "Pick at least one day of the week";
    if (!isDayKey(from)) found.from = "Enter the first day";
    if (!isDayKey(until)) found.until = "Enter the last day";
    else if (isDayKey(from) && until < from) found.until = "The last day must be on or after the first";
    if (Object.keys(found).length === 0 && series.length === 0)
      found.until = "No class falls between these days (or every one is in the past)";
    if (series.length > MAX_SERIES)
      found.until = `That is more than ${MAX_SERIES.toLocaleString()} classes; pick an earlier last day`;
    return found;
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (progress) return;
    let slots: ReturnType<typeof expandSeries>;
    if (repeat === "once") {
      const single = singleSlot(day, values, timeZone, new Date());
      if (single.errors) return setErrors(single.errors);
      slots = [single.slot];
    } else {
      const found = { ...checkSlotValues(values), ...seriesErrors() };
      if (Object.keys(found).length) return setErrors(found);
      slots = series;
    }
    setErrors({});
    const added: AdminSlot[] = [];
    try {
      for (const run of chunks(slots)) {
        setProgress(slots.length > run.length ? `Adding ${added.length + run.length} of ${slots.length}…` : "Adding…");
        added.push(...(await api().slots.create(widgetId, run)));
      }
      onAdded(added);
      onClose();
    } catch (error) {
      const fields = error instanceof SlotbookError ? errorsFromIssues(error.issues) : {};
      const why = describeError(error);
      if (added.length) onAdded(added);
      setErrors({
        ...fields,
        form: added.length
          ? `${classes(added.length)} of ${slots.length} were added, then the server refused the rest: ${why}`
          : why,
      });
    } finally {
      setProgress(undefined);
    }
  };

  const count = series.length;
  const label =
    repeat === "once" ? "Add class" : count > 0 && count <= MAX_SERIES ? `Add ${classes(count)}` : "Add classes";
  return (
    <form class="stack" onSubmit={submit} noValidate>
      {errors.form && (
        <p class="notice notice-error" role="alert">
          {errors.form}
        </p>
      )}
      <ChoiceGroup
        legend="How often"
        value={repeat}
        onValue={(next) => {
          setRepeat(next);
          setErrors({});
        }}
        choices={[
          { value: "once", label: "Once", hint: "One class on one day." },
          { value: "weekly", label: "Every week", hint: "On the days you pick, until a last day." },
        ]}
      />
      {repeat === "once" ? (
        <TextField
          label="Date"
          type="date"
          value={day}
          error={errors.date}
          required
          onValue={setDay}
          inputClass="input-date"
        />
      ) : (
        <>
          <fieldset class={`field${errors.weekdays ? " has-error" : ""}`}>
            <legend class="field-label">On</legend>
            <div class="checks weekday-checks">
              {WEEKDAYS.map(({ n, label: name }) => (
                <label key={n} class="weekday-check">
                  <input
                    type="checkbox"
                    checked={weekdays.includes(n)}
                    onChange={(e) => {
                      const on = (e.currentTarget as HTMLInputElement).checked;
                      setWeekdays((days) => (on ? [...days, n].sort() : days.filter((w) => w !== n)));
                    }}
                  />
                  {name}
                </label>
              ))}
            </div>
            {errors.weekdays && <p class="field-error">{errors.weekdays}</p>}
          </fieldset>
          <div class="form-grid">
            <TextField label="First day" type="date" value={from} error={errors.from} required onValue={setFrom} />
            <TextField label="Last day" type="date" value={until} error={errors.until} required onValue={setUntil} />
          </div>
        </>
      )}
      <SlotFields values={values} onValues={setValues} errors={errors} timeZone={timeZone} />
      {repeat === "weekly" && (
        <p class="series-count" role="status" aria-live="polite">
          {count === 0
            ? "This adds no classes yet."
            : count > MAX_SERIES
              ? `This would add more than ${MAX_SERIES.toLocaleString()} classes.`
              : `This adds ${classes(count)}, from ${dayLabel(dayOf(series[0]!.startsAt, timeZone), "long")} to ${dayLabel(
                  dayOf(series[count - 1]!.startsAt, timeZone),
                  "long",
                )}.`}
        </p>
      )}
      <div class="form-actions">
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="primary" type="submit" busy={progress !== undefined}>
          {progress ?? label}
        </Button>
      </div>
    </form>
  );
}
