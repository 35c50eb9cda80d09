/** @module The embed script on a page: data attributes, the call queue, late elements, popup and floating button. */
import { h } from "preact";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { apiBaseOf, catalogueUrl, type SlotbookCommand, startEmbed } from "./embed-runtime.js";
import { importCatalogue } from "./i18n/import-catalogue.js";
import { button, press, shadowOf, textOf, waitFor, waitForText } from "./test/dom.test.helper.js";
import { API, useFakeApi } from "./test/fake-api.test.helper.js";

// One page for the whole file: the embed script starts once and its widgets stay mounted from test to test.
useFakeApi("https://school.example/", { keepPage: true });
const onBooked = vi.fn();
const win = window as unknown as { Slotbook: SlotbookCommand };

beforeAll(() => {
  document.body.innerHTML = `
    <div id="inline" data-slotbook="wgt_demo" data-prefill-name="Grace Hopper"></div>
    <div id="queued"></div>
    <button id="opener" data-slotbook-open="wgt_demo">Book a free demo class</button>`;
  // The documented stub, as a page runs it before widget.js arrives.
  const queue: unknown[][] = [];
  win.Slotbook = Object.assign((...args: unknown[]) => void queue.push(args), { q: queue });
  win.Slotbook("on", "booked", onBooked);
  win.Slotbook("inline", { widget: "wgt_demo", target: "#queued", locale: "es" });
  const script = document.createElement("script");
  script.setAttribute("src", `${API}/widget.js`);
  script.dataset.slotbookFloating = "wgt_demo";
  script.dataset.label = "Book a demo";
  // happy-dom cannot import() a URL; apps' loader gives the same catalogues.
  startEmbed(script, importCatalogue);
});

describe("the embed script", () => {
  it("takes the API base from its own src, or data-api", () => {
    const script = document.createElement("script");
    script.setAttribute("src", "https://cdn.book.example/widget.js?v=2");
    expect(apiBaseOf(script)).toBe("https://cdn.book.example");
    script.dataset.api = "https://api.book.example";
    expect(apiBaseOf(script)).toBe("https://api.book.example");
  });

  it("loads catalogues from next to the script, by absolute URL", () => {
    const script = document.createElement("script");
    script.setAttribute("src", "https://cdn.book.example/v2/widget.js?v=3");
    expect(catalogueUrl(script, "es")).toBe("https://cdn.book.example/v2/widget-es.js");
  });

  it("mounts data-slotbook elements with data-prefill-*", async () => {
    const root = shadowOf(document.getElementById("inline")!);
    await waitForText(root, "3 seats left");
    root.querySelector<HTMLButtonElement>('[data-id="slot_c"]')!.click();
    await waitFor(() => !button(root, "Continue").disabled);
    button(root, "Continue").click();
    await waitFor(() => root.getElementById("name"));
    expect((root.getElementById("name") as HTMLInputElement).value).toBe("Grace Hopper");
  });

  it("runs calls queued before it loaded", async () => {
    const root = shadowOf(document.getElementById("queued")!);
    await waitForText(root, "Quedan 3 plazas");
    expect(win.Slotbook.loaded).toBe(true);
  });

  it("mounts widgets added to the page later", async () => {
    const section = document.createElement("section");
    section.innerHTML = `<div id="late" data-slotbook="wgt_demo"></div>`;
    document.body.append(section);
    await waitFor(() => document.getElementById("late")!.shadowRoot);
    const late = document.getElementById("late")!;
    await waitForText(shadowOf(late), "Book a free demo class");
    // Leaving the page (an SPA route change) unmounts it.
    late.remove();
    await waitFor(() => shadowOf(late).childNodes.length === 0);
  });

  it("hands window events to Slotbook('on') handlers", () => {
    window.dispatchEvent(new CustomEvent("slotbook:booked", { detail: { bookingId: "bkg_x" } }));
    expect(onBooked).toHaveBeenCalledWith({ bookingId: "bkg_x" });
  });
});

describe("the popup", () => {
  const popup = () => document.querySelector("[data-slotbook-popup]");

  it("is a modal dialog that traps focus, closes on Esc and gives focus back", async () => {
    const opener = document.getElementById("opener")!;
    const onClose = vi.fn();
    opener.addEventListener("slotbook:close", onClose);
    opener.focus();
    opener.click();
    const root = shadowOf(await waitFor(popup));
    const dialog = root.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute("aria-modal")).toBe("true");
    await waitForText(root, "3 seats left");
    expect(root.getElementById(dialog.getAttribute("aria-labelledby")!)!.textContent).toBe("Book a free demo class");
    expect(dialog.contains(root.activeElement)).toBe(true);

    const focusables = () =>
      [...dialog.querySelectorAll<HTMLButtonElement>("button")].filter((el) => !el.disabled && el.tabIndex >= 0);
    const first = focusables()[0]!;
    const last = focusables().at(-1)!;
    expect(first.getAttribute("aria-label")).toBe("Close");
    last.focus();
    press(last, "Tab");
    expect(root.activeElement).toBe(first);
    press(first, "Tab", { shiftKey: true });
    expect(root.activeElement).toBe(last);

    press(last, "Escape");
    await waitFor(() => !popup());
    expect(document.activeElement).toBe(opener);
    expect(onClose).toHaveBeenCalledWith(expect.objectContaining({ detail: { widgetId: "wgt_demo" } }));
  });

  it("opens from the floating button and from Slotbook('open'), and closes with Slotbook('close')", async () => {
    const fab = shadowOf(document.querySelector("[data-slotbook-floating-host]")!).querySelector("button")!;
    expect(textOf(fab)).toBe("Book a demo");
    expect(fab.getAttribute("part")).toBe("floating-button");
    fab.click();
    await waitFor(popup);
    win.Slotbook("close");
    await waitFor(() => !popup());
    win.Slotbook("open", "wgt_demo", { locale: "hi" });
    await waitForText(shadowOf(await waitFor(popup)), "3 सीटें बाकी");
    // A click on the backdrop closes too.
    const overlay = shadowOf(popup()!).querySelector<HTMLElement>(".overlay")!;
    overlay.click();
    await waitFor(() => !popup());
  });
});

describe("strict CSP", () => {
  it("styles only through adopted stylesheets: no <style> element and no style attribute anywhere", async () => {
    const roots: Array<Document | ShadowRoot> = [document];
    for (const el of document.querySelectorAll("*")) if (el.shadowRoot) roots.push(el.shadowRoot);
    expect(roots.length).toBeGreaterThan(3);
    for (const root of roots) {
      expect(root.querySelectorAll("style").length).toBe(0);
      expect(root.querySelectorAll("[style]").length).toBe(0);
      if (root !== document) expect((root as ShadowRoot).adoptedStyleSheets.length).toBe(2);
    }
  });
});
