/** @module A booking's status and attendance as badges, in words a marketer uses. */
import { h } from "preact";
import type { AdminBooking } from "../../../sdk/schemas/booking-admin.js";
import { Badge } from "../../ui/notice.js";

const CANCELLED_BY: Record<string, string> = {
  visitor: "by the visitor",
  admin: "by your team",
  slot_cancelled: "with the class",
};

/** "Confirmed", "Cancelled by the visitor", "Erased", and "Attended" / "No-show" once marked. */
export function BookingStatus({ booking }: { booking: AdminBooking }) {
  const status =
    booking.status === "confirmed" ? (
      <Badge tone="good">Confirmed</Badge>
    ) : booking.status === "cancelled" ? (
      <Badge tone="muted">Cancelled{booking.cancelReason ? ` ${CANCELLED_BY[booking.cancelReason] ?? ""}` : ""}</Badge>
    ) : (
      <Badge tone="bad">Erased</Badge>
    );
  return (
    <span class="row badges">
      {status}
      {booking.attendance === "attended" && <Badge tone="info">Attended</Badge>}
      {booking.attendance === "no_show" && <Badge tone="warn">No-show</Badge>}
    </span>
  );
}

/** The visitor's name, or what stands for it once erased. */
export function visitorName(booking: AdminBooking): string {
  return booking.name ?? (booking.status === "erased" ? "Erased visitor" : "No name");
}

/** The first name, for sentences like "Ada will be told by email". */
export function firstName(booking: AdminBooking): string {
  return booking.name?.trim().split(/\s+/)[0] || "The visitor";
}
