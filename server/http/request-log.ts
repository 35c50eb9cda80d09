/** @module One structured log line per request: method, route pattern, status, duration, request id. Never personal data. */
import type { Context } from "hono";
import { matchedRoutes } from "hono/route";
import type { AppEnv } from "./env.js";

/** Where log lines go: one JSON object each. */
export type LogFn = (line: Record<string, unknown>) => void;

/**
 * A `LogFn` writing JSON lines with `write`, the lines of one event-loop turn in one call: under load one write (one
 * system call on stdout) carries the lines of many requests rather than one each. What is left is written when the
 * process exits.
 */
export function jsonLines(write: (text: string) => void): LogFn {
  let pending: string[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const text = pending.join("");
    pending = [];
    write(text);
  };
  process.once("exit", flush);
  return (line) => {
    if (pending.length === 0) setImmediate(flush);
    pending.push(`${JSON.stringify({ time: new Date().toISOString(), level: "info", ...line })}\n`);
  };
}

/** JSON lines on stdout. */
export const stdoutLog: LogFn = jsonLines((text) => process.stdout.write(text));

/**
 * Logs a request once it is answered (`start`: `performance.now()` when it arrived); the route is the pattern
 * (`/v1/bookings/:bookingId`), not the URL, so no query string or token is ever logged.
 */
export function logRequest(log: LogFn, c: Context<AppEnv>, start: number): void {
  log({
    msg: "request",
    method: c.req.method,
    route: routePattern(c),
    status: c.res.status,
    ms: Math.round((performance.now() - start) * 100) / 100,
    requestId: c.get("requestId"),
  });
}

/** The pattern of the route that answered (`/v1/bookings/:bookingId`); middleware and the catch-all are `ALL` routes. */
export function routePattern(c: Context): string {
  const route = matchedRoutes(c).findLast((r) => r.method !== "ALL");
  return route?.path ?? "(no route)";
}
