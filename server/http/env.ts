/** @module The Hono environment type: what middleware leaves on the context for handlers. */
import type { Widget } from "../../sdk/index.js";

/** Context variables set by middleware. */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** The widget a public route is about, loaded once by the CORS middleware. */
    widget: Widget | undefined;
  };
}
