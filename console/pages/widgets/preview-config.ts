/**
 * @module What the live preview shows: the public config a visitor's browser would get for the draft, derived with
 * the contract's own schema (an allow-list, as the server's `toPublicWidget`), so no admin-only setting reaches it.
 */
import * as z from "zod/mini";
import { type PublicWidget, publicWidgetSchema } from "../../../sdk/schemas/widget.js";
import { settingsOf, type WidgetDraft } from "./widget-draft.js";

/** The id a widget not created yet is previewed under. */
export const PREVIEW_ID = "wgt_preview";

/**
 * The public config of `draft`, as `GET /v1/widgets/{id}` will answer once it is saved. Values still being typed go
 * through as they are (the widget's theme CSS takes only a valid colour and clamps the radius); a select without
 * options yet shows none. `phoneExample` is the saved one while the phone country stays as saved.
 * @example previewConfig(draft, { id: "wgt_1" })
 */
export function previewConfig(
  draft: WidgetDraft,
  saved: { id: string; phoneCountry?: string | undefined; phoneExample?: string | undefined } = { id: PREVIEW_ID },
): PublicWidget {
  const settings = settingsOf(draft);
  const phoneCountry = settings.phoneCountry?.trim().toUpperCase();
  const sameCountry = phoneCountry === saved.phoneCountry;
  const fields = settings.fields.map((field) =>
    field.type === "select" ? { ...field, options: field.options ?? [] } : field,
  );
  const defined = Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
  const result = z.safeParse(publicWidgetSchema, {
    ...defined,
    id: saved.id,
    title: settings.title.trim() || "Untitled widget",
    fields,
    ...(phoneCountry && { phoneCountry }),
    ...(sameCountry && saved.phoneExample && { phoneExample: saved.phoneExample }),
  });
  // Every value the draft holds has the public schema's type, so this only fails on a bug; fail loudly then.
  if (!result.success) throw new Error(`Preview config: ${z.prettifyError(result.error)}`);
  return result.data;
}
