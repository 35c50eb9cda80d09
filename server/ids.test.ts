/** @module Ids: prefixed, URL-safe, accepted by the contract's id schemas, never repeated. */
import { describe, expect, expectTypeOf, it } from "vitest";
import { bookingIdSchema, slotIdSchema, widgetIdSchema } from "../sdk/schemas/common.js";
import { type IdPrefix, newId } from "./ids.js";

describe("newId", () => {
  it("is the prefix, an underscore and 22 URL-safe characters", () => {
    for (const prefix of ["wgt", "slot", "bkg", "key", "whk", "obx"] as const) {
      expect(newId(prefix)).toMatch(new RegExp(`^${prefix}_[A-Za-z0-9_-]{22}$`));
    }
  });

  it("passes the contract's id schemas", () => {
    for (let i = 0; i < 200; i++) {
      expect(widgetIdSchema.safeParse(newId("wgt")).success).toBe(true);
      expect(slotIdSchema.safeParse(newId("slot")).success).toBe(true);
      expect(bookingIdSchema.safeParse(newId("bkg")).success).toBe(true);
    }
  });

  it("does not repeat", () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newId("bkg")));
    expect(ids.size).toBe(10_000);
  });

  it("accepts only the known prefixes", () => {
    expectTypeOf(newId).parameter(0).toEqualTypeOf<IdPrefix>();
    // @ts-expect-error not a known prefix
    newId("usx");
  });
});
