/** @module Languages: catalogues complete, contract issues translated by code, and the widget switching language. */
import { h } from "preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { bookingRequestSchema } from "../../sdk/schemas/booking.js";
import { checkBookingForWidget } from "../../sdk/schemas/booking-rules.js";
import { phoneFormatMessage } from "../../sdk/schemas/phone.js";
import { type Issue, toIssues } from "../../sdk/schemas/problem.js";
import { button, textOf, waitFor, waitForText } from "../test/dom.test.helper.js";
import { useFakeApi } from "../test/fake-api.test.helper.js";
import { pickSlotAndContinue, start } from "../test/flow.test.helper.js";
import { ar } from "./ar.js";
import { de } from "./de.js";
import { en } from "./en.js";
import { es } from "./es.js";
import { fr } from "./fr.js";
import { hi } from "./hi.js";
import { importCatalogue } from "./import-catalogue.js";
import { issueText, loadMessages, pickLang, resolveLocale } from "./messages.js";
import { pt } from "./pt.js";

/** A widget whose form has every kind of check: a required phone, a required select, a checkbox, required consent. */
const WIDGET = {
  phone: "required" as const,
  fields: [
    { key: "level", label: "Level", type: "select" as const, required: true, options: ["Beginner"] },
    { key: "news", label: "News", type: "checkbox" as const, required: false },
    { key: "notes", label: "Notes", type: "textarea" as const, required: false },
  ],
  consent: { text: "I agree", required: true },
};

/**
 * Every issue the contract gives a visitor's field, made by the contract's own schema and rules from wrong requests:
 * the form's own check and the server's answer both come from these, so a new check in sdk/schemas shows up here.
 */
function contractIssues(): Issue[] {
  const valid = { slotId: "slot_a", name: "Ada", email: "ada@example.com", phone: "+15550109999", consent: true };
  const wrong: Array<Record<string, unknown>> = [
    { name: "  " },
    { name: "x".repeat(121) },
    { email: "ada@" },
    { email: `${"a".repeat(250)}@example.com` },
    { phone: "1".repeat(41) },
    { phone: "12" },
    { phone: undefined },
    { answers: {} },
    { answers: { level: "Beginner", notes: "x".repeat(2001) } },
    // The config changed under the visitor: a field gone, a text field now a checkbox, an option removed.
    { answers: { level: "Beginner", gone: "x", news: "yes" } },
    { answers: { level: "Expert" } },
    { consent: false },
  ];
  const issues: Issue[] = [];
  for (const patch of wrong) {
    const body = { answers: { level: "Beginner" }, ...valid, ...patch };
    const parsed = bookingRequestSchema.safeParse(body);
    if (!parsed.success) issues.push(...toIssues(parsed.error.issues));
    else issues.push(...checkBookingForWidget(WIDGET, parsed.data));
  }
  return issues;
}

const ISSUES = contractIssues();
const keyOf = (issue: Issue) => `${issue.path[0]}.${issue.code}`;

/** Every catalogue but English, as the widget names them. */
const CATALOGUES = { es, hi, de, fr, pt, ar };

/** Strings a language rightly writes as English does (German "Name", "optional"): not a missed translation. */
const SAME_AS_ENGLISH: Record<string, string[]> = { de: ["name", "optional"] };

/** The `{name}` placeholders of a string, sorted. */
const holes = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

describe("catalogues", () => {
  it.each(Object.entries(CATALOGUES))(
    "%s translates every string and every issue of the contract, keyed by field and code",
    (lang, t) => {
      expect(Object.keys(t).sort()).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(t))
        if (key !== "m" && !SAME_AS_ENGLISH[lang]?.includes(key))
          expect(text, key).not.toBe(en[key as keyof typeof en]);
      // Every key the contract can produce, and no key it cannot: a dead key would hide a renamed code.
      expect(Object.keys(t.m).sort()).toEqual([...new Set(ISSUES.map(keyOf))].sort());
      for (const issue of ISSUES) expect(issueText(t, issue), keyOf(issue)).not.toBe(issue.message);
      const long = ISSUES.find((i) => keyOf(i) === "name.too_big")!;
      expect(issueText(t, long)).toContain("120");
    },
  );

  it.each(Object.entries(CATALOGUES))("%s has exactly the placeholders of English in every string", (_, t) => {
    for (const [key, text] of Object.entries(t))
      if (key !== "m") expect(holes(text as string), key).toEqual(holes(en[key as keyof typeof en] as string));
    // English has no issue texts (it shows the schema's words): a length limit's `{n}` and a phone number's example
    // `{e}` are the placeholders there.
    for (const [key, text] of Object.entries(t.m))
      expect(holes(text), key).toEqual(
        key === "phone.custom"
          ? ["{e}"]
          : key.endsWith("too_big") && !key.startsWith("email") && !key.startsWith("phone")
            ? ["{n}"]
            : [],
      );
  });

  it("every catalogue loads as a module of its own, under the name the embed's chunk exports", async () => {
    for (const [lang, t] of Object.entries(CATALOGUES))
      expect(await loadMessages(lang as keyof typeof CATALOGUES, importCatalogue)).toBe(t);
  });

  it("has an issue for every field the form shows", () => {
    expect(new Set(ISSUES.map((i) => i.path[0]))).toEqual(new Set(["name", "email", "phone", "answers", "consent"]));
  });

  it("keeps the example of a phone issue, the server's in the widget's country as the schema's", () => {
    const server = {
      path: ["phone"],
      code: "custom",
      message: phoneFormatMessage({ name: "Germany", example: "01512 3456789" }),
    };
    expect(issueText(de, server)).toBe("Bitte geben Sie eine gültige Telefonnummer ein, z. B. 01512 3456789");
    expect(issueText(ar, server)).toBe("أدخل رقم هاتف صالحًا، مثل \u206601512 3456789\u2069");
    const own = ISSUES.find((i) => keyOf(i) === "phone.custom")!;
    for (const t of Object.values(CATALOGUES)) expect(issueText(t, own)).toContain("+44 20 7946 0958");
    expect(issueText(en, server)).toBe(server.message);
  });

  it("keeps a translation when the schema's English wording changes", () => {
    const reworded = { path: ["answers", "level"], code: "too_small", message: "Please answer this question" };
    expect(issueText(es, reworded)).toBe("Este campo es obligatorio");
    expect(issueText(hi, { path: ["name"], code: "too_small", message: "Your name, please" })).toBe("अपना नाम लिखें");
    // English shows the schema's words, whatever they are.
    expect(issueText(en, reworded)).toBe("Please answer this question");
  });

  it("shows English contract messages as the schema wrote them, and unknown issues as sent", () => {
    for (const issue of ISSUES) expect(issueText(en, issue)).toBe(issue.message);
    expect(issueText(es, { path: ["slotId"], code: "invalid_format", message: "Not a slot id" })).toBe("Not a slot id");
  });

  it("picks a catalogue for a tag, falling back to English", async () => {
    expect(pickLang("es-MX")).toBe("es");
    expect(pickLang("hi")).toBe("hi");
    expect(pickLang("de-AT")).toBe("de");
    expect(pickLang("fr-CA")).toBe("fr");
    expect(pickLang("pt-BR")).toBe("pt");
    expect(pickLang("pt")).toBe("pt");
    expect(pickLang("AR-eg")).toBe("ar");
    expect(pickLang("it")).toBe("en");
    expect(pickLang("")).toBe("en");
    expect(resolveLocale("es-MX")).toEqual({ lang: "es", locale: "es-MX" });
    expect(resolveLocale("pt-BR")).toEqual({ lang: "pt", locale: "pt-BR" });
    expect(resolveLocale("de-AT")).toEqual({ lang: "de", locale: "de-AT" });
    expect(resolveLocale("it-IT")).toEqual({ lang: "en", locale: "en" });
    expect(resolveLocale(undefined)).toEqual({ lang: "en", locale: "en" });
    expect(await loadMessages("hi", importCatalogue)).toBe(hi);
    expect(await loadMessages("en", () => Promise.reject(new Error("never asked")))).toBe(en);
    // A catalogue that cannot load (offline) falls back to English instead of failing the widget.
    expect(await loadMessages("es", () => Promise.reject(new TypeError("Failed to fetch")))).toBe(en);
  });
});

describe("the widget in another language", () => {
  const { fake } = useFakeApi();

  afterEach(() => vi.restoreAllMocks());

  it("speaks the widget's configured language, dates included, and translates the schema's messages", async () => {
    vi.spyOn(navigator, "language", "get").mockReturnValue("es-ES");
    fake.widget = { ...fake.widget, locale: "es" };
    const { root } = start();
    await waitForText(root, "Quedan 3 plazas");
    expect(textOf(root)).toContain("Queda 1 plaza");
    expect(textOf(root)).toContain("Completo");
    expect(root.querySelectorAll('[part="day"]')[1]!.getAttribute("aria-label")).toBe("miércoles, 2 de diciembre");
    await pickSlotAndContinue(root, "14:00", "Quedan 3 plazas");
    button(root, "Reservar").click();
    await waitForText(root, "Revisa los campos marcados.");
    expect(root.getElementById("name-error")!.textContent).toBe("Escribe tu nombre");
    expect(root.getElementById("consent-error")!.textContent).toBe("Acepta para continuar");
    expect(root.querySelector('label[for="phone"]')!.textContent).toBe("Teléfono (opcional)");
    expect(root.querySelector("[lang]")!.getAttribute("lang")).toBe("es");
  });

  it("lets the page override the configured language", async () => {
    const { root } = start({ locale: "hi" });
    await waitForText(root, "3 सीटें बाकी");
    await pickSlotAndContinue(root, "2:00 pm", "3 सीटें बाकी");
    button(root, "बुक करें").click();
    await waitFor(() => root.getElementById("name-error"));
    expect(root.getElementById("name-error")!.textContent).toBe("अपना नाम लिखें");
  });

  it("reads Arabic right to left: dir and lang on the widget's root, Arabic strings and dates", async () => {
    const { root } = start({ locale: "ar" });
    await waitForText(root, "المقاعد المتبقية: 3");
    const top = root.querySelector("[lang]")!;
    expect(top.getAttribute("lang")).toBe("ar");
    expect(top.getAttribute("dir")).toBe("rtl");
    expect(textOf(root)).toContain("بقي مقعد واحد");
    expect(root.querySelectorAll('[part="day"]')[1]!.getAttribute("aria-label")).toBe("الأربعاء، 2 ديسمبر");
    button(root, "2:00 م").click();
    await waitFor(() => !button(root, "متابعة").disabled);
    button(root, "متابعة").click();
    await waitFor(() => root.getElementById("name"));
    button(root, "احجز الآن").click();
    await waitFor(() => root.getElementById("name-error"));
    expect(root.getElementById("name-error")!.textContent).toBe("أدخل اسمك");
  });

  it.each([
    ["pt-BR", "pt-BR", "Restam 3 vagas", "Resta 1 vaga"],
    ["pt", "pt", "Restam 3 vagas", "Resta 1 vaga"],
    ["de-AT", "de-AT", "Noch 3 Plätze frei", "Noch 1 Platz frei"],
    ["de", "de", "Noch 3 Plätze frei", "Noch 1 Platz frei"],
    ["fr-CA", "fr-CA", "3 places restantes", "1 place restante"],
  ])("loads the %s catalogue on demand, left to right", async (locale, lang, many, one) => {
    const { root } = start({ locale });
    await waitForText(root, many);
    expect(textOf(root)).toContain(one);
    const top = root.querySelector("[lang]")!;
    expect(top.getAttribute("lang")).toBe(lang);
    expect(top.hasAttribute("dir")).toBe(false);
  });
});
