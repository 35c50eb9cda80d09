/** @module Driving the rendered widget in happy-dom the way a visitor would: through its shadow root. */
import { expect, vi } from "vitest";

/** The open shadow root of a host element. */
export function shadowOf(host: Element): ShadowRoot {
  const root = host.shadowRoot;
  if (!root) throw new Error("no shadow root");
  return root;
}

/** Wait until `find` returns something, then return it. */
export async function waitFor<T>(find: () => T | null | undefined | false, timeout = 4000): Promise<T> {
  return vi.waitFor(
    () => {
      const found = find();
      if (!found) throw new Error("not yet");
      return found;
    },
    { timeout, interval: 10 },
  );
}

/** The visible text of a root, whitespace collapsed. */
export function textOf(root: ParentNode): string {
  return (root.textContent ?? "").replace(/\s+/g, " ");
}

/** Wait until the text shows up in the root. */
export async function waitForText(root: ParentNode, text: string | RegExp, timeout?: number): Promise<void> {
  await waitFor(() => (typeof text === "string" ? textOf(root).includes(text) : text.test(textOf(root))), timeout);
}

/** The button whose text includes `label`. */
export function button(root: ParentNode, label: string | RegExp): HTMLButtonElement {
  const found = [...root.querySelectorAll<HTMLButtonElement>("button")].find((b) =>
    typeof label === "string" ? textOf(b).includes(label) : label.test(textOf(b)),
  );
  expect(found, `button ${label}`).toBeTruthy();
  return found!;
}

/** Type into an input, textarea or select found by id. */
export function type(root: ShadowRoot, id: string, value: string): void {
  const el = root.getElementById(id) as HTMLInputElement | HTMLSelectElement | null;
  expect(el, `field #${id}`).toBeTruthy();
  el!.value = value;
  el!.dispatchEvent(new Event(el instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }));
}

/** Tick a checkbox found by id. */
export function check(root: ShadowRoot, id: string, checked = true): void {
  const el = root.getElementById(id) as HTMLInputElement;
  el.checked = checked;
  el.dispatchEvent(new Event("change", { bubbles: true }));
}

/** Press a key on an element. */
export function press(el: Element, key: string, init: KeyboardEventInit = {}): void {
  el.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, composed: true, cancelable: true, ...init }));
}

/** Point the page at a URL (query prefill, utm_*). */
export function setPageUrl(url: string) {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
}
