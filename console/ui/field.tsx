/**
 * @module Form fields: a label tied to its control, a hint and an error tied with `aria-describedby`, and
 * `aria-invalid` while the error shows. `Field` takes any control as a render function; the others are the common ones.
 */
import { type ComponentChildren, h, type VNode } from "preact";
import { useId } from "preact/hooks";

/** What a control inside `Field` must spread onto itself. */
export interface ControlProps {
  id: string;
  "aria-describedby": string | undefined;
  "aria-invalid": true | undefined;
}

interface FieldProps {
  label: ComponentChildren;
  /** Shown under the control, in words of what to type. */
  hint?: ComponentChildren;
  error?: string | undefined;
  /** Marks the label "optional" when false; required fields carry no mark (most are). */
  optional?: boolean;
  class?: string;
  children: (control: ControlProps) => VNode;
}

/**
 * A labelled control.
 * @example <Field label="Email" error={errors.email}>{(p) => <input {...p} type="email" value={email} />}</Field>
 */
export function Field({ label, hint, error, optional, class: extra, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div class={`field${error ? " has-error" : ""}${extra ? ` ${extra}` : ""}`}>
      <label class="field-label" for={id}>
        {label}
        {optional && <span class="field-optional"> (optional)</span>}
      </label>
      {children({ id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })}
      {hint && (
        <p class="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

interface TextFieldProps {
  label: ComponentChildren;
  value: string;
  onValue: (value: string) => void;
  type?: "text" | "email" | "password" | "url" | "search" | "tel" | "number" | "date" | "datetime-local" | "time";
  name?: string;
  hint?: ComponentChildren;
  error?: string | undefined;
  optional?: boolean;
  required?: boolean;
  autocomplete?: string;
  placeholder?: string;
  disabled?: boolean;
  min?: string | number;
  max?: string | number;
  step?: string | number;
  class?: string;
  inputClass?: string;
  autofocus?: boolean;
  minLength?: number;
  maxLength?: number;
  readOnly?: boolean;
}

/** A labelled `<input>`. */
export function TextField({
  label,
  value,
  onValue,
  hint,
  error,
  optional,
  class: extra,
  inputClass,
  type = "text",
  ...rest
}: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} optional={optional} class={extra}>
      {(control) => (
        <input
          {...control}
          {...rest}
          type={type}
          class={`input${inputClass ? ` ${inputClass}` : ""}`}
          value={value}
          onInput={(e) => onValue((e.currentTarget as HTMLInputElement).value)}
        />
      )}
    </Field>
  );
}

interface SelectFieldProps {
  label: ComponentChildren;
  value: string;
  onValue: (value: string) => void;
  options: readonly { value: string; label: string }[];
  name?: string;
  hint?: ComponentChildren;
  error?: string | undefined;
  disabled?: boolean;
  class?: string;
}

/** A labelled `<select>`. */
export function SelectField({ label, value, onValue, options, hint, error, class: extra, ...rest }: SelectFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} class={extra}>
      {(control) => (
        <select
          {...control}
          {...rest}
          class="input"
          value={value}
          onChange={(e) => onValue((e.currentTarget as HTMLSelectElement).value)}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A checkbox with its label beside it. */
export function CheckboxField({
  label,
  checked,
  onChecked,
  hint,
  disabled,
  name,
}: {
  label: ComponentChildren;
  checked: boolean;
  onChecked: (checked: boolean) => void;
  hint?: ComponentChildren;
  disabled?: boolean;
  name?: string;
}) {
  const id = useId();
  return (
    <div class="field field-check">
      <input
        id={id}
        name={name}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChecked((e.currentTarget as HTMLInputElement).checked)}
      />
      <label for={id}>{label}</label>
      {hint && (
        <p class="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}
