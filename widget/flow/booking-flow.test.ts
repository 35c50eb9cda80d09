// @vitest-environment node
/** @module The flow's transitions as plain functions: no DOM, no API, one event at a time. */
import { describe, expect, it } from "vitest";
import type { FieldErrors, FormValues } from "../booking-request.js";
import { en } from "../i18n/en.js";
import { created, demoSlots, demoWidget } from "../test/fake-api.test.helper.js";
import {
  again,
  booked,
  type CheckForm,
  cancelled,
  chooseDay,
  chooseSlot,
  edited,
  type Flow,
  LOADING,
  loaded,
  loadFailed,
  refused,
  slotLost,
  slotsLoaded,
  statusOf,
  toForm,
  toPick,
  working,
} from "./booking-flow.js";

const ZONE = "Europe/Berlin";
const EMPTY: FormValues = { name: "", email: "", phone: "", answers: {}, consent: false, hp: "" };
const issue = (field: string) => ({ path: [field], code: "too_small", message: `${field} is wrong` });
/** A check that finds the name missing while it is empty, and nothing else. */
const check: CheckForm = (_, values) => {
  const errors: FieldErrors = {};
  if (!values.name) errors.name = issue("name");
  return { errors };
};

function picked(): Flow {
  return loaded({ widget: demoWidget(), slots: demoSlots(), t: en, locale: "en", values: EMPTY }, ZONE);
}
/** On the form for slot_c (2 Dec, 14:00 Berlin). */
function onForm(): Flow {
  return toForm(chooseSlot(picked(), demoSlots()[2]!));
}
function stepOf(flow: Flow) {
  return flow.step;
}

describe("picking", () => {
  it("opens on the first day with a free seat, nothing chosen", () => {
    const flow = picked();
    expect(flow).toMatchObject({ step: "pick", dayKey: "2026-12-02", errors: {} });
    expect(flow.step === "pick" && flow.slot).toBeUndefined();
  });

  it("goes on only with a time, and a new day drops the time", () => {
    expect(toForm(picked())).toEqual(picked());
    const chosen = chooseSlot(picked(), demoSlots()[2]!);
    expect(chooseDay(chosen, "2026-12-03")).toMatchObject({ dayKey: "2026-12-03", slot: undefined });
    expect(toForm(chosen)).toMatchObject({ step: "form", slot: { id: "slot_c" }, busy: false, notice: undefined });
  });

  it("keeps the day after a reload while it has a free seat, else moves to the first that has one", () => {
    const flow = chooseDay(picked(), "2026-12-03");
    expect(slotsLoaded(flow, demoSlots(), ZONE)).toMatchObject({ dayKey: "2026-12-03" });
    const full = demoSlots().map((s) => (s.id === "slot_e" ? { ...s, remaining: 0 } : s));
    expect(slotsLoaded(flow, full, ZONE)).toMatchObject({ dayKey: "2026-12-02", slots: full });
    expect(slotsLoaded(LOADING, full, ZONE)).toBe(LOADING);
  });
});

describe("the form", () => {
  it("shows a new error only when a field is left, and lets a shown one follow the value", () => {
    const typing = edited(onForm(), "name", false, EMPTY, check);
    expect(typing).toMatchObject({ errors: {} });
    const left = edited(typing, "name", true, EMPTY, check);
    expect(left).toMatchObject({ errors: { name: issue("name") } });
    const fixed = edited(left, "name", false, { ...EMPTY, name: "Ada" }, check);
    expect(fixed).toMatchObject({ errors: {}, values: { name: "Ada" } });
  });

  it("drops 'check the highlighted fields' once nothing is highlighted, and keeps other notices", () => {
    const rejected = refused(onForm(), { text: en.errFix }, { name: issue("name") });
    expect(rejected).toMatchObject({ notice: { text: en.errFix }, errors: { name: issue("name") } });
    expect(edited(rejected, "name", false, { ...EMPTY, name: "A" }, check)).toMatchObject({ notice: undefined });
    const other = refused(rejected, { text: en.errNetwork });
    expect(edited(other, "name", false, { ...EMPTY, name: "A" }, check)).toMatchObject({
      notice: { text: en.errNetwork },
    });
  });

  it("is busy while it is sent, cannot be left meanwhile, and says so in the live region", () => {
    const sending = working(refused(onForm(), { text: en.errFix }, { name: issue("name") }));
    expect(sending).toMatchObject({ busy: true, notice: undefined, errors: {} });
    expect(statusOf(sending)).toBe(en.submitting);
    expect(toPick(sending)).toBe(sending);
    expect(stepOf(toPick(refused(sending, { text: en.errNetwork })))).toBe("pick");
  });

  it("goes back to the picker with the time still chosen and the values kept", () => {
    const back = toPick(edited(onForm(), "email", false, { ...EMPTY, email: "ada@" }, check));
    expect(back).toMatchObject({ step: "pick", slot: { id: "slot_c" }, values: { email: "ada@" } });
  });

  it("goes back to the picker when the time was taken, with the notice and the values", () => {
    const typed = edited(onForm(), "name", false, { ...EMPTY, name: "Ada" }, check);
    const lost = slotLost(working(typed), { text: en.errFull });
    expect(lost).toMatchObject({ step: "pick", slot: undefined, notice: { text: en.errFull } });
    expect(lost).toMatchObject({ values: { name: "Ada" } });
    expect(statusOf(lost)).toBe("");
  });
});

describe("booked and cancelled", () => {
  const result = created(demoSlots()[2]!);

  it("confirms, cancels, and starts again on the picker with nothing chosen", () => {
    const done = booked(working(onForm()), result);
    expect(done).toMatchObject({ step: "done", result, busy: false, notice: undefined });
    expect(statusOf(done)).toBe(en.booked);
    const failed = refused(working(done), { text: en.errNetwork });
    expect(failed).toMatchObject({ step: "done", busy: false, notice: { text: en.errNetwork } });
    const gone = cancelled(working(failed));
    expect(gone).toMatchObject({ step: "cancelled", result });
    expect(statusOf(gone)).toBe(en.cancelled);
    const next = again(gone);
    expect(next).toMatchObject({ step: "pick", slot: undefined, notice: undefined });
    // The cancel's busy state must not follow the visitor into the next form.
    expect(toForm(chooseSlot(next, demoSlots()[3]!))).toMatchObject({ step: "form", busy: false });
  });
});

describe("loading", () => {
  it("fails with a notice in the page's language, and speaks English until it knows better", () => {
    expect(LOADING.t).toBe(en);
    const notice = { text: en.errNetwork };
    expect(loadFailed(en, notice)).toEqual({ step: "failed", t: en, notice });
    expect(statusOf(loadFailed(en, notice))).toBe("");
  });
});

describe("an event that does not apply to the step", () => {
  it.each<[string, (flow: Flow) => Flow]>([
    ["chooseDay", (f) => chooseDay(f, "2026-12-03")],
    ["chooseSlot", (f) => chooseSlot(f, demoSlots()[2]!)],
    ["toForm", toForm],
    ["toPick", toPick],
    ["edited", (f) => edited(f, "name", true, EMPTY, check)],
    ["working", working],
    ["refused", (f) => refused(f, { text: en.errNetwork })],
    ["slotLost", (f) => slotLost(f, { text: en.errFull })],
    ["booked", (f) => booked(f, created(demoSlots()[2]!))],
    ["cancelled", cancelled],
    ["again", again],
  ])("%s leaves a state it does not apply to as it is", (_, event) => {
    const notFor: Flow[] = [LOADING, loadFailed(en, { text: en.errNetwork })];
    for (const flow of notFor) expect(event(flow)).toBe(flow);
    // Each event applies to one or two steps: none applies everywhere.
    const steps = [picked(), onForm(), booked(onForm(), created(demoSlots()[2]!))];
    expect(steps.some((flow) => event(flow) === flow)).toBe(true);
  });
});
