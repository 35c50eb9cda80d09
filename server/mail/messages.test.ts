/** @module Email catalogues: every language has every string of English, with the same placeholders. */
import { describe, expect, it } from "vitest";
import { renderHtml } from "./html-layout.js";
import { type Messages, messagesFor } from "./messages.js";

const english = messagesFor("en").messages;

/** Every string of a catalogue by its path (`subject.confirmation`). */
function strings(messages: Messages): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (value: unknown, path: string) => {
    if (typeof value === "string") out[path] = value;
    else for (const [key, inner] of Object.entries(value as object)) walk(inner, path ? `${path}.${key}` : key);
  };
  walk(messages, "");
  return out;
}

/** The `{name}` placeholders of a string, sorted. */
const holes = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

describe("email catalogues", () => {
  it.each(["es", "hi", "de", "fr", "pt", "ar"])("%s has every string of English, with its placeholders", (lang) => {
    const { messages, language } = messagesFor(lang);
    expect(language).toBe(lang);
    expect(messages).not.toBe(english);
    const ours = strings(messages);
    const theirs = strings(english);
    expect(Object.keys(ours).sort()).toEqual(Object.keys(theirs).sort());
    for (const [path, text] of Object.entries(ours)) {
      expect(text.trim(), path).not.toBe("");
      expect(holes(text), path).toEqual(holes(theirs[path]!));
    }
  });

  it("picks the language of a regional tag and keeps the tag to format with", () => {
    expect(messagesFor("pt-BR")).toEqual({ messages: messagesFor("pt").messages, language: "pt-BR" });
    expect(messagesFor("de-AT")).toEqual({ messages: messagesFor("de").messages, language: "de-AT" });
    expect(messagesFor("fr-CA").messages.when).toBe("Quand");
    expect(messagesFor("ar-EG").messages.when).toBe("الموعد");
    expect(messagesFor("it")).toEqual({ messages: english, language: "en" });
  });

  it("lays Arabic out right to left, on <html> and on the table Gmail keeps; other languages left to right", () => {
    const email = { title: "Demo", heading: "h", intro: "i", details: [], footer: "f" };
    const arabic = renderHtml({ ...email, language: "ar-EG" });
    expect(arabic).toContain('<html lang="ar-EG" dir="rtl">');
    expect(arabic.match(/dir="rtl"/g)).toHaveLength(2);
    expect(renderHtml({ ...email, language: "de" })).not.toContain("dir=");
  });
});
