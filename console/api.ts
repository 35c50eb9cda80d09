/**
 * @module The console's one admin client (signed by the session cookie) and the hooks pages load and change data
 * with: errors become the server's problem detail in words, and a 401 from any call sends the user to sign in.
 */
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { createAdminClient, type SlotbookAdminClient } from "../sdk/client/admin-client.js";
import { SlotbookError } from "../sdk/errors/slotbook-error.js";
import { toast } from "./ui/toast.js";

let client: SlotbookAdminClient | undefined;
let onUnauthorized: () => void = () => {};

/**
 * The admin client of this server, over the session cookie; made on first use.
 * @example const widgets = await api().widgets.list();
 */
export function api(): SlotbookAdminClient {
  client ??= createAdminClient({ baseUrl: location.origin, session: true });
  return client;
}

/** Replaces the client (tests hand in a fake or one with its own `fetch`). */
export function setApi(next: SlotbookAdminClient | undefined): void {
  client = next;
}

/** What to do when a call answers 401 (the app sends the user to sign in and back). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

/** Whether an error is the server saying nobody is signed in (or the session ended). */
export function isUnauthorized(error: unknown): boolean {
  return error instanceof SlotbookError && error.status === 401;
}

/** Hands a 401 to the app; true when it was one. */
function signOutOn401(error: unknown): boolean {
  if (!isUnauthorized(error)) return false;
  onUnauthorized();
  return true;
}

/** An error as a sentence for the user: the server's problem detail, field issues, or what to do on a network error. */
export function describeError(error: unknown): string {
  if (!(error instanceof SlotbookError)) {
    return `Something went wrong in the console: ${error instanceof Error ? error.message : String(error)}`;
  }
  switch (error.code) {
    case "network_error":
      return "No answer from the server. Check your connection and try again.";
    case "timeout":
      return "The server took too long to answer. Try again in a moment.";
    case "forbidden":
      return error.detail ?? "Your role does not allow this. Ask an owner of this console.";
    case "rate_limited":
      return `${error.detail ?? "Too many attempts."}${error.retryAfter ? ` Try again in ${waitText(error.retryAfter)}.` : ""}`;
    case "validation_failed": {
      const issues = error.issues.map((issue) =>
        issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message,
      );
      return issues.length ? issues.join(" · ") : (error.detail ?? error.title);
    }
    default:
      return error.detail ?? error.title;
  }
}

/** `90` → `2 minutes`, `20` → `20 seconds`. */
export function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/** What `useLoad` gives a page. */
export interface Loaded<T> {
  data: T | undefined;
  /** The last load's error (never a 401: that one signs out). */
  error: unknown;
  loading: boolean;
  /** Loads again, keeping the shown data until the answer arrives. */
  reload: () => void;
  /** Changes the shown data in place (after an action answered the new state). */
  setData: (update: (data: T | undefined) => T | undefined) => void;
}

/**
 * Loads data for a page, again when `deps` change; earlier loads are aborted so a slow answer never overwrites a
 * newer one.
 * @example const { data, error, loading, reload } = useLoad((signal) => api().widgets.list({ signal }), []);
 */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({
    data: undefined,
    error: undefined,
    loading: true,
  });
  const [round, setRound] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    loadRef.current(controller.signal).then(
      (data) => !controller.signal.aborted && setState({ data, error: undefined, loading: false }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (signOutOn401(error)) return;
        setState((s) => ({ ...s, error, loading: false }));
      },
    );
    return () => controller.abort();
  }, [...deps, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  const setData = useCallback(
    (update: (data: T | undefined) => T | undefined) => setState((s) => ({ ...s, data: update(s.data) })),
    [],
  );
  return { ...state, reload, setData };
}

/** Options of `useAction`. */
export interface ActionOptions<R> {
  /** A toast once it worked. */
  success?: string | ((result: R) => string);
}

/**
 * Runs a change (a button's action): `busy` while it runs, a toast with the server's words when it fails, and
 * `undefined` as the result then.
 * @example const cancel = useAction((id: string) => api().bookings.cancel(id), { success: "Booking cancelled" });
 */
export function useAction<A extends unknown[], R>(
  action: (...args: A) => Promise<R>,
  options: ActionOptions<R> = {},
): { run: (...args: A) => Promise<R | undefined>; busy: boolean } {
  const [busy, setBusy] = useState(false);
  const run = async (...args: A) => {
    setBusy(true);
    try {
      const result = await action(...args);
      const { success } = options;
      if (success) toast(typeof success === "function" ? success(result) : success);
      return result;
    } catch (error) {
      if (!signOutOn401(error)) toast(describeError(error), "error");
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { run, busy };
}
