/** @module A keyboard-operable radio group (WAI-ARIA radio pattern): Tab enters once, arrow keys move and choose. */

import type { ComponentChildren } from "preact";
import { h } from "preact";

/** One choice of the group. */
export interface RadioOption {
  id: string;
  content: ComponentChildren;
  /** Accessible name when the content alone reads badly. */
  label?: string;
  disabled?: boolean;
}

interface Props {
  label: string;
  options: RadioOption[];
  value: string | undefined;
  onChange: (id: string) => void;
  class: string;
  /** `::part()` name of each option, e.g. `slot`. */
  part: string;
}

const STEP: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/** Options as `role="radio"` buttons with a roving tabindex; disabled ones are skipped. */
export function RadioGroup({ label, options, value, onChange, class: className, part }: Props) {
  const enabled = options.filter((o) => !o.disabled);
  const tabStop = enabled.some((o) => o.id === value) ? value : enabled[0]?.id;

  const onKeyDown = (event: KeyboardEvent) => {
    if (enabled.length === 0) return;
    const at = enabled.findIndex((o) => o.id === tabStop);
    let next: number;
    if (event.key === "Home") next = 0;
    else if (event.key === "End") next = enabled.length - 1;
    else if (STEP[event.key]) next = (at + STEP[event.key]! + enabled.length) % enabled.length;
    else return;
    event.preventDefault();
    const target = enabled[next]!;
    onChange(target.id);
    (event.currentTarget as HTMLElement).querySelector<HTMLElement>(`[data-id="${target.id}"]`)?.focus();
  };

  return (
    <div role="radiogroup" aria-label={label} class={className} onKeyDown={onKeyDown}>
      {options.map((o) => (
        // biome-ignore lint/a11y/useSemanticElements: a button with role=radio holds two lines of styled content and takes the roving tabindex; native radios would need hidden inputs and labels
        <button
          key={o.id}
          type="button"
          role="radio"
          class={part}
          part={part}
          data-id={o.id}
          aria-checked={o.id === value}
          aria-label={o.label}
          disabled={o.disabled}
          tabIndex={o.id === tabStop ? 0 : -1}
          onClick={() => onChange(o.id)}
        >
          {o.content}
        </button>
      ))}
    </div>
  );
}
