/** @module What the widget takes from the host page. */
import { describe, expect, it } from "vitest";
import { bookingContextSchema } from "../sdk/schemas/booking.js";
import { bookingContext, prefillFromQuery } from "./page-context.js";

describe("page context", () => {
  it("reads utm_* and drops the personal prefill parameters from the page URL", () => {
    const href = "https://school.example/p?utm_source=news&utm_medium=email&utm_term=yoga&name=Ada&email=a%40b.co&x=1";
    const context = bookingContext(href, "https://search.example/");
    expect(context).toEqual({
      pageUrl: "https://school.example/p?utm_source=news&utm_medium=email&utm_term=yoga&x=1",
      referrer: "https://search.example/",
      utm: { source: "news", medium: "email", term: "yoga" },
    });
    expect(bookingContextSchema.safeParse(context).success).toBe(true);
  });

  it("cuts a URL longer than the contract allows instead of failing the booking", () => {
    const context = bookingContext(`https://school.example/?q=${"x".repeat(3000)}`, "");
    expect(context.pageUrl).toHaveLength(2000);
    expect(context).not.toHaveProperty("referrer");
    expect(bookingContextSchema.safeParse(context).success).toBe(true);
  });

  it("prefills from ?name=&email=&phone=", () => {
    expect(prefillFromQuery("https://a.example/?name=Ada%20L&email=ada%40example.com&phone=")).toEqual({
      name: "Ada L",
      email: "ada@example.com",
    });
  });
});
