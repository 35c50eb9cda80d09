/** @module What every admin route repeats, written once: its description under Admin, the key check, the body limit. */
import { adminAuth } from "../http/admin-auth.js";
import { ADMIN_BODY_LIMIT, limitBody } from "../http/body-limit.js";
import { describe, type RouteDoc } from "../openapi/route-doc.js";
import type { RouteContext } from "./context.js";

/** An admin route's description; 401 `unauthorized` is added to its errors. */
export type AdminRouteDoc = Omit<RouteDoc, "tag" | "auth">;

/**
 * The first handlers of an admin route: `describe(…)`, then `Authorization: Bearer sk_…`, then the 1 MiB body limit.
 * @example app.get("/v1/admin/widgets", ...admin({ summary, response, errors: [] }), async (c) => …)
 */
export function adminRoute({ deps, adminKeyHash }: Pick<RouteContext, "deps" | "adminKeyHash">) {
  const auth = adminAuth(deps, adminKeyHash);
  const limit = limitBody(ADMIN_BODY_LIMIT);
  return (doc: AdminRouteDoc) =>
    [describe({ ...doc, tag: "Admin", auth: "admin", errors: ["unauthorized", ...doc.errors] }), auth, limit] as const;
}
