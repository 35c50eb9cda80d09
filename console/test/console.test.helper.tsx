/**
 * @module Rendering console pages in happy-dom against an msw fake of the admin API: a signed-in session of a role,
 * the app's confirm dialog and toasts, and helpers that type and click the way a user does.
 */
import { setupServer } from "msw/node";
import { type ComponentChildren, h, render } from "preact";
import { afterAll, afterEach, beforeAll, expect, vi } from "vitest";
import { createAdminClient } from "../../sdk/client/admin-client.js";
import type { Role } from "../../sdk/schemas/console.js";
import { setApi } from "../api.js";
import { SessionContext } from "../session.js";
import { ConfirmHost } from "../ui/dialog.js";
import { Toaster } from "../ui/toast.js";

/** Origin of the fake admin API. */
export const ADMIN_API = "https://console.test";

/**
 * msw for a test file (a request no handler answers fails the test), and the console's client pointed at it.
 * @example const server = useAdminApi(); server.use(http.get(`${ADMIN_API}/v1/admin/widgets`, …));
 */
export function useAdminApi() {
  const server = setupServer();
  beforeAll(() => {
    server.listen({ onUnhandledRequest: "error" });
    setApi(createAdminClient({ baseUrl: ADMIN_API, apiKey: "sk_test_console", retry: 0 }));
  });
  afterEach(() => {
    server.resetHandlers();
    render(null, document.body);
    document.body.replaceChildren();
  });
  afterAll(() => {
    server.close();
    setApi(undefined);
  });
  return server;
}

/** Renders `page` signed in as `role`, with the app's confirm dialog and toasts. */
export function renderConsole(page: ComponentChildren, role: Role = "editor"): HTMLElement {
  const session = {
    user: {
      id: "usr_1",
      email: "ed@school.example",
      name: "Ed",
      role,
      createdAt: "2026-01-01T00:00:00.000Z",
      lastSignInAt: null,
    },
    expiresAt: "2027-01-01T00:00:00.000Z",
  };
  const root = document.createElement("div");
  document.body.append(root);
  render(
    <SessionContext.Provider value={{ session, setSession: () => {} }}>
      {page}
      <ConfirmHost />
      <Toaster />
    </SessionContext.Provider>,
    root,
  );
  return root;
}

/** Waits until `find` returns something, then returns it. */
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

/** Visible text, whitespace collapsed. */
export function textOf(node: ParentNode): string {
  return (node.textContent ?? "").replace(/\s+/g, " ");
}

/** The control a `<label>` with this text names (its `for`, or the control inside it), or one by `aria-label`. */
export function control<T extends HTMLElement = HTMLInputElement>(root: ParentNode, name: string): T {
  const byAria = root.querySelector<T>(`[aria-label="${name}"]`);
  if (byAria) return byAria;
  const labels = [...root.querySelectorAll("label")];
  const named = (node: Element | null) =>
    node
      ? textOf(node)
          .trim()
          .replace(/ \(optional\)$/, "")
      : "";
  // A label's whole text, or a choice tile's name (its hint follows it).
  const label =
    labels.find((l) => named(l) === name) ?? labels.find((l) => named(l.querySelector(".choice-label")) === name);
  expect(label, `label "${name}"`).toBeTruthy();
  const id = label!.getAttribute("for");
  const found = (id ? root.querySelector<T>(`[id="${id}"]`) : label!.querySelector<T>("input, select, textarea")) as T;
  expect(found, `control of "${name}"`).toBeTruthy();
  return found;
}

/** Lets Preact render what the last event changed, as a browser does between two keystrokes. */
export function rendered(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Types `value` into the input, textarea or select named `name`, and waits for the render. */
export async function fill(root: ParentNode, name: string, value: string): Promise<void> {
  const el = control<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(root, name);
  el.value = value;
  el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }));
  await rendered();
}

/** The button whose text or `aria-label` is `name` (or matches it). */
export function button(root: ParentNode, name: string | RegExp): HTMLButtonElement {
  const matches = (text: string) => (typeof name === "string" ? text.trim() === name : name.test(text));
  const found = [...root.querySelectorAll<HTMLButtonElement>("button")].find(
    (b) => matches(b.getAttribute("aria-label") ?? "") || matches(textOf(b)),
  );
  expect(found, `button ${name}`).toBeTruthy();
  return found!;
}

/** The message under the control named `name` (its `aria-describedby` error), if any. */
export function errorOf(root: ParentNode, name: string): string | undefined {
  const el = control(root, name);
  const ids = el.getAttribute("aria-describedby")?.split(" ") ?? [];
  return ids.map((id) => root.querySelector(`[id="${id}"].field-error`)?.textContent).find(Boolean) ?? undefined;
}
