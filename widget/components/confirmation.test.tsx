/** @module The confirmation step: time with its zone, calendar first, a manage link, and a cancel question that owns the step. */
import { h } from "preact";
import { describe, expect, it } from "vitest";
import { button, textOf, waitFor, waitForText } from "../test/dom.test.helper.js";
import { API, useFakeApi } from "../test/fake-api.test.helper.js";
import { fillValidForm, pickSlotAndContinue, start } from "../test/flow.test.helper.js";

const { fake } = useFakeApi();

/** Book 14:00 on 2 December (Berlin) and wait for the confirmation. */
async function book() {
  const started = start();
  await pickSlotAndContinue(started.root);
  fillValidForm(started.root);
  button(started.root, "Book now").click();
  await waitForText(started.root, "You're booked");
  return started.root.querySelector<HTMLElement>('[part="confirmation"]')!;
}

describe("the confirmation", () => {
  it("names the time zone next to the time, as the slot step does", async () => {
    const done = await book();
    expect(textOf(done.querySelector(".when")!)).toMatch(/Wednesday, December 2, 2026.*2:00.*3:00\sPM/);
    expect(textOf(done.querySelector('[part="timezone"]')!)).toBe("Central European Time");
  });

  it("shows where the class is under the time, on the form's summary and the confirmation", async () => {
    fake.widget = { ...fake.widget, location: { kind: "in_person", address: "Calle Mayor 1, 28013 Madrid" } };
    const started = start();
    await pickSlotAndContinue(started.root);
    const summary = started.root.querySelector('[part="summary"]')!;
    expect(textOf(summary.querySelector('[part="location"]')!)).toBe("Calle Mayor 1, 28013 Madrid");
    fillValidForm(started.root);
    button(started.root, "Book now").click();
    await waitForText(started.root, "You're booked");
    const place = started.root.querySelector('[part="confirmation"] [part="location"]')!;
    expect(textOf(place)).toBe("Calle Mayor 1, 28013 Madrid");
    expect(place.querySelector("a")).toBeNull();
  });

  it("links an online class's address, and only an http(s) one", async () => {
    fake.widget = { ...fake.widget, location: { kind: "online", url: "https://meet.example/abc" } };
    const link = (await book()).querySelector<HTMLAnchorElement>('[part="location"] a')!;
    expect(link.getAttribute("href")).toBe("https://meet.example/abc");
    expect(link.target).toBe("_blank");
    expect(link.rel).toContain("noopener");
    fake.widget = { ...fake.widget, location: { kind: "online", url: "javascript:alert(1)" } };
    document.body.replaceChildren();
    const other = await book();
    expect(other.querySelector('[part="location"] a')).toBeNull();
    expect(textOf(other.querySelector('[part="location"]')!)).toBe("javascript:alert(1)");
  });

  it("makes 'Add to calendar' the primary action and 'Cancel booking' a quiet text action", async () => {
    const done = await book();
    const calendar = done.querySelector<HTMLAnchorElement>('[part~="calendar"]')!;
    expect(calendar.classList.contains("primary")).toBe(true);
    const cancel = button(done, "Cancel booking");
    expect(cancel.classList.contains("link")).toBe(true);
    expect(cancel.classList.contains("btn")).toBe(false);
    // The primary action comes first in reading and Tab order.
    const order = [...done.querySelectorAll("a,button")].map((el) => textOf(el).trim());
    expect(order[0]).toBe("Add to calendar");
  });

  it("offers the manage page in a new tab, and says what it is for", async () => {
    const done = await book();
    const manage = done.querySelector<HTMLAnchorElement>('[part="manage"]')!;
    expect(manage.getAttribute("href")).toBe(`${API}/manage/bkg_1?token=tok_secret`);
    expect(manage.target).toBe("_blank");
    expect(manage.rel).toContain("noopener");
    // The new tab is announced, not only implied by an icon.
    expect(textOf(manage)).toBe("Manage booking (opens in a new tab)");
    expect(textOf(done)).toContain("You can view or cancel this booking any time on its own page.");
  });

  it("offers no manage link when the server's link is not http(s)", async () => {
    fake.book = (seen) => {
      const slot = fake.slots.find((s) => s.id === seen.body.slotId)!;
      const body = {
        booking: {
          id: "bkg_1",
          widgetId: "wgt_demo",
          status: "confirmed",
          slot: { id: slot.id, startsAt: slot.startsAt, endsAt: slot.endsAt },
          createdAt: "2026-11-25T10:00:00.000Z",
        },
        manageToken: "tok_secret",
        manageUrl: "javascript:alert(1)",
      };
      return Response.json(body, { status: 201 });
    };
    const done = await book();
    expect(done.querySelector('[part="manage"]')).toBeNull();
    expect(done.querySelector('[href^="javascript"]')).toBeNull();
  });

  it("asks before cancelling with the question in place of the confirmation, 'Yes, cancel' destructive", async () => {
    const done = await book();
    button(done, "Cancel booking").click();
    await waitForText(done, "Cancel this booking?");
    const heading = done.querySelector("h3")!;
    expect(textOf(heading)).toBe("Cancel this booking?");
    // Nothing says the visitor is booked while they are asked whether to cancel.
    expect(textOf(done)).not.toContain("You're booked");
    expect(textOf(done)).not.toContain("See you in class!");
    expect(done.querySelector(".tick")).toBeNull();
    expect(textOf(done)).toContain("The seat goes to someone else.");
    // Still clear which booking is meant.
    expect(textOf(done)).toMatch(/December 2, 2026/);
    expect(button(done, "Yes, cancel").classList.contains("danger")).toBe(true);
    const keep = button(done, "Keep booking");
    await waitFor(() => (done.getRootNode() as ShadowRoot).activeElement === keep);
    expect(keep.getAttribute("aria-describedby")).toBe("sb-done sb-ask");

    // Keeping it brings the confirmation back.
    keep.click();
    await waitForText(done, "You're booked");
    expect(textOf(done)).toContain("See you in class!");
  });

  it("after cancelling shows the news and one way on, with no leftover actions", async () => {
    const done = await book();
    button(done, "Cancel booking").click();
    await waitForText(done, "Cancel this booking?");
    button(done, "Yes, cancel").click();
    await waitForText(done, "Your booking is cancelled.");
    const kids = [...done.children].map((el) => el.className || el.tagName.toLowerCase());
    // Heading, the time, its zone, then the button: nothing empty in between.
    expect(kids).toEqual(["h3", "when", "tz", "btn primary"]);
    expect(done.querySelector('[part="manage"]')).toBeNull();
  });
});
