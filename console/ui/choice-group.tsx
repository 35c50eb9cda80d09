/** @module A labelled group of radio buttons (`<fieldset>` and `<legend>`), each choice with an optional hint. */
import { type ComponentChildren, h } from "preact";
import { useId } from "preact/hooks";
import "../styles/choices.css";

/** One choice. */
export interface Choice<T extends string> {
  value: T;
  label: string;
  hint?: string;
}

/**
 * Radios for one setting; arrow keys move between them, as browsers do for a radio group.
 * @example <ChoiceGroup legend="Phone number" value={phone} choices={PHONE} onValue={setPhone} />
 */
export function ChoiceGroup<T extends string>({
  legend,
  value,
  choices,
  onValue,
  hint,
  error,
}: {
  legend: ComponentChildren;
  value: T;
  choices: readonly Choice<T>[];
  onValue: (value: T) => void;
  hint?: ComponentChildren;
  error?: string | undefined;
}) {
  const id = useId();
  const described = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset class={`field choice-group${error ? " has-error" : ""}`} aria-describedby={described}>
      <legend class="field-label">{legend}</legend>
      <div class="choices">
        {choices.map((choice) => (
          <label key={choice.value} class={`choice${choice.value === value ? " is-checked" : ""}`}>
            <input
              type="radio"
              name={id}
              value={choice.value}
              checked={choice.value === value}
              onChange={() => onValue(choice.value)}
            />
            <span class="choice-text">
              <span class="choice-label">{choice.label}</span>
              {choice.hint && <span class="choice-hint">{choice.hint}</span>}
            </span>
          </label>
        ))}
      </div>
      {hint && (
        <p class="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
