/** @module The Hono environment type: what middleware leaves on the context for handlers. */
import type { Widget } from "../../sdk/index.js";
import type { Principal } from "../domain/accounts.js";
import type { BookingRow } from "../store/types.js";

/** Context variables set by middleware. */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** The widget a public route is about, loaded once by `publicEdge` (undefined: unknown or paused). */
    widget: Widget | undefined;
    /** On manage routes, the booking the path names, loaded once with its widget (undefined: unknown). */
    booking: BookingRow | undefined;
    /** On admin routes, who the request comes from: an API key or a signed-in console user. */
    principal: Principal | undefined;
  };
}
