/** @module Body size limits that answer `413 payload_too_large` as problem+json, and closing sockets left with a body unread. */
import type { Context, MiddlewareHandler } from "hono";
import { DomainError } from "../domain/domain-error.js";
import type { AppEnv } from "./env.js";

/** 16 KiB on public routes: the largest legitimate booking (20 long answers and a long page URL) is about 2 KiB. */
export const PUBLIC_BODY_LIMIT = 16 * 1024;
/** 1 MiB on admin routes: 500 slots (the bulk maximum) with labels is about 80 KiB. */
export const ADMIN_BODY_LIMIT = 1024 * 1024;

/**
 * Why a response to an unread body closes the connection: the rest of the body is still on the socket, and Node's
 * adapter drains it for at most 500 ms before cutting the socket, so a keep-alive client that sends its next request
 * there sees "other side closed" (or, worse, its request read as the old body). `Connection: close` makes the client
 * open a fresh connection instead.
 */

/**
 * Refuse bodies over `maxSize` bytes; the rest of the body is never read, so the connection is closed. A declared
 * length is checked without reading (the body is then read once, by whoever parses it, straight off the socket); a
 * chunked body is read here up to the limit and kept as the request's text, with no copy of the `Request`.
 */
export function limitBody(maxSize: number): MiddlewareHandler<AppEnv> {
  const size = maxSize >= 1024 * 1024 ? `${maxSize / 1024 / 1024} MiB` : `${maxSize / 1024} KiB`;
  const refuse = (c: Context): never => {
    c.header("connection", "close");
    throw new DomainError("payload_too_large", `The body is larger than ${size}`);
  };
  return async (c, next) => {
    const raw = c.req.raw;
    const headers = raw.headers;
    if (!headers.has("transfer-encoding") && headers.has("content-length")) {
      if (Number.parseInt(headers.get("content-length") || "0", 10) > maxSize) refuse(c);
      return next();
    }
    if (!raw.body) return next();
    const reader = raw.body.getReader();
    const chunks: Uint8Array[] = [];
    let length = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      length += value.length;
      if (length > maxSize) refuse(c);
      chunks.push(value);
    }
    const text = Buffer.concat(chunks, length).toString("utf8");
    // Hono reads `text()`, `json()` and the other forms from this cache before the request's own body.
    (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(text);
    return next();
  };
}

/**
 * Whether `arrived` (the request as it arrived: bodyLimit swaps in a buffered copy, and reading that one reads
 * nothing off the socket) declared a body nobody started reading: its answer (a 404, 401, 403, 415 or 429 decided
 * before the body) then closes the connection, for the same reason as the 413. A body read in part is the 413's
 * case, handled above.
 */
export function bodyLeftUnread(arrived: Request): boolean {
  const declared = arrived.headers.has("transfer-encoding") || Number(arrived.headers.get("content-length")) > 0;
  return declared && !arrived.bodyUsed;
}
