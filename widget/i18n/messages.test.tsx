/** @module Languages: catalogues complete, contract issues translated by code, and the widget switching language. */
import { h } from "preact";
import { describe, expect, it } from "vitest";
import { bookingRequestSchema } from "../../sdk/schemas/booking.js";
import { checkBookingForWidget } from "../../sdk/schemas/booking-rules.js";
import { type Issue, toIssues } from "../../sdk/schemas/problem.js";
import { button, textOf, waitFor, waitForText } from "../test/dom.test.helper.js";
import { useFakeApi } from "../test/fake-api.test.helper.js";
import { pickSlotAndContinue, start } from "../test/flow.test.helper.js";
import { en } from "./en.js";
import { es } from "./es.js";
import { hi } from "./hi.js";
import { importCatalogue } from "./import-catalogue.js";
import { issueText, loadMessages, pickLang, resolveLocale } from "./messages.js";

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

describe("catalogues", () => {
  it.each([
    ["es", es],
    ["hi", hi],
  ])("%s translates every string and every issue of the contract, keyed by field and code", (_, t) => {
    expect(Object.keys(t).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(t))
      if (key !== "m") expect(text, key).not.toBe(en[key as keyof typeof en]);
    // Every key the contract can produce, and no key it cannot: a dead key would hide a renamed code.
    expect(Object.keys(t.m).sort()).toEqual([...new Set(ISSUES.map(keyOf))].sort());
    for (const issue of ISSUES) expect(issueText(t, issue), keyOf(issue)).not.toBe(issue.message);
    const long = ISSUES.find((i) => keyOf(i) === "name.too_big")!;
    expect(issueText(t, long)).toContain("120");
  });

  it("has an issue for every field the form shows", () => {
    expect(new Set(ISSUES.map((i) => i.path[0]))).toEqual(new Set(["name", "email", "phone", "answers", "consent"]));
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
    expect(pickLang("fr")).toBe("en");
    expect(resolveLocale("es-MX")).toEqual({ lang: "es", locale: "es-MX" });
    expect(resolveLocale("fr-FR")).toEqual({ lang: "en", locale: "en" });
    expect(resolveLocale(undefined)).toEqual({ lang: "en", locale: "en" });
    expect(await loadMessages("hi", importCatalogue)).toBe(hi);
    expect(await loadMessages("en", () => Promise.reject(new Error("never asked")))).toBe(en);
    // A catalogue that cannot load (offline) falls back to English instead of failing the widget.
    expect(await loadMessages("es", () => Promise.reject(new TypeError("Failed to fetch")))).toBe(en);
  });
});

describe("the widget in another language", () => {
  const { fake } = useFakeApi();

  it("speaks the widget's configured language, dates included, and translates the schema's messages", async () => {
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
});
