/**
 * @module One slot's dialog: when, label, booked seats; change its capacity or label (the server refuses a capacity
 * below the seats booked, and says so at the field); cancel it, telling its visitors, or delete it when nobody booked.
 */
import { Fragment, h } from "preact";
import { useState } from "preact/hooks";
import { SlotbookError } from "../../../sdk/errors/slotbook-error.js";
import type { AdminSlot } from "../../../sdk/schemas/slot-admin.js";
import { api, describeError, useAction } from "../../api.js";
import { Button } from "../../ui/button.js";
import { confirmAction, Modal } from "../../ui/dialog.js";
import { TextField } from "../../ui/field.js";
import { dayIn } from "./calendar-days.js";
import { dayLabel, timeRange } from "./slot-times.js";

/** "1 visitor", "3 visitors". */
const visitors = (n: number) => `${n} visitor${n === 1 ? "" : "s"}`;

/** What a slot's change did: the slot as it is now, or `undefined` when it was deleted. */
export type SlotChange = { id: string; slot: AdminSlot | undefined };

/** The dialog of `slot` (closed when undefined). */
export function SlotDialog({
  slot,
  timeZone,
  canEdit,
  onClose,
  onChanged,
}: {
  slot: AdminSlot | undefined;
  timeZone: string;
  canEdit: boolean;
  onClose: () => void;
  onChanged: (change: SlotChange) => void;
}) {
  return (
    <Modal open={slot !== undefined} title={slot ? slotTitle(slot, timeZone) : ""} onClose={onClose}>
      {slot && <SlotDetails key={slot.id} slot={slot} canEdit={canEdit} onClose={onClose} onChanged={onChanged} />}
    </Modal>
  );
}

/** "Monday, 23 March 2026, 10:00 – 11:00". */
export function slotTitle(slot: AdminSlot, timeZone: string): string {
  return `${dayLabel(dayIn(Date.parse(slot.startsAt), timeZone), "long")}, ${timeRange(slot.startsAt, slot.endsAt, timeZone)}`;
}

function SlotDetails({
  slot,
  canEdit,
  onClose,
  onChanged,
}: {
  slot: AdminSlot;
  canEdit: boolean;
  onClose: () => void;
  onChanged: (change: SlotChange) => void;
}) {
  const [capacity, setCapacity] = useState(String(slot.capacity));
  const [label, setLabel] = useState(slot.label ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const past = Date.parse(slot.startsAt) <= Date.now();
  const editable = canEdit && slot.status === "active" && !past;
  // Wrapped so a deleted slot (204, `undefined`) is told apart from a failure, which useAction has reported.
  // A slot that ever had a booking is kept as cancelled rather than deleted (its bookings point at it).
  const remove = useAction(async (id: string) => ({ slot: await api().slots.delete(id) }), {
    success: ({ slot: kept }) =>
      !kept
        ? "Slot deleted"
        : slot.booked > 0
          ? `Class cancelled; ${visitors(slot.booked)} ${slot.booked === 1 ? "is" : "are"} being told`
          : "Slot cancelled (kept in the calendar: it had bookings before)",
  });

  const save = async (event: Event) => {
    event.preventDefault();
    const seats = Number(capacity);
    if (!Number.isInteger(seats) || seats < 1)
      return setErrors({ capacity: "Enter a whole number of seats, at least 1" });
    setBusy(true);
    setErrors({});
    try {
      const patch = {
        ...(seats !== slot.capacity && { capacity: seats }),
        ...(label.trim() !== (slot.label ?? "") && { label: label.trim() || null }),
      };
      const updated = Object.keys(patch).length ? await api().slots.update(slot.id, patch) : slot;
      onChanged({ id: slot.id, slot: updated });
      onClose();
    } catch (error) {
      const byField: Record<string, string> = {};
      if (error instanceof SlotbookError)
        for (const issue of error.issues) byField[String(issue.path[0])] ??= issue.message;
      setErrors(Object.keys(byField).length ? byField : { form: describeError(error) });
    } finally {
      setBusy(false);
    }
  };

  const cancel = async () => {
    const { booked } = slot;
    const ok = await confirmAction(
      booked > 0
        ? {
            title: "Cancel this class?",
            body: (
              <>
                <p>
                  <strong>{visitors(booked)} will be told by email</strong> that the class is cancelled, with a link to
                  book another time.
                </p>
                <p>
                  Their bookings are cancelled and the slot stays in the calendar as cancelled. This cannot be undone.
                </p>
              </>
            ),
            confirmLabel: "Cancel class",
            cancelLabel: "Keep the class",
          }
        : {
            title: "Delete this slot?",
            body: <p>Nobody has booked it. It is removed from the calendar and from every widget at once.</p>,
            confirmLabel: "Delete slot",
            cancelLabel: "Keep it",
          },
    );
    if (!ok) return;
    const result = await remove.run(slot.id);
    if (!result) return;
    onChanged({ id: slot.id, slot: result.slot });
    onClose();
  };

  return (
    <div class="stack">
      <dl class="dl">
        <dt>Booked</dt>
        <dd>
          {slot.booked} of {slot.capacity} seats
        </dd>
        {slot.label && (
          <>
            <dt>Label</dt>
            <dd>{slot.label}</dd>
          </>
        )}
        <dt>Status</dt>
        <dd>{slot.status === "cancelled" ? "Cancelled" : past ? "Over" : "Open for booking"}</dd>
      </dl>
      {editable ? (
        <form class="stack" onSubmit={save} noValidate>
          {errors.form && (
            <p class="notice notice-error" role="alert">
              {errors.form}
            </p>
          )}
          <div class="form-grid">
            <TextField
              label="Capacity"
              type="number"
              min={Math.max(1, slot.booked)}
              max={10000}
              step={1}
              hint={slot.booked > 0 ? `At least ${slot.booked}: seats already booked.` : "Seats in the class."}
              value={capacity}
              error={errors.capacity}
              onValue={setCapacity}
            />
            <TextField
              label="Label"
              optional
              maxLength={80}
              hint="E.g. Beginners, shown with the time."
              value={label}
              error={errors.label}
              onValue={setLabel}
            />
          </div>
          <div class="form-actions slot-actions">
            <Button variant="danger" onClick={cancel} busy={remove.busy} class="slot-cancel">
              {slot.booked > 0 ? "Cancel class" : "Delete slot"}
            </Button>
            <Button variant="primary" type="submit" busy={busy}>
              Save
            </Button>
          </div>
        </form>
      ) : (
        <p class="muted">
          {!canEdit
            ? "Your role can look but not change slots."
            : slot.status === "cancelled"
              ? "This class was cancelled; its visitors were told."
              : "This class is over; it can no longer be changed."}
        </p>
      )}
    </div>
  );
}
