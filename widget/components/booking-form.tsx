/** @module Step two: name, email, phone and the widget's own questions, then the submit button. */
import { Fragment, h } from "preact";
import type { FormStep } from "../flow/booking-flow.js";
import { formatSlot } from "../format-slot-time.js";
import { issueText } from "../i18n/messages.js";
import { Field } from "./field.js";
import { Notice } from "./notice.js";
import { Place } from "./place.js";

interface Props {
  step: FormStep;
  timeZone: string;
  /** Back to the picker: the chosen time is shown above the form with this way to change it. */
  onChangeSlot: () => void;
  /**
   * Called per field with its new value, or without one when it was left holding a value (check it now); `field` is
   * the issue path (`name`, `answers.level`) so updates never read stale values.
   */
  onEdit: (field: string, value?: string | boolean) => void;
  onSubmit: () => void;
}

/** The form; `noValidate` because the contract's schema, not the browser, decides what is valid. */
export function BookingForm(props: Props) {
  const { step, timeZone, onChangeSlot, onEdit, onSubmit } = props;
  const { t, widget, locale, slot, values, errors, busy, notice } = step;
  // What ties every field to the form's state: its value, its translated error and its callback.
  const bound = (name: string, value: string | boolean) => ({
    t,
    name,
    value,
    error: errors[name] && issueText(t, errors[name]),
    onInput: onEdit,
    onBlur: onEdit,
  });
  return (
    <>
      <div class="summary" part="summary">
        <span>
          {formatSlot(slot, locale, timeZone)}
          <Place location={widget.location} />
        </span>
        <button type="button" class="link" onClick={onChangeSlot}>
          {t.change}
        </button>
      </div>
      <form
        noValidate
        part="form"
        aria-busy={busy}
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <Field {...bound("name", values.name)} label={t.name} type="text" required autocomplete="name" />
        <Field {...bound("email", values.email)} label={t.email} type="email" required autocomplete="email" />
        {widget.phone !== "hidden" && (
          <Field
            {...bound("phone", values.phone)}
            label={t.phone}
            type="tel"
            required={widget.phone === "required"}
            autocomplete="tel"
            placeholder={widget.phoneExample}
          />
        )}
        {widget.fields.map((field) => (
          <Field
            key={field.key}
            {...bound(`answers.${field.key}`, values.answers[field.key] ?? (field.type === "checkbox" ? false : ""))}
            label={field.label}
            type={field.type}
            required={field.required}
            options={field.options}
          />
        ))}
        {widget.consent && (
          <Field
            {...bound("consent", values.consent)}
            label={widget.consent.text}
            type="checkbox"
            required={widget.consent.required}
          />
        )}
        <div class="hp" aria-hidden="true">
          <input
            name="website"
            tabIndex={-1}
            autocomplete="off"
            value={values.hp}
            onInput={(e) => onEdit("hp", e.currentTarget.value)}
          />
        </div>
        <Notice notice={notice} t={t} />
        <button type="submit" class="btn primary" part="button submit" disabled={busy}>
          {busy && <span class="spin" aria-hidden="true" />}
          {busy ? t.submitting : t.submit}
        </button>
      </form>
    </>
  );
}
