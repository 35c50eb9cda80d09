/** @module checkBookingForWidget: the form checks that need the widget's config, shared by widget and server. */
import { describe, expect, it } from "vitest";
import { BOOKING_RULE_MESSAGES, checkBookingForWidget } from "./booking-rules.js";

type Field = Parameters<typeof checkBookingForWidget>[0]["fields"][number];
const widget = (fields: Field[]) => ({ phone: "optional" as const, fields });

describe("checkBookingForWidget", () => {
  it("treats a field keyed like an Object.prototype member as empty when it has no answer", () => {
    const optional = widget([{ key: "constructor", label: "Who", type: "text", required: false }]);
    expect(checkBookingForWidget(optional, {})).toEqual([]);
    expect(checkBookingForWidget(optional, { answers: {} })).toEqual([]);
    const required = widget([{ key: "constructor", label: "Who", type: "text", required: true }]);
    expect(checkBookingForWidget(required, { answers: {} })).toEqual([
      { path: ["answers", "constructor"], code: "too_small", message: BOOKING_RULE_MESSAGES.fieldRequired },
    ]);
    expect(checkBookingForWidget(required, { answers: { constructor: "Ada" } })).toEqual([]);
  });

  it("flags missing required answers, wrong types, unknown options and unknown keys", () => {
    const form = widget([
      { key: "level", label: "Level", type: "select", required: true, options: ["a1", "a2"] },
      { key: "agree", label: "Agree", type: "checkbox", required: false },
    ]);
    const issues = checkBookingForWidget(form, { answers: { level: "c2", agree: "yes", extra: "x" } });
    expect(issues.map((i) => [i.path.join("."), i.code])).toEqual([
      ["answers.extra", "unrecognized_keys"],
      ["answers.level", "invalid_value"],
      ["answers.agree", "invalid_type"],
    ]);
    expect(checkBookingForWidget(form, { answers: {} }).map((i) => i.path.join("."))).toEqual(["answers.level"]);
  });
});
