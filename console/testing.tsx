/** @module Test helpers for the console: the app on a fake server (a `fetch` answering by route) in happy-dom. */
import { h, render } from "preact";
import { act } from "preact/test-utils";
import { createAdminClient } from "../sdk/client/admin-client.js";
import { setApi } from "./api.js";
import { App } from "./app.js";

/** An answer of the fake server: a JSON body, or a problem. */
export type FakeAnswer = { status?: number; body?: unknown } | ((request: Request) => Promise<Response> | Response);

/** A problem+json answer as the server sends it. */
export function problem(
  status: number,
  code: string,
  detail: string,
  issues: unknown[] = [],
): { status: number; body: unknown } {
  return {
    status,
    body: { type: `https://slotbook.dev/errors/${code}`, title: code, status, code, detail, issues },
  };
}

/** A session of `role`. */
export function session(role: "owner" | "editor" | "viewer" = "owner") {
  return {
    user: {
      id: "usr_1",
      email: "olga@school.example",
      name: "Olga Owner",
      role,
      createdAt: "2026-11-01T10:00:00.000Z",
      lastSignInAt: null,
    },
    expiresAt: "2026-12-31T10:00:00.000Z",
  };
}

/**
 * Starts the app at `path` against `routes` (`"GET /v1/auth/session"` → answer); resolves the requests made and a
 * helper that waits until the DOM holds a text.
 */
export async function startConsole(path: string, routes: Record<string, FakeAnswer>) {
  const requests: { method: string; path: string; body: string }[] = [];
  const fetch = async (request: Request) => {
    const url = new URL(request.url);
    const body = request.method === "GET" ? "" : await request.clone().text();
    requests.push({ method: request.method, path: url.pathname + url.search, body });
    const answer = routes[`${request.method} ${url.pathname}`];
    if (!answer) return Response.json(problem(404, "not_found", `No route ${url.pathname}`), { status: 404 });
    if (typeof answer === "function") return answer(request);
    const status = answer.status ?? 200;
    if (status === 204) return new Response(null, { status });
    const type = status >= 400 ? "application/problem+json" : "application/json";
    return new Response(JSON.stringify(answer.body ?? {}), { status, headers: { "content-type": type } });
  };
  setApi(createAdminClient({ baseUrl: "https://book.test", session: true, fetch, retry: 0 }));
  history.replaceState(null, "", `/console${path}`);
  const root = document.createElement("div");
  document.body.append(root);
  await act(() => render(<App />, root));
  const waitFor = async (test: () => boolean, what: string) => {
    for (let i = 0; i < 100; i++) {
      if (test()) return;
      await act(() => new Promise((r) => setTimeout(r, 10)));
    }
    throw new Error(`Timed out waiting for ${what}; the page reads: ${root.textContent}`);
  };
  const waitForText = (text: string) => waitFor(() => root.textContent?.includes(text) ?? false, `"${text}"`);
  const cleanup = () => {
    render(null, root);
    root.remove();
    setApi(undefined);
  };
  return { root, requests, waitFor, waitForText, cleanup };
}

/** Types into an input the way a user does (sets the value, fires input). */
export function type(input: Element | null, value: string): void {
  if (!(input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement)) throw new Error("not an input");
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

/** The input labelled `label` (through its `<label for>`). */
export function byLabel(root: Element, label: string): HTMLInputElement | HTMLSelectElement {
  const found = [...root.querySelectorAll("label")].find((l) => l.textContent?.trim().startsWith(label));
  const control = found && root.querySelector(`[id="${found.getAttribute("for")}"]`);
  if (!control) throw new Error(`No control labelled ${label}`);
  return control as HTMLInputElement;
}

/** The button whose accessible name (text or aria-label) is `name`. */
export function button(root: Element, name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll("button")].find(
    (b) => (b.getAttribute("aria-label") ?? b.textContent?.trim()) === name,
  );
  if (!found) throw new Error(`No button ${name}`);
  return found;
}
