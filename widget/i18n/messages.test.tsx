/** @module Languages: catalogues complete, contract messages translated, and the widget switching language. */
import { h } from "preact";
import { describe, expect, it } from "vitest";
import { BOOKING_RULE_MESSAGES } from "../../sdk/schemas/booking-rules.js";
import { button, textOf, waitFor, waitForText } from "../test/dom.test.helper.js";
import { pickSlotAndContinue, start, useFakeApi } from "../test/flow.test.helper.js";
import { en } from "./en.js";
import { es } from "./es.js";
import { hi } from "./hi.js";
import { importCatalogue } from "./import-catalogue.js";
import { loadMessages, pickLang, resolveLocale, translateIssue } from "./messages.js";

/** Every message of the contract a visitor can meet in the form. */
const CONTRACT_MESSAGES = [
  ...Object.values(BOOKING_RULE_MESSAGES),
  "Enter your name",
  "Enter a valid email address",
  "Enter a valid phone number",
  "Enter the number with its country code, e.g. +1 555 010 9999",
];

describe("catalogues", () => {
  it.each([
    ["es", es],
    ["hi", hi],
  ])("%s translates every string and every contract message", (_, t) => {
    expect(Object.keys(t).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(t))
      if (key !== "m") expect(text, key).not.toBe(en[key as keyof typeof en]);
    for (const message of CONTRACT_MESSAGES) expect(translateIssue(t, message), message).not.toBe(message);
    expect(translateIssue(t, "At most 120 characters")).toMatch(/120/);
  });

  it("keeps English contract messages as the schema wrote them", () => {
    for (const message of CONTRACT_MESSAGES) expect(translateIssue(en, message)).toBe(message);
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
