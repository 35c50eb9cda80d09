/** @module A new booking's row: its id, blind index, token hash and sealed personal data, and its manage link. */
import type { ParsedBookingRequest, Widget } from "../../sdk/index.js";
import { blindIndex, hashToken, newToken } from "../crypto/index.js";
import { newId } from "../ids.js";
import type { BookingRow } from "../store/types.js";
import { type PersonalData, sealPersonalData } from "./booking-view.js";
import type { Deps } from "./deps.js";

/** The manage link put in confirmations, emails and the manage page itself; `publicUrl` without a trailing slash. */
export function manageUrl(publicUrl: string, bookingId: string, token: string): string {
  return `${publicUrl}/manage/${bookingId}?token=${encodeURIComponent(token)}`;
}

/** A confirmed booking's row for the checked `request`, its personal data sealed, and the manage token it hashes. */
export function newBookingRow(
  deps: Deps,
  widget: Widget,
  slotId: string,
  request: ParsedBookingRequest,
  now: string,
): { row: BookingRow; token: string; personal: PersonalData } {
  const token = newToken();
  const { slotId: _slot, hp: _hp, ...given } = request;
  // The words agreed to are kept with the agreement: the widget's consent text may be reworded later.
  const personal: PersonalData =
    given.consent && widget.consent ? { ...given, consentText: widget.consent.text } : given;
  const row: BookingRow = {
    id: newId("bkg"),
    widgetId: widget.id,
    slotId,
    status: "confirmed",
    emailIndex: blindIndex(deps.keys, request.email),
    pii: "",
    tokenHash: hashToken(token),
    createdAt: now,
    updatedAt: now,
    cancelledAt: null,
    cancelReason: null,
    erasedAt: null,
    // In clear for the funnel's per-source counts: a campaign's name, not the visitor's.
    source: request.context?.utm?.source || null,
    attendance: null,
  };
  row.pii = sealPersonalData(deps.keys, row.id, personal);
  return { row, token, personal };
}
