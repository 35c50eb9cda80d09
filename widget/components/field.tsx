/** @module One labelled form control with its error tied to it (`aria-invalid`, `aria-describedby`). */
import { h } from "preact";
import type { FormField } from "../../sdk/schemas/widget-admin.js";
import type { Messages } from "../i18n/en.js";

interface Props {
  /** Issue path joined with `.`, e.g. `email` or `answers.level`; also the element id, unique within the shadow root. */
  name: string;
  label: string;
  type: FormField["type"] | "email" | "tel";
  required: boolean;
  value: string | boolean;
  error: string | undefined;
  /** Called with `name` and the new value on every change. */
  onInput: (name: string, value: string | boolean) => void;
  /** Called with `name` when focus leaves a text control holding a value for another field: the earliest a new error may show. */
  onBlur: (name: string) => void;
  t: Messages;
  options?: string[] | undefined;
  autocomplete?: string;
  /** A hint inside an empty text input: the phone field's example number in the widget's country. */
  placeholder?: string | undefined;
}

/** A text input, textarea, select or checkbox with label and error message. */
export function Field({
  name,
  label,
  type,
  required,
  value,
  error,
  onInput,
  onBlur,
  t,
  options,
  autocomplete,
  placeholder,
}: Props) {
  const errorId = `${name}-error`;
  const common = {
    id: name,
    name,
    required,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? errorId : undefined,
  };
  const text = (event: Event) => onInput(name, (event.currentTarget as HTMLInputElement).value);
  // Leaving an empty control is not a mistake yet (tabbing through); leaving a typed value for another field is the
  // moment to check. Not when focus goes to a button: an error inserted above "Book now" between press and release
  // moves it from under the pointer and the click is lost; the submit checks every field anyway.
  const blur = (event: FocusEvent) =>
    (event.currentTarget as HTMLInputElement).value &&
    (event.relatedTarget as Element | null)?.matches("input,select,textarea") &&
    onBlur(name);
  const control =
    type === "checkbox" ? (
      <label class="check" part="label">
        <input
          {...common}
          type="checkbox"
          part="checkbox"
          checked={value === true}
          onChange={(e) => onInput(name, e.currentTarget.checked)}
        />
        <span>{label}</span>
      </label>
    ) : type === "textarea" ? (
      <textarea {...common} part="input" value={String(value)} onInput={text} onBlur={blur} maxLength={2000} />
    ) : type === "select" ? (
      <select {...common} part="input" value={String(value)} onChange={text} onBlur={blur}>
        <option value="" />
        {options?.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    ) : (
      <input
        {...common}
        part="input"
        // Preact types each input `type` apart; these three share every attribute used here.
        type={type as "text"}
        value={String(value)}
        onInput={text}
        onBlur={blur}
        autocomplete={autocomplete}
        placeholder={placeholder}
        inputMode={type === "email" ? "email" : type === "tel" ? "tel" : undefined}
      />
    );
  return (
    <div class="field">
      {type !== "checkbox" && (
        <label for={name} part="label">
          {label}
          {!required && <span> ({t.optional})</span>}
        </label>
      )}
      {control}
      {error && (
        <p id={errorId} class="err" part="error">
          {error}
        </p>
      )}
    </div>
  );
}
