/** @module Step two: name, email, phone and the widget's own questions, then the submit button. */
import { Fragment, h } from "preact";
import type { PublicWidget } from "../../sdk/schemas/widget.js";
import type { FieldErrors, FormValues } from "../booking-request.js";
import type { Messages } from "../i18n/en.js";
import { issueText } from "../i18n/messages.js";
import { Field } from "./field.js";
import { Notice, type NoticeState } from "./notice.js";

interface Props {
  t: Messages;
  widget: PublicWidget;
  /** The chosen slot as text, shown above the form with a way back to change it. */
  when: string;
  onChangeSlot: () => void;
  values: FormValues;
  errors: FieldErrors;
  busy: boolean;
  notice: NoticeState | undefined;
  /** Called per field; `field` is the issue path (`name`, `answers.level`) so updates never read stale values. */
  onChange: (field: string, value: string | boolean) => void;
  /** A field was left with a value in it: check it now. */
  onBlur: (field: string) => void;
  onSubmit: () => void;
}

/** The form; `noValidate` because the contract's schema, not the browser, decides what is valid. */
export function BookingForm(props: Props) {
  const { t, widget, when, values, errors, busy, notice, onChangeSlot, onChange, onBlur, onSubmit } = props;
  // What ties every field to the form's state: its value, its translated error and the two callbacks.
  const bound = (name: string, value: string | boolean) => ({
    t,
    name,
    value,
    error: errors[name] && issueText(t, errors[name]),
    onInput: onChange,
    onBlur,
  });
  return (
    <>
      <div class="summary" part="summary">
        <span>{when}</span>
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
            onInput={(e) => onChange("hp", e.currentTarget.value)}
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
