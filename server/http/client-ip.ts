/** @module The client's IP address: the socket's, or with TRUST_PROXY the one our proxy appended to X-Forwarded-For. */
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/** The client IP, or "unknown" when there is no socket (e.g. `app.request()` in tests). */
export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    // The right-most entry is the one our own proxy added; entries left of it are whatever the client sent.
    const forwarded = c.req.header("x-forwarded-for")?.split(",").at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}
