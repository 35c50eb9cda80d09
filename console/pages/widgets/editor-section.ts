/** @module What every section of the widget editor gets: the draft, a way to change it, and the issues by path. */
import type { WidgetDraft } from "./widget-draft.js";

/** Props of an editor section. */
export interface SectionProps {
  draft: WidgetDraft;
  /** Replaces some settings of the draft. */
  change: (patch: Partial<WidgetDraft>) => void;
  /** Messages by dotted path (`fields.0.label`), from the contract's check or the server's 422. */
  errors: Record<string, string>;
}
