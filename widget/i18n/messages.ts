/** @module Picking the widget's language and turning catalogue entries and contract issues into text. */
import type { Issue } from "../../sdk/schemas/problem.js";
import { en, type IssueKey, type Messages } from "./en.js";

/** Languages the widget speaks (`pt` is Brazilian Portuguese); any other locale falls back to English. */
export type Lang = "en" | "es" | "hi" | "de" | "fr" | "pt" | "ar";

/** The catalogue language for a BCP 47 tag such as `es-MX`, `de-AT` or `pt-BR`. */
export function pickLang(locale: string | undefined): Lang {
  const lang = `${locale}`.slice(0, 2).toLowerCase() as Lang;
  return /es|hi|de|fr|pt|ar/.test(lang) ? lang : "en";
}

/**
 * The catalogue language and the tag `Intl` formats dates with; a language without a catalogue, or a tag
 * `Intl` rejects, falls back to English so the strings and the dates always agree.
 * @example resolveLocale("es-MX") // { lang: "es", locale: "es-MX" }
 */
export function resolveLocale(wanted: string | undefined): { lang: Lang; locale: string } {
  const lang = pickLang(wanted);
  try {
    const tag = new Intl.Locale(wanted!);
    return { lang, locale: tag.language === lang ? tag.toString() : lang };
  } catch {
    return { lang, locale: lang };
  }
}

/** Fetches a non-English catalogue: `import()` for apps, a URL next to `widget.js` for the embed. */
export type CatalogueLoader = (lang: Exclude<Lang, "en">) => Promise<Messages>;

/**
 * Load a catalogue; every language but English is a module of its own, fetched only by pages that need them.
 * Never rejects: if one cannot load (offline), the widget speaks English rather than showing nothing.
 */
export function loadMessages(lang: Lang, load: CatalogueLoader): Promise<Messages> {
  return lang === "en" ? Promise.resolve(en) : load(lang).catch(() => en);
}

/**
 * Fill `{name}` placeholders.
 * @example fill("{n} seats left", { n: 3 }) // "3 seats left"
 */
export function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (all, key: string) => String(vars[key] ?? all));
}

/**
 * The text of a contract issue (the form's own check or the server's `issues`): the catalogue's entry for its field
 * and code (`IssueKey`), or the message as sent when there is none, as in English, which shows the schema's words.
 * @example issueText(es, { path: ["name"], code: "too_small", message: "Enter your name" }) // "Escribe tu nombre"
 */
export function issueText(t: Messages, { path, code, message }: Issue): string {
  const text = t.m[`${path[0]}.${code}` as IssueKey];
  // A length limit travels only in the message ("At most 120 characters"): its number fills `{n}`. So does a phone
  // number's example, in the country the server reads it in ("…, e.g. 01512 3456789"): it fills `{e}`.
  return text ? fill(text, { n: /\d+/.exec(message)?.[0] ?? "", e: message.split("e.g. ")[1] ?? "" }) : message;
}
