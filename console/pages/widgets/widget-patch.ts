/**
 * @module The editor's save: only the settings that differ from the saved widget, `null` for one the draft clears, as
 * `widgets.update` (PATCH) takes them; the server's and the contract's issues then land on the field they name.
 */
import { type Issue, toIssues } from "../../../sdk/schemas/problem.js";
import { type Widget, type WidgetUpdate, widgetUpdateSchema } from "../../../sdk/schemas/widget-admin.js";
import { draftOf, settingsOf, type WidgetDraft } from "./widget-draft.js";

/**
 * The PATCH body that turns `saved` into `draft`: the changed settings only (compared in the API's shape, so an
 * untouched draft sends `{}`), `null` for an optional one the draft leaves empty.
 * @example widgetPatch(saved, { ...draftOf(saved), description: "" }) // { description: null }
 */
export function widgetPatch(saved: Widget, draft: WidgetDraft): WidgetUpdate {
  const before = settingsOf(draftOf(saved));
  const after = settingsOf(draft);
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(after) as Array<keyof typeof after>) {
    if (!sameValue(after[key], before[key])) patch[key] = after[key] ?? null;
  }
  return patch as WidgetUpdate;
}

/** Deep equality of JSON values, whatever order their keys were written in. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const other = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    keys.length === other.length &&
    keys.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/** The contract's own issues with a patch, before it is sent: the messages the server would answer with. */
export function patchIssues(patch: WidgetUpdate): Issue[] {
  const result = widgetUpdateSchema.safeParse(patch);
  return result.success ? [] : toIssues(result.error.issues);
}

/** Issues by the dotted path of the input they belong to (`fields.0.label`); the first message per path. */
export function issuesByPath(issues: Issue[]): Record<string, string> {
  const byPath: Record<string, string> = {};
  for (const issue of issues) byPath[issue.path.join(".")] ??= issue.message;
  return byPath;
}
