/** @module Unit tests of the booking request schema's answers: keys, types and lengths of custom-field answers. */
import { describe, expect, it } from "vitest";
import { bookingRequestSchema, visitorFieldsSchema } from "./booking.js";

const base = { slotId: "slot_a", name: "Ada", email: "ada@example.com" };
const answers = (value: unknown) => bookingRequestSchema.safeParse({ ...base, answers: value });

describe("bookingRequestSchema answers", () => {
  it("takes text (trimmed) and checkbox answers by field key", () => {
    const parsed = answers({ level: "  b1 ", agree: true, goal_2: "" });
    expect(parsed.data?.answers).toEqual({ level: "b1", agree: true, goal_2: "" });
  });

  it("refuses keys that no field can have, naming the key", () => {
    const parsed = answers({ Level: "x", "1st": "y", ok: "z" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["answers.Level", "Not a field key"],
      ["answers.1st", "Not a field key"],
    ]);
  });

  it("refuses other types and answers over 2000 characters", () => {
    expect(answers({ level: 3 }).error?.issues[0]).toMatchObject({
      path: ["answers", "level"],
      message: "Use text or true/false",
    });
    expect(answers({ level: ["a"] }).success).toBe(false);
    expect(answers([]).success).toBe(false);
    const long = answers({ goal: "x".repeat(2001) });
    expect(long.error?.issues[0]).toMatchObject({ path: ["answers", "goal"], message: "At most 2000 characters" });
  });
});

describe("visitorFieldsSchema", () => {
  it("is the booking request's own check of every field the visitor types", () => {
    for (const key of Object.keys(visitorFieldsSchema.shape) as (keyof typeof visitorFieldsSchema.shape)[]) {
      expect(bookingRequestSchema.shape[key]).toBe(visitorFieldsSchema.shape[key]);
    }
    expect(Object.keys(visitorFieldsSchema.shape)).toEqual(["name", "email", "phone", "answers", "consent"]);
  });
});
