/** @module What `/healthz` and `/readyz` answer. */
import * as z from "zod/mini";

/** `GET /healthz`: the process is up. */
export const healthSchema = z.object({ status: z.literal("ok") });
/** `GET /readyz`: the database answered, and which one it is. */
export const readinessSchema = z.object({ status: z.literal("ready"), store: z.enum(["sqlite", "postgres"]) });
