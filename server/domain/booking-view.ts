/** @module How a booking row becomes what each reader sees, and how its personal data is sealed and opened. */
import type { AdminBooking, Booking, BookingContext } from "../../sdk/index.js";
import { decrypt, encrypt, type KeyRing } from "../crypto/index.js";
import type { BookingRow, SlotRow } from "../store/types.js";

/** The personal data of a booking, stored only encrypted. */
export interface PersonalData {
  name: string;
  email: string;
  phone?: string;
  answers?: Record<string, string | boolean>;
  consent?: boolean;
  /** The consent text the visitor agreed to, as the widget showed it then (the widget's text may change later). */
  consentText?: string;
  timezone?: string;
  locale?: string;
  context?: BookingContext;
}

/** Encrypt personal data; the booking id is the additional data, so an envelope cannot be moved to another booking. */
export function sealPersonalData(keys: KeyRing, bookingId: string, data: PersonalData): string {
  return encrypt(keys, JSON.stringify(data), bookingId);
}

/** Decrypt what `sealPersonalData` wrote. */
export function openPersonalData(keys: KeyRing, row: BookingRow): PersonalData | undefined {
  return row.pii ? (JSON.parse(decrypt(keys, row.pii, row.id)) as PersonalData) : undefined;
}

/** The booking as its owner sees it: no personal data. */
export function toBooking(row: BookingRow, slot: Pick<SlotRow, "id" | "startsAt" | "endsAt">): Booking {
  return {
    id: row.id,
    widgetId: row.widgetId,
    status: row.status,
    slot: { id: slot.id, startsAt: slot.startsAt, endsAt: slot.endsAt },
    createdAt: row.createdAt,
    ...(row.cancelledAt ? { cancelledAt: row.cancelledAt } : {}),
    ...(row.cancelReason ? { cancelReason: row.cancelReason } : {}),
  };
}

/** The booking as the admin sees it: decrypted personal data, none once erased. */
export function toAdminBooking(
  keys: KeyRing,
  row: BookingRow,
  slot: Pick<SlotRow, "id" | "startsAt" | "endsAt">,
): AdminBooking {
  return {
    ...toBooking(row, slot),
    ...openPersonalData(keys, row),
    updatedAt: row.updatedAt,
    ...(row.erasedAt ? { erasedAt: row.erasedAt } : {}),
    ...(row.attendance ? { attendance: row.attendance } : {}),
  };
}
