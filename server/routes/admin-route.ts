/**
 * @module What every admin route repeats, written once: its description under Admin, the key or session check with
 * the role a change needs, the body limit.
 */
import { adminAuth } from "../http/admin-auth.js";
import { ADMIN_BODY_LIMIT, limitBody } from "../http/body-limit.js";
import { describe, type RouteDoc } from "../openapi/route-doc.js";
import type { RouteContext } from "./context.js";

/** An admin route's description; 401 `unauthorized` is added to its errors. */
export type AdminRouteDoc = Omit<RouteDoc, "tag" | "auth">;

/**
 * The first handlers of an admin route: `describe(…)`, then the key or session (and, for a change, the role: `doc.role`,
 * default editor), then the 1 MiB body limit.
 * @example app.get("/v1/admin/widgets", ...admin({ summary, response, errors: [] }), async (c) => …)
 */
export function adminRoute({ deps, adminKeyHash, cookie }: Pick<RouteContext, "deps" | "adminKeyHash" | "cookie">) {
  const auth = { editor: adminAuth(deps, adminKeyHash, cookie), owner: adminAuth(deps, adminKeyHash, cookie, "owner") };
  const limit = limitBody(ADMIN_BODY_LIMIT);
  return (doc: AdminRouteDoc) =>
    [
      describe({ ...doc, tag: "Admin", auth: "admin", errors: ["unauthorized", "forbidden", ...doc.errors] }),
      auth[doc.role ?? "editor"],
      limit,
    ] as const;
}
