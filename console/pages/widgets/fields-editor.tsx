/**
 * @module The custom questions of the booking form: add, remove and reorder them, each with its label, type,
 * options (a choice list), key and whether it is required; a new question's key follows its label until edited.
 */
import { h } from "preact";
import { useRef } from "preact/hooks";
import { Button } from "../../ui/button.js";
import { CheckboxField, Field, SelectField, TextField } from "../../ui/field.js";
import { keyFromLabel } from "./field-key.js";
import type { DraftField } from "./widget-draft.js";

/** 20: the contract's most (fieldsSchema). */
export const MAX_FIELDS = 20;

const TYPES: readonly { value: DraftField["type"]; label: string }[] = [
  { value: "text", label: "Short text" },
  { value: "textarea", label: "Long text" },
  { value: "select", label: "Choice from a list" },
  { value: "checkbox", label: "Checkbox (yes or no)" },
];

let made = 0;

/** The first issue under `prefix` (`fields.2.options` or `fields.2.options.1`). */
function issueUnder(errors: Record<string, string>, prefix: string): string | undefined {
  return Object.entries(errors).find(([path]) => path === prefix || path.startsWith(`${prefix}.`))?.[1];
}

/** The questions editor; issues are at `fields` (the list) and `fields.N.<key|label|options…>`. */
export function FieldsEditor({
  fields,
  onFields,
  errors,
}: {
  fields: DraftField[];
  onFields: (fields: DraftField[]) => void;
  errors: Record<string, string>;
}) {
  const list = useRef<HTMLOListElement>(null);
  const set = (index: number, patch: Partial<DraftField>) =>
    onFields(fields.map((f, i) => (i === index ? { ...f, ...patch } : f)));
  const keysBut = (index: number) => fields.filter((_, i) => i !== index).map((f) => f.key);
  const focus = (selector: string) =>
    requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(selector)?.focus());

  const add = () => {
    const uid = `new${++made}`;
    onFields([
      ...fields,
      {
        uid,
        key: keyFromLabel(
          "",
          fields.map((f) => f.key),
        ),
        label: "",
        type: "text",
        required: false,
        autoKey: true,
      },
    ]);
    focus(`[data-uid="${uid}"] input`);
  };
  const move = (index: number, by: -1 | 1) => {
    const next = [...fields];
    const [field] = next.splice(index, 1);
    next.splice(index + by, 0, field!);
    onFields(next);
    // The button pressed moved with its question: keep focus on it, or on the other one where it is now disabled.
    const to = index + by;
    const same = by < 0 ? to > 0 : to < fields.length - 1;
    const direction = by < 0 === same ? "up" : "down";
    focus(`[data-uid="${field!.uid}"] .move-${direction}`);
  };
  const remove = (index: number) => {
    onFields(fields.filter((_, i) => i !== index));
    if (fields.length > 1) focus(`.question:nth-child(${Math.min(index + 1, fields.length - 1)}) input`);
  };

  return (
    <section class="field questions" aria-labelledby="questions-title">
      <h3 id="questions-title" class="field-label">
        Your questions
      </h3>
      <p class="field-hint">Asked after name, email and phone. Answers are in the bookings and their CSV.</p>
      {errors.fields && <p class="field-error">{errors.fields}</p>}
      {fields.length === 0 && <p class="muted small">No questions of your own yet.</p>}
      <ol class="question-list" ref={list}>
        {fields.map((field, i) => {
          const name = field.label.trim() || `Question ${i + 1}`;
          const at = `fields.${i}`;
          return (
            <li key={field.uid ?? field.key} class="question" data-uid={field.uid}>
              <div class="question-head">
                <h4 class="question-title">Question {i + 1}</h4>
                <div class="row">
                  <Button
                    size="sm"
                    variant="ghost"
                    class="move-up"
                    disabled={i === 0}
                    aria-label={`Move ${name} up`}
                    onClick={() => move(i, -1)}
                  >
                    ↑ Up
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    class="move-down"
                    disabled={i === fields.length - 1}
                    aria-label={`Move ${name} down`}
                    onClick={() => move(i, 1)}
                  >
                    ↓ Down
                  </Button>
                  <Button size="sm" variant="ghost" aria-label={`Remove ${name}`} onClick={() => remove(i)}>
                    Remove
                  </Button>
                </div>
              </div>
              <div class="form-grid">
                <TextField
                  label="Question"
                  value={field.label}
                  error={errors[`${at}.label`]}
                  maxLength={200}
                  onValue={(label) =>
                    set(i, field.autoKey ? { label, key: keyFromLabel(label, keysBut(i)) } : { label })
                  }
                />
                <SelectField
                  label="Answer type"
                  value={field.type}
                  options={TYPES}
                  error={errors[`${at}.type`]}
                  onValue={(type) =>
                    set(i, {
                      type: type as DraftField["type"],
                      ...(type === "select" && !field.options?.length && { options: [""] }),
                    })
                  }
                />
                <TextField
                  label="Key"
                  hint="The column name in exports: lower-case letters, digits and _."
                  value={field.key}
                  error={errors[`${at}.key`]}
                  inputClass="input-mono"
                  maxLength={40}
                  onValue={(key) => set(i, { key, autoKey: false })}
                />
              </div>
              {field.type === "select" && (
                <Field label="Choices" hint="One per line." error={issueUnder(errors, `${at}.options`)}>
                  {(control) => (
                    <textarea
                      {...control}
                      class="input"
                      rows={4}
                      value={(field.options ?? []).join("\n")}
                      onInput={(e) => set(i, { options: (e.currentTarget as HTMLTextAreaElement).value.split("\n") })}
                    />
                  )}
                </Field>
              )}
              <CheckboxField
                label="Visitors must answer it"
                checked={field.required}
                onChecked={(required) => set(i, { required })}
              />
            </li>
          );
        })}
      </ol>
      <div>
        <Button size="sm" onClick={add} disabled={fields.length >= MAX_FIELDS}>
          Add a question
        </Button>
      </div>
    </section>
  );
}
