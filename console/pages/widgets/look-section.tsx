/** @module The widget's look: accent colour, corner radius, and light, dark or the visitor's system setting. */
import { h } from "preact";
import { useId } from "preact/hooks";
import { ChoiceGroup } from "../../ui/choice-group.js";
import { Field } from "../../ui/field.js";
import type { SectionProps } from "./editor-section.js";

const HEX = /^#[0-9a-fA-F]{6}$/;

/** Accent, radius, mode. */
export function LookSection({ draft, change, errors }: SectionProps) {
  const { theme } = draft;
  const picker = useId();
  const setTheme = (patch: Partial<typeof theme>) => change({ theme: { ...theme, ...patch } });
  return (
    <section class="card editor-section" aria-labelledby="look-title">
      <h2 id="look-title" class="card-head">
        Look
      </h2>
      <div class="card-body stack">
        <div class="form-grid">
          <Field
            label="Accent colour"
            hint="Buttons and the chosen time. A hex colour like #4f46e5."
            error={errors["theme.accent"]}
          >
            {(control) => (
              <div class="colour-row">
                <input
                  id={picker}
                  type="color"
                  class="colour-swatch"
                  aria-label="Pick the accent colour"
                  value={HEX.test(theme.accent) ? theme.accent.toLowerCase() : "#4f46e5"}
                  onInput={(e) => setTheme({ accent: (e.currentTarget as HTMLInputElement).value })}
                />
                <input
                  {...control}
                  class="input input-mono"
                  maxLength={7}
                  spellcheck={false}
                  value={theme.accent}
                  onInput={(e) => setTheme({ accent: (e.currentTarget as HTMLInputElement).value.trim() })}
                />
              </div>
            )}
          </Field>
          <Field label="Corner radius" hint="0 is square; 24 is fully round." error={errors["theme.radius"]}>
            {(control) => (
              <div class="range-row">
                <input
                  {...control}
                  type="range"
                  min={0}
                  max={24}
                  step={1}
                  value={theme.radius}
                  aria-valuetext={`${theme.radius} pixels`}
                  onInput={(e) => setTheme({ radius: (e.currentTarget as HTMLInputElement).valueAsNumber })}
                />
                <output class="range-value" for={control.id}>
                  {theme.radius} px
                </output>
              </div>
            )}
          </Field>
        </div>
        <ChoiceGroup
          legend="Colours"
          value={theme.mode}
          error={errors["theme.mode"]}
          onValue={(mode) => setTheme({ mode })}
          choices={[
            { value: "auto", label: "Follow the visitor", hint: "Light or dark, as their device is set." },
            { value: "light", label: "Light" },
            { value: "dark", label: "Dark" },
          ]}
        />
      </div>
    </section>
  );
}
