/** @module What the booking form asks: the phone number (and its country), your own questions, a consent checkbox. */
import { h } from "preact";
import { ChoiceGroup } from "../../ui/choice-group.js";
import { CheckboxField, Field, TextField } from "../../ui/field.js";
import type { SectionProps } from "./editor-section.js";
import { FieldsEditor } from "./fields-editor.js";

/** Phone, phone country, questions, consent. */
export function FormSection({ draft, change, errors }: SectionProps) {
  return (
    <section class="card editor-section" aria-labelledby="form-title">
      <h2 id="form-title" class="card-head">
        The form
      </h2>
      <div class="card-body stack">
        <p class="muted">Name and email are always asked.</p>
        <ChoiceGroup
          legend="Phone number"
          value={draft.phone}
          error={errors.phone}
          onValue={(phone) => change({ phone })}
          choices={[
            { value: "required", label: "Required" },
            { value: "optional", label: "Optional" },
            { value: "hidden", label: "Not asked" },
          ]}
        />
        {draft.phone !== "hidden" && (
          <TextField
            label="Phone country"
            optional
            hint="Two letters (DE, US, IN): visitors may then type a national number. Empty: the time zone's country."
            value={draft.phoneCountry}
            error={errors.phoneCountry}
            maxLength={2}
            inputClass="input-short"
            autocomplete="off"
            onValue={(phoneCountry) => change({ phoneCountry: phoneCountry.toUpperCase() })}
          />
        )}
        <FieldsEditor fields={draft.fields} errors={errors} onFields={(fields) => change({ fields })} />
        <fieldset class="field consent">
          <legend class="field-label">Consent</legend>
          <Field
            label="Checkbox text"
            optional
            hint="E.g. I agree to be contacted about the class. Empty: no checkbox."
            error={errors["consent.text"] ?? errors.consent}
          >
            {(control) => (
              <textarea
                {...control}
                class="input"
                rows={2}
                maxLength={500}
                value={draft.consent.text}
                onInput={(e) =>
                  change({ consent: { ...draft.consent, text: (e.currentTarget as HTMLTextAreaElement).value } })
                }
              />
            )}
          </Field>
          <CheckboxField
            label="Visitors must tick it to book"
            checked={draft.consent.required}
            onChecked={(required) => change({ consent: { ...draft.consent, required } })}
          />
        </fieldset>
      </div>
    </section>
  );
}
