/** @module Health, API description, the widget script, and the server's own pages (demo, docs, manage). */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Context } from "hono";
import type { Booking } from "../../sdk/index.js";
import { cancelOwnBooking, getOwnBooking } from "../domain/booking-manage.js";
import { getWidget } from "../domain/widgets.js";
import { ApiError } from "../http/api-error.js";
import type { AppEnv } from "../http/env.js";
import { buildOpenApi } from "../openapi/build-document.js";
import { demoPage } from "../pages/demo-page.js";
import { docsPage } from "../pages/docs-page.js";
import { managePage } from "../pages/manage-page.js";
import { StoreUnavailableError } from "../store/types.js";
import type { RouteContext } from "./context.js";

/** What the manage page shows if the widget is gone. */
const FALLBACK_WIDGET = { title: "Your booking", timezone: "UTC", locale: "en" };

const PLACEHOLDER = `console.warn("Slotbook: the widget is not built yet. Run \\"npm run build\\" and reload.");\n`;

/** Reads a built widget file once per change, with an ETag of its content; undefined when it is not built. */
function widgetFiles(dir: string) {
  const cache = new Map<string, { mtimeMs: number; body: string; etag: string }>();
  return async (name: string) => {
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (!info) return undefined;
    let cached = cache.get(name);
    if (cached?.mtimeMs !== info.mtimeMs) {
      const body = await readFile(path, "utf8");
      cached = {
        mtimeMs: info.mtimeMs,
        body,
        etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`,
      };
      cache.set(name, cached);
    }
    return cached;
  };
}

/** Registers /healthz, /readyz, /openapi.json, /docs, /demo, /widget.js and the manage page. */
export function systemRoutes({ table, deps, widgetScriptPath }: RouteContext): void {
  const { app } = table;
  const script = widgetFiles(dirname(widgetScriptPath));
  const system = { tag: "System" as const, errors: [] };

  table.add(
    {
      ...system,
      method: "get",
      path: "/healthz",
      summary: "The process is up",
      response: { status: 200, description: "ok" },
    },
    [],
    (c) => c.json({ status: "ok" }),
  );
  table.add(
    {
      ...system,
      method: "get",
      path: "/readyz",
      summary: "The database answers",
      response: { status: 200, description: "ready" },
      errors: ["unavailable"],
    },
    [],
    async (c) => {
      try {
        await deps.store.ping();
      } catch (err) {
        throw err instanceof StoreUnavailableError
          ? err
          : new StoreUnavailableError("database did not answer", { cause: err });
      }
      return c.json({ status: "ready", store: deps.store.kind });
    },
  );
  app.get("/openapi.json", (c) => c.json(buildOpenApi(table.docs, deps.publicUrl)));
  app.get("/docs", (c) => c.html(docsPage(table.docs, deps.publicUrl)));
  app.get("/demo", (c) => c.html(demoPage(deps.publicUrl, c.req.query("widget") ?? "wgt_demo")));

  // widget.js and the language chunks it loads on demand (widget-es.js, …), from the same folder.
  app.get("/:file{widget(?:-[a-z]{2,3})?\\.js}", async (c) => {
    const name = c.req.param("file");
    const file =
      (await script(name)) ?? (name === "widget.js" ? { body: PLACEHOLDER, etag: '"placeholder"' } : undefined);
    if (!file) throw new ApiError("not_found", `No file ${name}`);
    c.header("ETag", file.etag);
    // 5 min: marketers see a new release soon; revalidation with the ETag is cheap.
    c.header("Cache-Control", "public, max-age=300, stale-while-revalidate=86400");
    c.header("Cross-Origin-Resource-Policy", "cross-origin");
    // The chunks load with import() from other origins, which needs CORS.
    c.header("Access-Control-Allow-Origin", "*");
    if (c.req.header("if-none-match") === file.etag) return c.body(null, 304);
    return c.body(file.body, 200, { "content-type": "text/javascript; charset=utf-8" });
  });

  // The page a confirmation link opens; the token never leaves it through caches or the Referer header.
  const showManagePage = async (c: Context<AppEnv>, booking: Booking, token: string) => {
    const widget = await getWidget(deps, booking.widgetId).catch(() => undefined);
    c.header("cache-control", "private, no-store");
    c.header("referrer-policy", "no-referrer");
    return c.html(managePage(booking, widget ?? FALLBACK_WIDGET, token, deps.publicUrl));
  };
  app.get("/manage/:bookingId", async (c) => {
    const token = c.req.query("token") ?? "";
    return showManagePage(c, await getOwnBooking(deps, c.req.param("bookingId"), token), token);
  });
  app.post("/manage/:bookingId/cancel", async (c) => {
    const form = await c.req.parseBody().catch(() => {
      throw new ApiError("bad_request", "Send the form");
    });
    const token = typeof form.token === "string" ? form.token : "";
    return showManagePage(c, await cancelOwnBooking(deps, c.req.param("bookingId"), token), token);
  });
}
