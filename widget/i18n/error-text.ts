/** @module What the visitor reads when a call fails, by the error's stable code, and whether a retry can help. */
import { SlotbookError } from "../../sdk/errors/slotbook-error.js";
import type { Messages } from "./en.js";
import { fill } from "./messages.js";

/** The text of a failure and whether to offer "Try again". */
export interface ErrorText {
  code: string;
  text: string;
  retry: boolean;
}

/** 60 s: the rate limit's window when the server sends no Retry-After. */
const DEFAULT_WAIT = 60;

/** The catalogue entry of each code whose message is final: trying again cannot help. */
const FINAL: Record<string, keyof Messages> = {
  slot_full: "errFull",
  slot_unavailable: "errGone",
  validation_failed: "errFix",
  already_booked: "errAlready",
  origin_not_allowed: "errOrigin",
  not_found: "errNotFound",
};

/**
 * Text for any error a client call rejects with; anything that is not a `SlotbookError` counts as a network error.
 * @example errorText(t, error) // { code: "slot_full", text: "Sorry, that time just filled up…", retry: false }
 */
export function errorText(t: Messages, error: unknown): ErrorText {
  const code = error instanceof SlotbookError ? error.code : "network_error";
  const final = FINAL[code];
  // `{o}`: the page's origin, which the site owner must add to the widget's allowed origins.
  if (final) return { code, text: fill(t[final] as string, { o: location.origin }), retry: false };
  const text =
    code === "rate_limited"
      ? fill(t.errRate, { s: (error as SlotbookError).retryAfter ?? DEFAULT_WAIT })
      : t.errNetwork;
  return { code, text, retry: true };
}
