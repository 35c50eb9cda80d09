/**
 * @module The widget's flow as a state machine: each step's type carries exactly the data it has, and every event is
 * a pure function from one state to the next; `BookingApp` runs the effects (API calls, events, focus) and applies
 * them. An event that does not apply to the current step (a late click, an answer after the visitor moved on) leaves
 * the state as it is. Transitions spread the step they leave and set every field of the step they enter: flat
 * objects cost the embed script ~80 bytes gzipped less than a nested session, and a field an earlier step left
 * behind (a cancelled booking's `result` after "Book another time") is one no type lets the new step read.
 */
import type { BookingCreated } from "../../sdk/schemas/booking.js";
import type { Slot } from "../../sdk/schemas/slot.js";
import type { PublicWidget } from "../../sdk/schemas/widget.js";
import type { FieldErrors, FormValues } from "../booking-request.js";
import type { NoticeState } from "../components/notice.js";
import { firstOpenDay, groupByDay } from "../format-slot-time.js";
import { en, type Messages } from "../i18n/en.js";

/** What the widget holds from the moment its config has loaded, kept from step to step. */
export interface Session {
  widget: PublicWidget;
  slots: Slot[];
  t: Messages;
  /** The tag dates are formatted with. */
  locale: string;
  /** The day the picker shows. */
  dayKey: string | undefined;
  /** What the visitor has typed: kept when they go back for another time, or book again. */
  values: FormValues;
  errors: FieldErrors;
}

/** Config and slots on their way; until the widget's language is known, it speaks English. */
export interface LoadingStep {
  step: "loading";
  t: Messages;
}
/** They could not load: a notice in the page's language, with a retry when one can help. */
export interface FailedStep {
  step: "failed";
  t: Messages;
  notice: NoticeState;
}
/** Step one: a day and a time. */
export interface PickStep extends Session {
  step: "pick";
  /** The time chosen, if any: "Continue" needs one. */
  slot?: Slot | undefined;
  notice?: NoticeState | undefined;
}
/** Step two: the form, for a chosen time; `busy` while it is being sent. */
export interface FormStep extends Session {
  step: "form";
  slot: Slot;
  busy?: boolean;
  notice?: NoticeState | undefined;
}
/** Step three: booked; `busy` while a cancel is being sent. */
export interface DoneStep extends Session {
  step: "done";
  result: BookingCreated;
  busy?: boolean;
  notice?: NoticeState | undefined;
}
/** The booking was cancelled; it is still shown, with a way to book another time. */
export interface CancelledStep extends Session {
  step: "cancelled";
  result: BookingCreated;
}

/** Where the visitor is. */
export type Flow = LoadingStep | FailedStep | PickStep | FormStep | DoneStep | CancelledStep;

/** Checks `values` as the form step would send them (booking-request.ts): `errors` by field, none when valid. */
export type CheckForm = (form: FormStep, values: FormValues) => { errors: FieldErrors };

/** The first state, and the state while a retry loads again. */
export const LOADING: LoadingStep = { step: "loading", t: en };

/** Config, slots and catalogue arrived: the picker opens on the first day with a free seat. */
export function loaded(data: Omit<Session, "dayKey" | "errors">, timeZone: string): PickStep {
  return {
    step: "pick",
    ...data,
    dayKey: firstOpenDay(data.slots, timeZone),
    errors: {},
  };
}

/** Loading failed. */
export function loadFailed(t: Messages, notice: NoticeState): FailedStep {
  return { step: "failed", t, notice };
}

/** A day was chosen: its times show, none chosen yet. */
export function chooseDay(flow: Flow, dayKey: string): Flow {
  return flow.step === "pick" ? { ...flow, slot: undefined, dayKey } : flow;
}

/** A time was chosen. */
export function chooseSlot(flow: Flow, slot: Slot): Flow {
  return flow.step === "pick" ? { ...flow, slot } : flow;
}

/** "Continue": on to the form for the chosen time. */
export function toForm(flow: Flow): Flow {
  return flow.step === "pick" && flow.slot
    ? { ...flow, step: "form", slot: flow.slot, busy: false, notice: undefined }
    : flow;
}

/** "Change": back to the picker with the time still chosen. Not while the form is being sent: its answer decides. */
export function toPick(flow: Flow): Flow {
  return flow.step === "form" && !flow.busy ? { ...flow, step: "pick" } : flow;
}

/**
 * The visitor typed into a field (`show` false) or left it holding a value (`show` true). An error already shown
 * follows the value (gone as soon as it is valid); a new one appears only when `show`, never while the visitor is
 * still typing into a field without one.
 */
export function edited(flow: Flow, field: string, show: boolean, values: FormValues, check: CheckForm): Flow {
  if (flow.step !== "form") return flow;
  if (!show && !flow.errors[field]) return { ...flow, values };
  const errors = { ...flow.errors };
  const error = check(flow, values).errors[field];
  if (error) errors[field] = error;
  else delete errors[field];
  // "Please check the highlighted fields" goes once nothing is highlighted any more.
  const fixed = flow.notice?.text === flow.t.errFix && !Object.keys(errors)[0];
  return { ...flow, values, errors, notice: fixed ? undefined : flow.notice };
}

/** A booking or cancel call starts: its earlier notice goes, and a valid form has no errors left to show. */
export function working(flow: Flow): Flow {
  return flow.step === "form" || flow.step === "done" ? { ...flow, busy: true, notice: undefined, errors: {} } : flow;
}

/** The form, or the cancel, did not go through: say why; the form's own errors come with a failed check. */
export function refused(flow: Flow, notice: NoticeState, errors?: FieldErrors): Flow {
  return flow.step === "form" || flow.step === "done"
    ? { ...flow, busy: false, notice, errors: errors ?? flow.errors }
    : flow;
}

/** The time was taken meanwhile: back to the picker, with the notice, the form's values kept. */
export function slotLost(flow: Flow, notice: NoticeState): Flow {
  return flow.step === "form" ? { ...flow, step: "pick", slot: undefined, notice } : flow;
}

/** Fresh slots: the day shown stays while it has a free seat, else the first day that has one is shown. */
export function slotsLoaded(flow: Flow, slots: Slot[], timeZone: string): Flow {
  if (!("widget" in flow)) return flow;
  const { dayKey } = flow;
  const open = groupByDay(slots, timeZone).some((d) => d.key === dayKey && d.slots.some((s) => s.remaining > 0));
  return { ...flow, slots, dayKey: open ? dayKey : firstOpenDay(slots, timeZone) };
}

/** The server confirmed the booking. */
export function booked(flow: Flow, result: BookingCreated): Flow {
  return flow.step === "form" ? { ...flow, step: "done", result, busy: false, notice: undefined } : flow;
}

/** The booking is cancelled. */
export function cancelled(flow: Flow): Flow {
  return flow.step === "done" ? { ...flow, step: "cancelled" } : flow;
}

/** "Book another time" after cancelling: the picker again, no time chosen. */
export function again(flow: Flow): Flow {
  return flow.step === "cancelled" ? { ...flow, step: "pick", slot: undefined, notice: undefined } : flow;
}

/** What the live region says for a step: the sending, the booking, the cancellation; nothing otherwise. */
export function statusOf(flow: Flow): string {
  if (!("widget" in flow)) return "";
  const { t } = flow;
  return flow.step === "done"
    ? t.booked
    : flow.step === "cancelled"
      ? t.cancelled
      : flow.step === "form" && flow.busy
        ? t.submitting
        : "";
}
