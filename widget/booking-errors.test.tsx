/** @module What the visitor sees when booking fails: every error code, retries under one key, no double booking. */

import { HttpResponse, http } from "msw";
import { h } from "preact";
import { describe, expect, it, vi } from "vitest";
import type { ErrorCode } from "../sdk/errors/codes.js";
import { button, textOf, type, waitFor, waitForText } from "./test/dom.test.helper.js";
import { API, created, problem, useFakeApi } from "./test/fake-api.test.helper.js";
import { fillValidForm, pickSlotAndContinue, start } from "./test/flow.test.helper.js";

const { server, fake } = useFakeApi();

/** Mount (as an app, or as the embed script), pick, fill and submit once. */
async function submitOnce(embed = false) {
  const started = start({}, { embed });
  const errors: Array<{ code: string; status: number }> = [];
  started.host.addEventListener("slotbook:error", (e) => errors.push((e as CustomEvent).detail));
  await pickSlotAndContinue(started.root);
  fillValidForm(started.root);
  button(started.root, "Book now").click();
  return { ...started, errors };
}

// The same failures through both clients: the app's (ky, answers parsed) and the embed script's (fetch, trusted).
describe.each([
  ["the app's client", false],
  ["the embed script's client", true],
])("%s", (_, embed) => {
  describe("answers the visitor can act on", () => {
    const cases: Array<[ErrorCode, string, boolean]> = [
      ["already_booked", "You already have a booking at this time.", false],
      [
        "origin_not_allowed",
        "This site (https://school.example) is not allowed to take bookings for this widget. The site owner must add it to the widget's allowed origins.",
        false,
      ],
      ["not_found", "This booking page is not available.", false],
      ["internal_error", "We couldn't reach the booking service.", true],
    ];
    it.each(cases)("%s", async (code, message, retry) => {
      fake.book = () => problem(code);
      const { root, errors } = await submitOnce(embed);
      await waitForText(root, message);
      const alert = root.querySelector('[role="alert"]')!;
      expect(textOf(alert)).toContain(message);
      expect(alert.querySelector("button") !== null).toBe(retry);
      // What was typed stays.
      expect((root.getElementById("name") as HTMLInputElement).value).toBe("  Ada Lovelace ");
      expect(errors.at(-1)).toEqual({
        widgetId: "wgt_demo",
        code,
        status: code === "internal_error" ? 500 : expect.any(Number),
      });
    });

    it("puts the server's validation issues next to their fields", async () => {
      fake.book = () =>
        problem("validation_failed", {
          issues: [
            { path: ["email"], code: "invalid_format", message: "Enter a valid email address" },
            { path: ["answers", "level"], code: "invalid_value", message: "Choose one of the options" },
          ],
        });
      const { root } = await submitOnce(embed);
      await waitForText(root, "Please check the highlighted fields.");
      const email = root.getElementById("email")!;
      expect(email.getAttribute("aria-invalid")).toBe("true");
      expect(root.getElementById(email.getAttribute("aria-describedby")!)!.textContent).toBe(
        "Enter a valid email address",
      );
      expect(root.getElementById("answers.level-error")!.textContent).toBe("Choose one of the options");
    });

    it("asks to wait as long as the server says when rate limited", async () => {
      // 120 s is longer than the client waits by itself, so the widget must say it.
      fake.book = () => problem("rate_limited", { headers: { "retry-after": "120" } });
      const { root } = await submitOnce(embed);
      await waitForText(root, "Please wait 120 seconds and try again.");
      expect(button(root, "Try again")).toBeTruthy();
    });
  });

  describe("a submission counts once", () => {
    it("reuses one Idempotency-Key across the client's retries and the visitor's retry", async () => {
      // Two 503s the client retries by itself, then a dead network until the visitor presses "Try again".
      let down = true;
      fake.book = (_, attempt) => {
        if (attempt <= 2) return problem("unavailable", { headers: { "retry-after": "0" } });
        return down ? HttpResponse.error() : HttpResponse.json(undefined, { status: 500 });
      };
      const { root } = await submitOnce(embed);
      await waitForText(root, "We couldn't reach the booking service.", 8000);
      expect(button(root, "Book now").disabled).toBe(false);
      const tries = fake.bookings.length;
      expect(tries).toBe(3); // one attempt and two retries
      down = false;
      fake.book = (seen) => HttpResponse.json(createdFor(seen.body.slotId as string), { status: 201 });
      button(root, "Try again").click();
      await waitForText(root, "You're booked");
      const keys = new Set(fake.bookings.map((b) => b.key));
      expect(keys.size).toBe(1);
    });

    it("uses a new key once the visitor changes what they send", async () => {
      fake.book = () => problem("internal_error");
      const { root } = await submitOnce(embed);
      await waitForText(root, "We couldn't reach the booking service.", 8000);
      type(root, "name", "Ada King");
      fake.book = (seen) => HttpResponse.json(createdFor(seen.body.slotId as string), { status: 201 });
      button(root, "Book now").click();
      await waitForText(root, "You're booked");
      expect(fake.bookings.at(-1)!.key).not.toBe(fake.bookings[0]!.key);
    });

    it("sends one request for a double click, and keeps the button disabled meanwhile", async () => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      fake.book = async (seen) => {
        await gate;
        return HttpResponse.json(createdFor(seen.body.slotId as string), { status: 201 });
      };
      const { root } = start({}, { embed });
      await pickSlotAndContinue(root);
      fillValidForm(root);
      const submit = button(root, "Book now");
      submit.click();
      submit.click();
      root.querySelector("form")!.dispatchEvent(new Event("submit", { cancelable: true }));
      await waitFor(() => submit.disabled);
      expect(textOf(submit)).toBe("Booking…");
      expect(root.querySelector("form")!.getAttribute("aria-busy")).toBe("true");
      release();
      await waitForText(root, "You're booked");
      expect(fake.bookings).toHaveLength(1);
    });
  });
});

describe("a full slot", () => {
  it("says so, reloads the slots and keeps what was typed", async () => {
    fake.book = (seen, attempt) => {
      if (attempt === 1) {
        fake.slots = fake.slots.map((s) => (s.id === "slot_c" ? { ...s, remaining: 0 } : s));
        return problem("slot_full");
      }
      return HttpResponse.json(createdFor(seen.body.slotId as string), { status: 201 });
    };
    const { root } = await submitOnce();
    await waitForText(root, "Sorry, that time just filled up.");
    await waitFor(() => fake.slotRequests === 2);
    await waitFor(() => root.querySelector<HTMLButtonElement>('[data-id="slot_c"]')?.disabled);
    // Focus lands on the first time still open, not on the page's body.
    await waitFor(() => root.activeElement?.getAttribute("data-id") === "slot_d");
    expect(button(root, "Continue").disabled).toBe(true);
    button(root, "4:00 PM").click();
    await waitFor(() => !button(root, "Continue").disabled);
    button(root, "Continue").click();
    await waitFor(() => root.getElementById("name"));
    expect((root.getElementById("name") as HTMLInputElement).value).toBe("  Ada Lovelace ");
    expect((root.getElementById("answers.level") as HTMLSelectElement).value).toBe("Beginner");
    expect((root.getElementById("consent") as HTMLInputElement).checked).toBe(true);
    button(root, "Book now").click();
    await waitForText(root, "You're booked");
    expect(fake.bookings.map((b) => b.body.slotId)).toEqual(["slot_c", "slot_d"]);
    expect(fake.bookings[0]!.key).not.toBe(fake.bookings[1]!.key);
  });

  it("treats an unavailable slot the same way", async () => {
    fake.book = () => problem("slot_unavailable");
    const { root } = await submitOnce();
    await waitForText(root, "That time is no longer available.");
    expect(root.querySelectorAll('[part="slot"]').length).toBeGreaterThan(0);
  });
});

describe("loading", () => {
  it("shows a message and a retry button when the API cannot be reached, never a blank widget", async () => {
    let down = true;
    server.use(http.get(`${API}/v1/widgets/:id/slots`, () => (down ? HttpResponse.error() : undefined)));
    const onError = vi.fn();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    window.addEventListener("slotbook:error", onError);
    const { root } = start();
    expect(root.querySelector('[aria-busy="true"]')).not.toBeNull();
    await waitForText(root, "We couldn't reach the booking service.", 8000);
    expect(onError.mock.calls[0]![0].detail).toEqual({ widgetId: "wgt_demo", code: "network_error", status: 0 });
    // A CORS refusal looks like this too: the console tells the site owner which origin to allow.
    expect(warn.mock.calls[0]![0]).toContain(`is ${location.origin} an allowed origin?`);
    warn.mockRestore();
    down = false;
    button(root, "Try again").click();
    await waitForText(root, "Book a free demo class");
    window.removeEventListener("slotbook:error", onError);
  });

  it("says which origin to allow when its first request (config and slots) is refused, and does not ask again", async () => {
    let refused = 0;
    server.use(
      http.get(`${API}/v1/widgets/:id/slots`, () => {
        refused += 1;
        return problem("origin_not_allowed", { headers: { "access-control-allow-origin": "https://school.example" } });
      }),
    );
    const onError = vi.fn();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    window.addEventListener("slotbook:error", onError);
    const { root } = start();
    const refusal =
      "This site (https://school.example) is not allowed to take bookings for this widget. The site owner must add it to the widget's allowed origins.";
    await waitForText(root, refusal);
    expect(textOf(root.querySelector('[role="alert"]')!)).toContain(refusal);
    expect(textOf(root)).not.toContain("couldn't reach");
    expect(textOf(root)).not.toContain("Check your connection");
    // The developer's console says it too, with the widget and the API it asked.
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toBe(`Slotbook: could not load wgt_demo from ${API}; ${refusal}`);
    warn.mockRestore();
    // Not transient: no "Try again", and neither the client nor the widget asks again by itself.
    expect(root.querySelector('[part="notice"] button')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(refused).toBe(1);
    expect(onError.mock.calls.map((c) => c[0].detail.code)).toEqual(["origin_not_allowed"]);
    window.removeEventListener("slotbook:error", onError);
  });

  it("says it in the page's language, with the origin", async () => {
    server.use(http.get(`${API}/v1/widgets/:id/slots`, () => problem("origin_not_allowed")));
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const es = start({ locale: "es" });
    await waitForText(
      es.root,
      "Este sitio (https://school.example) no tiene permiso para aceptar reservas de este widget.",
    );
    expect(textOf(es.root)).toContain("Su propietario debe añadirlo a los orígenes permitidos del widget.");
    const hi = start({ locale: "hi" });
    await waitForText(hi.root, "इस साइट (https://school.example) को इस विजेट के लिए बुकिंग लेने की अनुमति नहीं है।");
    expect(textOf(hi.root)).toContain("साइट के मालिक को इसे विजेट के अनुमत ऑरिजिन में जोड़ना होगा।");
    warn.mockRestore();
  });

  it("says the page is unavailable for an unknown widget, without a useless retry", async () => {
    const { root } = start({ widget: "wgt_gone" });
    await waitForText(root, "This booking page is not available.");
    expect(root.querySelector("button")).toBeNull();
  });
});

function createdFor(slotId: string) {
  return created(fake.slots.find((s) => s.id === slotId)!);
}
