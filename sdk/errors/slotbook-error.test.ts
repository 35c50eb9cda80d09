/** @module Tests of `SlotbookError` and its helpers: Retry-After parsing, fallback codes, problem bodies. */
import { describe, expect, it } from "vitest";
import { problemSchema } from "../schemas/problem.js";
import { codeForStatus, errorFromProblem, parseRetryAfter, SlotbookError } from "./slotbook-error.js";

const NOW = Date.parse("2026-10-21T07:28:00Z");
const where = { method: "post", url: "https://book.test/v1/admin/bookings?email=ada%40example.com" };

describe("parseRetryAfter", () => {
  it.each([
    ["120", 120],
    [" 0 ", 0],
    ["Wed, 21 Oct 2026 07:28:30 GMT", 30],
    ["Wednesday, 21-Oct-26 07:29:00 GMT", 60],
    ["Wed, 21 Oct 2026 07:00:00 GMT", 0], // in the past: retry now
    ["5.5", undefined], // Date.parse would read this as a date in 2001
    ["-3", undefined],
    ["soon", undefined],
    ["", undefined],
    [null, undefined],
  ])("%j → %j", (value, seconds) => {
    expect(parseRetryAfter(value, NOW)).toBe(seconds);
  });
});

describe("codeForStatus", () => {
  it.each([
    [400, "bad_request"],
    [401, "unauthorized"],
    [404, "not_found"],
    [408, "timeout"],
    [413, "payload_too_large"],
    [418, "bad_request"],
    [429, "rate_limited"],
    [500, "internal_error"],
    [502, "unavailable"],
    [503, "unavailable"],
    [504, "unavailable"],
    [507, "internal_error"],
  ])("%i → %s", (status, code) => {
    expect(codeForStatus(status)).toBe(code);
  });
});

describe("errorFromProblem", () => {
  it("takes code, title, detail, issues and requestId from a valid problem", () => {
    const body = {
      type: "https://slotbook.dev/errors/validation_failed",
      title: "Validation failed",
      status: 422,
      code: "validation_failed",
      detail: "Some fields need attention",
      issues: [{ path: ["email"], code: "invalid_format", message: "Enter a valid email address" }],
      requestId: "req_9",
    };
    for (const schema of [problemSchema, undefined]) {
      const error = errorFromProblem(422, body, new Headers(), where, undefined, schema);
      expect(error).toMatchObject({ status: 422, code: "validation_failed", detail: body.detail, issues: body.issues });
      expect(error.requestId).toBe("req_9");
    }
  });

  it("with the schema, a problem of the wrong shape falls back to the status; without, a known code is enough", () => {
    const body = { code: "slot_unavailable", title: "Slot is unavailable", status: 409 }; // no `type`
    expect(errorFromProblem(409, body, new Headers(), where, undefined, problemSchema).code).toBe("slot_full");
    expect(errorFromProblem(409, body, new Headers(), where).code).toBe("slot_unavailable");
    // Without the schema, fields of the wrong type fall back rather than reach the error as they are.
    const thin = errorFromProblem(404, { code: "not_found", detail: 3, issues: "x" }, new Headers(), where);
    expect(thin).toMatchObject({ code: "not_found", title: "Not found", detail: undefined, issues: [] });
    expect(thin.message).toContain("Not found (404 not_found)");
    // An unknown code, or one inherited from Object.prototype, is never taken as the server's word.
    for (const code of ["no_such_code", "constructor", "toString"]) {
      expect(errorFromProblem(500, { code, title: "x" }, new Headers(), where).code).toBe("internal_error");
    }
  });

  it("falls back to the status, and to X-Request-Id, for any other body", () => {
    const error = errorFromProblem(503, "<html>", new Headers({ "retry-after": "7", "x-request-id": "req_h" }), where);
    expect(error).toMatchObject({
      code: "unavailable",
      title: "Service unavailable",
      retryAfter: 7,
      requestId: "req_h",
    });
    expect(error.issues).toEqual([]);
  });
});

describe("SlotbookError", () => {
  it("is an Error named SlotbookError with method and URL, but not the query, in its message", () => {
    const cause = new Error("root");
    const error = new SlotbookError({ status: 0, code: "timeout", title: "Request timed out", ...where, cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("SlotbookError");
    expect(error.method).toBe("POST");
    expect(error.url).toBe(where.url);
    expect(error.cause).toBe(cause);
    expect(error.message).toBe("Request timed out (timeout): POST https://book.test/v1/admin/bookings");
  });
});
