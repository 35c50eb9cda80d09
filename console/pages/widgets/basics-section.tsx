/** @module The editor's first section: title, description, language, time zone, and whether it takes bookings. */
import { h } from "preact";
import { useId } from "preact/hooks";
import { ChoiceGroup } from "../../ui/choice-group.js";
import { Field, SelectField, TextField } from "../../ui/field.js";
import type { SectionProps } from "./editor-section.js";

/** The languages the widget speaks (widget/i18n); any other tag shows English. */
export const LANGUAGES: readonly { value: string; label: string }[] = [
  { value: "en", label: "English" },
  { value: "es", label: "Español (Spanish)" },
  { value: "de", label: "Deutsch (German)" },
  { value: "fr", label: "Français (French)" },
  { value: "pt-BR", label: "Português do Brasil (Brazilian Portuguese)" },
  { value: "hi", label: "हिन्दी (Hindi)" },
  { value: "ar", label: "العربية (Arabic, right to left)" },
];

let zones: string[] | undefined;
/** Every IANA zone the browser knows, for the time zone's suggestions. */
function timeZones(): string[] {
  zones ??= typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return zones;
}

/** Title, description, language, time zone, status. */
export function BasicsSection({ draft, change, errors }: SectionProps) {
  const list = useId();
  const languages = LANGUAGES.some((l) => l.value === draft.locale)
    ? LANGUAGES
    : [...LANGUAGES, { value: draft.locale, label: `${draft.locale} (shown in English)` }];
  return (
    <section class="card editor-section" aria-labelledby="basics-title">
      <h2 id="basics-title" class="card-head">
        Basics
      </h2>
      <div class="card-body stack">
        <TextField
          label="Title"
          hint="The heading of the form, e.g. Book a free demo class."
          value={draft.title}
          error={errors.title}
          maxLength={120}
          required
          onValue={(title) => change({ title })}
        />
        <Field
          label="Description"
          optional
          hint="A line under the title: length, place, what to bring."
          error={errors.description}
        >
          {(control) => (
            <textarea
              {...control}
              class="input"
              rows={3}
              maxLength={1000}
              value={draft.description}
              onInput={(e) => change({ description: (e.currentTarget as HTMLTextAreaElement).value })}
            />
          )}
        </Field>
        <div class="form-grid">
          <SelectField
            label="Language"
            hint="Of the form and the emails; a visitor's page can ask for another."
            value={draft.locale}
            options={languages}
            error={errors.locale}
            onValue={(locale) => change({ locale })}
          />
          <Field
            label="Time zone"
            hint="Where the classes happen: slots are added in it. Visitors see times in their own zone."
            error={errors.timezone}
          >
            {(control) => (
              <input
                {...control}
                class="input"
                list={list}
                autocomplete="off"
                spellcheck={false}
                value={draft.timezone}
                onInput={(e) => change({ timezone: (e.currentTarget as HTMLInputElement).value })}
              />
            )}
          </Field>
          <datalist id={list}>
            {timeZones().map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </div>
        <ChoiceGroup
          legend="Status"
          value={draft.status}
          error={errors.status}
          onValue={(status) => change({ status })}
          choices={[
            { value: "active", label: "Active", hint: "Takes bookings wherever the snippet is." },
            {
              value: "paused",
              label: "Paused",
              hint: "The form says it is not available; bookings made stay as they are.",
            },
          ]}
        />
      </div>
    </section>
  );
}
