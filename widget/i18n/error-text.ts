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

/**
 * Text for any error a client call rejects with; anything that is not a `SlotbookError` counts as a network error.
 * @example errorText(t, error) // { code: "slot_full", text: "Sorry, that time just filled up…", retry: false }
 */
export function errorText(t: Messages, error: unknown): ErrorText {
  const code = error instanceof SlotbookError ? error.code : "network_error";
  const final = (text: string) => ({ code, text, retry: false });
  switch (code) {
    case "slot_full":
      return final(t.errFull);
    case "slot_unavailable":
      return final(t.errGone);
    case "validation_failed":
      return final(t.errFix);
    case "already_booked":
      return final(t.errAlready);
    case "origin_not_allowed":
      return final(t.errOrigin);
    case "not_found":
      return final(t.errNotFound);
    case "rate_limited":
      return { code, text: fill(t.errRate, { s: (error as SlotbookError).retryAfter ?? DEFAULT_WAIT }), retry: true };
    default:
      return { code, text: t.errNetwork, retry: true };
  }
}
