/** @module The bookings filters: URL → filters → URL, and filters → the API's query and the CSV link. */
import { describe, expect, it } from "vitest";
import { csvHref, filterErrors, filtersSearch, readFilters, startOfDay, toApiQuery } from "./filters.js";

describe("bookings filters", () => {
  it("reads what it writes, in a fixed order, and drops what is malformed", () => {
    const filters = readFilters(
      new URLSearchParams("status=cancelled&widget=wgt_1&slot=slot_2&email=%20Ada@Example.com%20&from=2026-12-01&to=x"),
    );
    expect(filters).toEqual({
      widgetId: "wgt_1",
      slotId: "slot_2",
      status: "cancelled",
      email: "Ada@Example.com",
      from: "2026-12-01",
    });
    expect(filtersSearch(filters)).toBe(
      "widget=wgt_1&slot=slot_2&status=cancelled&email=Ada%40Example.com&from=2026-12-01",
    );
    expect(readFilters(new URLSearchParams(filtersSearch(filters)))).toEqual(filters);
    expect(readFilters(new URLSearchParams("status=lost&slot=slot_2"))).toEqual({});
  });

  it("asks the API for whole local days, the last one included", () => {
    const query = toApiQuery({ widgetId: "wgt_1", email: "Ada@Example.com", from: "2026-12-01", to: "2026-12-07" });
    expect(query).toEqual({
      widgetId: "wgt_1",
      email: "ada@example.com",
      from: new Date(2026, 11, 1).toISOString(),
      to: new Date(2026, 11, 8).toISOString(),
    });
    expect(startOfDay("2026-12-31", 1)).toBe(new Date(2027, 0, 1).toISOString());
    expect(toApiQuery({})).toEqual({});
  });

  it("links the CSV of exactly the filter", () => {
    expect(csvHref({})).toBe("/v1/admin/bookings/export.csv");
    const href = new URL(csvHref({ status: "confirmed", from: "2026-12-01" }), "https://book.test");
    expect(href.pathname).toBe("/v1/admin/bookings/export.csv");
    expect(Object.fromEntries(href.searchParams)).toEqual({
      status: "confirmed",
      from: new Date(2026, 11, 1).toISOString(),
    });
  });

  it("says when the range ends before it starts", () => {
    expect(filterErrors({ from: "2026-12-02", to: "2026-12-01" })).toEqual({ to: "The last day is before the first" });
    expect(filterErrors({ from: "2026-12-01", to: "2026-12-01" })).toEqual({});
  });
});
