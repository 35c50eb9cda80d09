/** @module Body size limits that answer `413 payload_too_large` as problem+json. */
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { ApiError } from "./api-error.js";
import type { AppEnv } from "./env.js";

/** 16 KiB on public routes: the largest legitimate booking (20 long answers and a long page URL) is about 2 KiB. */
export const PUBLIC_BODY_LIMIT = 16 * 1024;
/** 1 MiB on admin routes: 500 slots (the bulk maximum) with labels is about 80 KiB. */
export const ADMIN_BODY_LIMIT = 1024 * 1024;

/** Refuse bodies over `maxSize` bytes. */
export function limitBody(maxSize: number): MiddlewareHandler<AppEnv> {
  const size = maxSize >= 1024 * 1024 ? `${maxSize / 1024 / 1024} MiB` : `${maxSize / 1024} KiB`;
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError("payload_too_large", `The body is larger than ${size}`);
    },
  });
}
