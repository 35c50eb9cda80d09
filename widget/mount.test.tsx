/** @module The visitor's whole path through a mounted widget, against the fake API. */
import { h } from "preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BOOKING_RULE_MESSAGES } from "../sdk/schemas/booking-rules.js";
import { PHONE_NOT_A_NUMBER } from "../sdk/schemas/phone.js";
import { widgetUpdateSchema } from "../sdk/schemas/widget-admin.js";
import { button, press, textOf, type, waitFor, waitForText } from "./test/dom.test.helper.js";
import { API, useFakeApi } from "./test/fake-api.test.helper.js";
import { fillValidForm, pickSlotAndContinue, start } from "./test/flow.test.helper.js";

const { fake } = useFakeApi(
  "https://school.example/pricing?utm_source=ads&utm_campaign=winter&email=ada%40example.com",
);
afterEach(() => {
  (window as { dataLayer?: unknown }).dataLayer = undefined;
});

describe("picking a slot", () => {
  it("opens on the first day with a free seat, in the visitor's zone, saying which zone", async () => {
    const { root } = start();
    await waitForText(root, "Book a free demo class");
    const days = [...root.querySelectorAll<HTMLButtonElement>('[part="day"]')];
    expect(days.map((d) => d.getAttribute("aria-label"))).toEqual([
      "Tuesday, December 1",
      "Wednesday, December 2",
      "Thursday, December 3",
    ]);
    expect(days[0]!.disabled).toBe(true); // every seat of 1 Dec is taken
    expect(days[1]!.getAttribute("aria-checked")).toBe("true");
    expect(textOf(root)).toContain("Times are shown in Central European Time");
    const slots = [...root.querySelectorAll<HTMLButtonElement>('[part="slot"]')];
    // 08:00Z, 13:00Z and 15:00Z are 9:00, 14:00 and 16:00 in Berlin.
    expect(slots.map((s) => textOf(s))).toEqual(["9:00 AMFull", "2:00 PM3 seats left", "4:00 PM1 seat left"]);
    expect(slots[0]!.disabled).toBe(true);
    expect(button(root, "Continue").disabled).toBe(true);
  });

  it("is a radio group the arrow keys move through, skipping full slots", async () => {
    const { root, host } = start();
    const selected: string[] = [];
    host.addEventListener("slotbook:slot-selected", (e) => selected.push((e as CustomEvent).detail.slot.id));
    await waitForText(root, "3 seats left");
    const group = root.querySelectorAll('[role="radiogroup"]')[1]!;
    expect(group.getAttribute("aria-label")).toBe("Time");
    const [, c, d] = [...group.querySelectorAll<HTMLButtonElement>('[role="radio"]')];
    expect(c!.tabIndex).toBe(0); // the first enabled slot is the tab stop
    c!.focus();
    press(c!, "ArrowRight");
    await waitFor(() => d!.getAttribute("aria-checked") === "true");
    expect(root.activeElement).toBe(d);
    press(d!, "ArrowRight"); // wraps past the full 9:00 back to 14:00
    await waitFor(() => c!.getAttribute("aria-checked") === "true");
    press(c!, "End");
    await waitFor(() => d!.getAttribute("aria-checked") === "true");
    expect(selected).toEqual(["slot_d", "slot_c", "slot_d"]);
    // Changing the day clears the time and shows that day's slots.
    const days = root.querySelectorAll<HTMLButtonElement>('[part="day"]');
    press(days[1]!, "ArrowRight");
    await waitFor(() => days[2]!.getAttribute("aria-checked") === "true");
    expect(textOf(root)).toContain("8 seats left");
    expect(button(root, "Continue").disabled).toBe(true);
  });

  it("takes its look from the config, and options or page CSS override it", async () => {
    fake.widget = { ...fake.widget, theme: { accent: "#0f766e", radius: 4, mode: "dark" } };
    const { root } = start();
    await waitForText(root, "3 seats left");
    expect(root.querySelector('[part="root"]')!.className).toBe("root dark");
    const themeText = () => [...root.adoptedStyleSheets[1]!.cssRules].map((r) => r.cssText).join("");
    expect(themeText()).toMatch(/--sb-a: ?#0f766e/);
    expect(themeText()).toMatch(/--sb-r: ?4px/);
    // The page's custom properties win over the config's defaults.
    const shared = [...root.adoptedStyleSheets[0]!.cssRules].map((r) => r.cssText).join("");
    expect(shared).toMatch(/var\(--slotbook-accent, ?var\(--sb-a\)\)/);
    expect(shared).toMatch(/var\(--slotbook-radius, ?var\(--sb-r\)\)/);
    document.body.replaceChildren();
    const overridden = start({ theme: { mode: "light", accent: "#be185d" } });
    await waitForText(overridden.root, "3 seats left");
    expect(overridden.root.querySelector('[part="root"]')!.className).toBe("root light");
    expect([...overridden.root.adoptedStyleSheets[1]!.cssRules].map((r) => r.cssText).join("")).toMatch(/#be185d/);
  });

  it("says so when there is no slot at all", async () => {
    fake.slots = [];
    const { root } = start();
    await waitForText(root, "No times are open right now");
  });
});

describe("booking", () => {
  it("sends the validated request with context, then confirms with calendar link and events", async () => {
    const dataLayer: unknown[] = [];
    (window as { dataLayer?: unknown }).dataLayer = dataLayer;
    const onWindow = vi.fn();
    window.addEventListener("slotbook:booked", onWindow);
    const { root, host, navigate } = start();
    const onHost = vi.fn();
    host.addEventListener("slotbook:booked", onHost);
    await pickSlotAndContinue(root);
    await waitFor(() => root.activeElement?.id === "name"); // focus follows the step
    // ?email= of the page prefills the form.
    expect((root.getElementById("email") as HTMLInputElement).value).toBe("ada@example.com");
    expect(textOf(root.querySelector('[part="summary"]')!)).toContain("Wednesday, December 2, 2026");
    fillValidForm(root);
    type(root, "answers.notes", "First time");
    button(root, "Book now").click();
    await waitForText(root, "You're booked");

    expect(fake.bookings).toHaveLength(1);
    const [seen] = fake.bookings;
    expect(seen!.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen!.body).toEqual({
      slotId: "slot_c",
      name: "Ada Lovelace",
      email: "ada@example.com",
      phone: "+15550109999",
      answers: { level: "Beginner", notes: "First time" },
      consent: true,
      timezone: "Europe/Berlin",
      locale: "en",
      context: {
        // The personal prefill parameter is not stored with the context.
        pageUrl: "https://school.example/pricing?utm_source=ads&utm_campaign=winter",
        utm: { source: "ads", campaign: "winter" },
      },
    });
    expect(textOf(root)).toContain("See you in class!");
    expect(textOf(root)).toMatch(/Wednesday, December 2, 2026.*2:00.*3:00\sPM/);
    const calendar = root.querySelector<HTMLAnchorElement>('[part~="calendar"]')!;
    expect(calendar.href).toBe(`${API}/v1/bookings/bkg_1/invite.ics?token=tok_secret`);
    await waitFor(() => root.activeElement?.tagName === "H3"); // focus lands on the news

    const detail = {
      widgetId: "wgt_demo",
      bookingId: "bkg_1",
      slot: { id: "slot_c", startsAt: "2026-12-02T13:00:00.000Z", endsAt: "2026-12-02T14:00:00.000Z" },
    };
    expect(onHost.mock.calls[0]![0].detail).toEqual(detail);
    expect(onWindow.mock.calls[0]![0].detail).toEqual(detail);
    expect(dataLayer).toContainEqual({ event: "slotbook:booked", ...detail });
    expect(JSON.stringify(dataLayer)).not.toContain("ada@");
    expect(navigate).not.toHaveBeenCalled();
    window.removeEventListener("slotbook:booked", onWindow);
  });

  it("cancels with the manage token", async () => {
    const { root } = start();
    await pickSlotAndContinue(root);
    fillValidForm(root);
    button(root, "Book now").click();
    await waitForText(root, "You're booked");
    button(root, "Cancel booking").click();
    await waitForText(root, "The seat goes to someone else");
    await waitFor(() => root.activeElement === button(root, "Keep booking"));
    button(root, "Yes, cancel").click();
    await waitForText(root, "Your booking is cancelled.");
    expect(fake.cancels).toEqual(["Bearer tok_secret"]);
    button(root, "Book another time").click();
    await waitForText(root, "3 seats left");
  });

  it("goes to the redirect URL after booking", async () => {
    fake.widget = { ...fake.widget, redirectUrl: "https://school.example/thanks" };
    const { root, navigate } = start();
    await pickSlotAndContinue(root);
    fillValidForm(root);
    button(root, "Book now").click();
    await waitFor(() => navigate.mock.calls.length > 0);
    expect(navigate).toHaveBeenCalledWith("https://school.example/thanks");
  });

  it("goes to a redirect URL the admin typed with an upper-case scheme, as the admin schema stores it", async () => {
    const { redirectUrl } = widgetUpdateSchema.parse({ redirectUrl: "HTTPS://School.Example/Thanks" });
    fake.widget = { ...fake.widget, redirectUrl: redirectUrl! };
    const { root, navigate } = start();
    await pickSlotAndContinue(root);
    fillValidForm(root);
    button(root, "Book now").click();
    await waitFor(() => navigate.mock.calls.length > 0);
    expect(navigate).toHaveBeenCalledWith("https://school.example/Thanks");
  });

  it("shows the contract's messages next to their fields and sends nothing", async () => {
    const { root } = start({ prefill: { email: "not-an-email" } });
    await pickSlotAndContinue(root);
    type(root, "phone", "12");
    button(root, "Book now").click();
    await waitForText(root, "Please check the highlighted fields.");
    const errorOf = (id: string) => {
      const input = root.getElementById(id)!;
      expect(input.getAttribute("aria-invalid")).toBe("true");
      return root.getElementById(input.getAttribute("aria-describedby")!)?.textContent;
    };
    expect(errorOf("name")).toBe("Enter your name");
    expect(errorOf("email")).toBe("Enter a valid email address");
    expect(errorOf("phone")).toBe(PHONE_NOT_A_NUMBER);
    expect(errorOf("answers.level")).toBe(BOOKING_RULE_MESSAGES.fieldRequired);
    expect(errorOf("consent")).toBe(BOOKING_RULE_MESSAGES.consentRequired);
    expect(root.getElementById("answers.notes")!.hasAttribute("aria-invalid")).toBe(false);
    await waitFor(() => root.activeElement?.id === "name");
    expect(fake.bookings).toHaveLength(0);
  });

  it("asks for the phone when the widget requires it", async () => {
    fake.widget = { ...fake.widget, phone: "required" };
    const { root } = start();
    await pickSlotAndContinue(root);
    fillValidForm(root);
    type(root, "phone", "");
    button(root, "Book now").click();
    await waitForText(root, BOOKING_RULE_MESSAGES.phoneRequired);
    expect(root.getElementById("phone")!.hasAttribute("required")).toBe(true);
  });

  it("hides the phone when the widget hides it", async () => {
    fake.widget = { ...fake.widget, phone: "hidden", fields: [], consent: undefined };
    const { root } = start({ prefill: { name: "Ada", email: "ada@example.com", phone: "+44 20 7946 0000" } });
    await pickSlotAndContinue(root);
    expect(root.getElementById("phone")).toBeNull();
    button(root, "Book now").click();
    await waitForText(root, "You're booked");
    expect(fake.bookings[0]!.body).not.toHaveProperty("phone");
    expect(fake.bookings[0]!.body).not.toHaveProperty("answers");
  });
});
