/** @module The times the picker offers: in the widget's language, with the visitor's clock and date order. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { button, textOf, waitForText } from "../test/dom.test.helper.js";
import { useFakeApi } from "../test/fake-api.test.helper.js";
import { pickSlotAndContinue, start } from "../test/flow.test.helper.js";

useFakeApi();
afterEach(() => vi.restoreAllMocks());

/** Mount the English demo widget for a visitor whose browser speaks `language`; its second day's label and times. */
async function pickerFor(language: string) {
  vi.spyOn(navigator, "language", "get").mockReturnValue(language);
  const { root } = start();
  await waitForText(root, "3 seats left");
  const day = root.querySelectorAll('[part="day"]')[1]!.getAttribute("aria-label");
  const times = [...root.querySelectorAll('[part="slot"]')].map((slot) => textOf(slot));
  return { root, day, times };
}

describe("slot times on an English widget", () => {
  it("for a UK visitor: 24-hour clock, day before month", async () => {
    const { root, day, times } = await pickerFor("en-GB");
    expect(day).toBe("Wednesday 2 December");
    expect(times.join(" ")).toMatch(/^09:00.*14:00.*16:00/);
    await pickSlotAndContinue(root, "14:00");
    expect(textOf(root.querySelector('[part="summary"]')!)).toMatch(/^Wednesday,? 2 December 2026.*14:00.*15:00/);
  });

  it("for a US visitor: 12-hour clock, month before day", async () => {
    const { root, day, times } = await pickerFor("en-US");
    expect(day).toBe("Wednesday, December 2");
    expect(times.join(" ")).toMatch(/^9:00\sAM.*2:00\sPM.*4:00\sPM/);
    button(root, "2:00 PM");
  });

  it("for a German visitor: English words, German clock and order", async () => {
    const { day, times } = await pickerFor("de-DE");
    expect(day).toMatch(/^Wednesday,? 2 December$/);
    expect(times.join(" ")).toMatch(/^09:00.*14:00.*16:00/);
    expect(times.join(" ")).not.toMatch(/AM|PM/);
  });
});
