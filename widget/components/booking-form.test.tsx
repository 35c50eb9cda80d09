/** @module The form's field errors follow the visitor: gone as soon as a field is fixed, new ones only on blur or submit. */
import { h } from "preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { phoneFormatMessage } from "../../sdk/schemas/phone.js";
import { button, check, textOf, type, waitFor, waitForText } from "../test/dom.test.helper.js";
import { problem, useFakeApi } from "../test/fake-api.test.helper.js";
import { fillValidForm, pickSlotAndContinue, start } from "../test/flow.test.helper.js";

const { fake } = useFakeApi();

/** The error shown under a field, or undefined when it shows none (and is not marked invalid). */
function errorOf(root: ShadowRoot, id: string): string | undefined {
  const input = root.getElementById(id)!;
  const describedBy = input.getAttribute("aria-describedby");
  const text = describedBy ? root.getElementById(describedBy)?.textContent : undefined;
  expect(input.getAttribute("aria-invalid") === "true", `${id} marked invalid iff it has an error`).toBe(!!text);
  return text ?? undefined;
}

/** Leave a field for another one (`to`), as Tab or a click on that field does; `null`: for no element at all. */
function leave(root: ShadowRoot, id: string, to: string | Element | null = "answers.notes") {
  const relatedTarget = typeof to === "string" ? root.getElementById(to) : to;
  root.getElementById(id)!.dispatchEvent(new FocusEvent("blur", { relatedTarget }));
}

/** Mount, go to the form and submit it empty, so every required field shows its error. */
async function submitEmpty() {
  const { root } = start();
  await pickSlotAndContinue(root);
  button(root, "Book now").click();
  await waitForText(root, "Please check the highlighted fields.");
  expect(errorOf(root, "name")).toBe("Enter your name");
  expect(errorOf(root, "email")).toBe("Enter a valid email address");
  return root;
}

describe("field errors after a submit", () => {
  it("clear as soon as the value is valid, without another submit", async () => {
    const root = await submitEmpty();
    type(root, "name", "A");
    await waitFor(() => errorOf(root, "name") === undefined);
    type(root, "email", "ada@");
    // Still wrong: the message stays while the visitor types on.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(errorOf(root, "email")).toBe("Enter a valid email address");
    type(root, "email", "ada@example.com");
    await waitFor(() => errorOf(root, "email") === undefined);
    // The fields not touched keep theirs.
    expect(errorOf(root, "answers.level")).toBeTruthy();
  });

  it("come back when a fixed field is broken again, and follow selects and checkboxes", async () => {
    const root = await submitEmpty();
    type(root, "name", "Ada");
    await waitFor(() => errorOf(root, "name") === undefined);
    type(root, "answers.level", "Beginner");
    check(root, "consent");
    await waitFor(() => errorOf(root, "answers.level") === undefined && errorOf(root, "consent") === undefined);
    // Name had an error a moment ago but has none now: a new one waits for blur.
    type(root, "name", "   ");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(errorOf(root, "name")).toBeUndefined();
    leave(root, "name");
    await waitFor(() => errorOf(root, "name") === "Enter your name");
  });

  it("drop the 'check the highlighted fields' notice once nothing is highlighted", async () => {
    const root = await submitEmpty();
    type(root, "name", "Ada");
    type(root, "email", "ada@example.com");
    type(root, "answers.level", "Advanced");
    expect(textOf(root)).toContain("Please check the highlighted fields.");
    check(root, "consent");
    await waitFor(() => !textOf(root).includes("Please check the highlighted fields."));
    expect(root.querySelector("[aria-invalid=true]")).toBeNull();
  });
});

describe("a field without an error", () => {
  it("shows none while the visitor types, and checks the value on blur", async () => {
    const { root } = start();
    await pickSlotAndContinue(root);
    type(root, "email", "ada@");
    type(root, "phone", "12");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(errorOf(root, "email")).toBeUndefined();
    expect(errorOf(root, "phone")).toBeUndefined();
    leave(root, "email");
    await waitFor(() => errorOf(root, "email") === "Enter a valid email address");
    // Only the field left shows its error; the phone is still being typed.
    expect(errorOf(root, "phone")).toBeUndefined();
    // Fixing it clears it at once.
    type(root, "email", "ada@example.com");
    await waitFor(() => errorOf(root, "email") === undefined);
  });

  it("stays quiet when focus goes to a button or nowhere: the error would move 'Book now' away from the click", async () => {
    const { root } = start();
    await pickSlotAndContinue(root);
    type(root, "email", "ada@");
    leave(root, "email", button(root, "Book now"));
    leave(root, "email", null);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(errorOf(root, "email")).toBeUndefined();
    // The submit itself still shows it.
    button(root, "Book now").click();
    await waitFor(() => errorOf(root, "email") === "Enter a valid email address");
  });

  it("stays quiet when left empty: tabbing through the form is not a mistake", async () => {
    const { root } = start();
    await pickSlotAndContinue(root);
    for (const id of ["name", "email", "phone", "answers.level", "answers.notes"]) leave(root, id);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(root.querySelector("[aria-invalid=true]")).toBeNull();
    expect(root.querySelector('[part="error"]')).toBeNull();
  });
});

describe("the phone field in the widget's country", () => {
  afterEach(() => vi.restoreAllMocks());
  const germany = { phoneCountry: "DE", phoneExample: "01512 3456789" };
  /** The server's answer to a number that cannot be valid in Germany. */
  const refusal = phoneFormatMessage({ name: "Germany", example: "01512 3456789" });

  it("hints at the country's format and sends a national number as typed, for the server to complete", async () => {
    fake.widget = { ...fake.widget, ...germany };
    const { root } = start();
    await pickSlotAndContinue(root);
    expect(root.getElementById("phone")!.getAttribute("placeholder")).toBe("01512 3456789");
    fillValidForm(root);
    type(root, "phone", "0151 2345 6789");
    button(root, "Book now").click();
    await waitForText(root, "You're booked");
    expect(fake.bookings[0]!.body.phone).toBe("015123456789");
  });

  it("has no hint where the widget has no country", async () => {
    const { root } = start();
    await pickSlotAndContinue(root);
    expect(root.getElementById("phone")!.hasAttribute("placeholder")).toBe(false);
  });

  it("shows the server's refusal on the phone field, its example kept in another language", async () => {
    fake.widget = { ...fake.widget, ...germany };
    fake.book = () => problem("validation_failed", { issues: [{ path: ["phone"], code: "custom", message: refusal }] });
    const { root } = start();
    await pickSlotAndContinue(root);
    fillValidForm(root);
    type(root, "phone", "0151 2345");
    button(root, "Book now").click();
    await waitFor(() => errorOf(root, "phone") === refusal);
    expect(errorOf(root, "name")).toBeUndefined();

    // A German visitor on the widget in German.
    vi.spyOn(navigator, "language", "get").mockReturnValue("de-DE");
    fake.widget = { ...fake.widget, locale: "de" };
    const german = start().root;
    await waitForText(german, "Noch 3 Plätze frei");
    button(german, "14:00").click();
    await waitFor(() => !button(german, "Weiter").disabled);
    button(german, "Weiter").click();
    await waitFor(() => german.getElementById("name"));
    fillValidForm(german);
    type(german, "phone", "0151 2345");
    button(german, "Jetzt buchen").click();
    await waitFor(
      () => errorOf(german, "phone") === "Bitte geben Sie eine gültige Telefonnummer ein, z. B. 01512 3456789",
    );
  });
});
