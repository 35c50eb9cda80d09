/** @module Body size limits that answer `413 payload_too_large` as problem+json, and closing sockets left with a body unread. */
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
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

/** Refuse bodies over `maxSize` bytes; the rest of the body is never read, so the connection is closed. */
export function limitBody(maxSize: number): MiddlewareHandler<AppEnv> {
  const size = maxSize >= 1024 * 1024 ? `${maxSize / 1024 / 1024} MiB` : `${maxSize / 1024} KiB`;
  return bodyLimit({
    maxSize,
    onError: (c) => {
      c.header("connection", "close");
      throw new DomainError("payload_too_large", `The body is larger than ${size}`);
    },
  });
}

/**
 * `Connection: close` on any answer to a request whose body nobody started reading (a 404, 401, 403, 415 or 429
 * decided before the body), for the same reason as the 413. A body read in part is the 413's case, handled above.
 */
export function closeIfBodyUnread(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // The request as it arrived: bodyLimit swaps in a buffered copy, and reading that one reads nothing off the socket.
    const arrived = c.req.raw;
    await next();
    const declared = arrived.headers.has("transfer-encoding") || Number(arrived.headers.get("content-length")) > 0;
    if (declared && !arrived.bodyUsed) c.res.headers.set("connection", "close");
  };
}
