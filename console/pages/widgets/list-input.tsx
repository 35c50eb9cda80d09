/**
 * @module A list of one-line values (allowed sites, team addresses): one labelled input per row with its remove
 * button, and "Add"; the issue of a row (`allowedOrigins.1`) shows under that row, the list's own above them.
 */
import { type ComponentChildren, h } from "preact";
import { useId, useRef } from "preact/hooks";
import { Button } from "../../ui/button.js";

/**
 * The list editor; `path` is the setting's name, which the issues use.
 * @example <ListInput legend="Allowed sites" path="allowedOrigins" values={origins} onValues={set} errors={errors} />
 */
export function ListInput({
  legend,
  path,
  values,
  onValues,
  errors,
  itemLabel,
  addLabel,
  type = "text",
  placeholder,
  hint,
  max,
  emptyText,
}: {
  legend: ComponentChildren;
  path: string;
  values: string[];
  onValues: (values: string[]) => void;
  errors: Record<string, string>;
  /** The accessible name of row N (1-based): "Allowed site 2". */
  itemLabel: (n: number) => string;
  addLabel: string;
  type?: "text" | "email" | "url";
  placeholder?: string;
  hint?: ComponentChildren;
  max?: number;
  /** Shown when the list is empty. */
  emptyText?: string;
}) {
  const id = useId();
  const list = useRef<HTMLDivElement>(null);
  const own = errors[path];
  const focusRow = (index: number) =>
    requestAnimationFrame(() => list.current?.querySelectorAll<HTMLInputElement>("input")[index]?.focus());
  const add = () => {
    onValues([...values, ""]);
    focusRow(values.length);
  };
  const remove = (index: number) => {
    onValues(values.filter((_, i) => i !== index));
    // Focus stays in the list: on the row that took this one's place, or the one before.
    if (values.length > 1) focusRow(Math.min(index, values.length - 2));
  };
  return (
    <fieldset class={`field list-input${own ? " has-error" : ""}`} aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend class="field-label">{legend}</legend>
      {hint && (
        <p class="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {own && <p class="field-error">{own}</p>}
      <div class="list-rows" ref={list}>
        {values.length === 0 && emptyText && <p class="muted small">{emptyText}</p>}
        {values.map((value, i) => {
          const error = errors[`${path}.${i}`];
          return (
            <div class="list-row" key={i}>
              <div class="list-row-main">
                <input
                  class="input"
                  type={type}
                  value={value}
                  placeholder={placeholder}
                  aria-label={itemLabel(i + 1)}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-e${i}` : undefined}
                  onInput={(e) =>
                    onValues(values.map((v, j) => (j === i ? (e.currentTarget as HTMLInputElement).value : v)))
                  }
                />
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Remove ${itemLabel(i + 1).toLowerCase()}`}
                  onClick={() => remove(i)}
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
        <Button size="sm" onClick={add} disabled={max !== undefined && values.length >= max}>
          {addLabel}
        </Button>
      </div>
    </fieldset>
  );
}
