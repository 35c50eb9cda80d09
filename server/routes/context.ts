/** @module What route modules receive: the route table, the domain's dependencies, and the app's options. */
import type { Deps } from "../domain/deps.js";
import type { LogFn } from "../http/request-log.js";
import type { RouteTable } from "../http/route-table.js";

/** Shared by every route module. */
export interface RouteContext {
  table: RouteTable;
  deps: Deps;
  log: LogFn;
  rateLimitPerMinute: number;
  trustProxy: boolean;
  /** SHA-256 of SLOTBOOK_ADMIN_KEY, when set. */
  adminKeyHash: string | undefined;
  /** Path of the built widget script. */
  widgetScriptPath: string;
}
