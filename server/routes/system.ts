/** @module Health, API description, the widget script and its language chunks, and the demo and docs pages. */
import { dirname } from "node:path";
import { healthSchema, readinessSchema } from "../../sdk/schemas/system.js";
import { DomainError } from "../domain/domain-error.js";
import { openApiDocument } from "../openapi/build-document.js";
import { describe } from "../openapi/route-doc.js";
import { demoPage } from "../pages/demo-page.js";
import { docsPage } from "../pages/docs-page.js";
import { pageHeaders, stylesheet } from "../pages/layout.js";
import { DEMO_WIDGET_ID } from "../seed-demo.js";
import { pickEncoding, staticFiles, toStaticFile } from "../static/static-files.js";
import { StoreUnavailableError } from "../store/types.js";
import type { RouteContext } from "./context.js";

const PLACEHOLDER = `console.warn("Slotbook: the widget is not built yet. Run \\"npm run build\\" and reload.");\n`;

/** Registers /healthz, /readyz, /openapi.json, /docs, /demo, /favicon.ico, /widget.js and /manage.js with their language chunks. */
export function systemRoutes({ app, deps, widgetScriptPath }: RouteContext): void {
  const script = staticFiles(dirname(widgetScriptPath));
  const placeholder = toStaticFile(Buffer.from(PLACEHOLDER));

  app.get(
    "/healthz",
    describe({
      summary: "The process is up",
      tag: "System",
      response: { status: 200, description: "ok", schema: healthSchema },
      errors: [],
      store: false,
    }),
    (c) => c.json({ status: "ok" }),
  );
  app.get(
    "/readyz",
    describe({
      summary: "The database answers (a write commits)",
      tag: "System",
      response: {
        status: 200,
        description: "ready",
        schema: readinessSchema,
      },
      errors: [],
    }),
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
  // The first thing to see is the marketer console (which sends a signed-out visitor to sign in).
  // Relative to where the app is mounted (`/` or another app's `/booking`).
  app.get("/", (c) => c.redirect(`${c.req.path.replace(/\/?$/, "/")}console`, 302));
  const document = openApiDocument(app, deps.publicUrl);
  app.get("/openapi.json", async (c) => c.json(await document()));
  // No icon: an empty answer instead of a 404 in every visitor's console.
  app.get("/favicon.ico", (c) => c.body(null, 204, { "cache-control": "public, max-age=86400" }));
  app.get("/pages.css", (c) => stylesheet(c));
  app.get("/docs", async (c) => {
    pageHeaders(c, deps.publicUrl);
    return c.html(docsPage(await document(), deps.publicUrl));
  });
  app.get("/demo", (c) => c.html(demoPage(deps.publicUrl, c.req.query("widget") ?? DEMO_WIDGET_ID)));

  // widget.js and the language chunks it loads on demand (widget-es.js, …), from the same folder; so is the manage
  // page's script (manage.js, manage-es.js, …).
  app.get("/:file{(?:widget|manage)(?:-[a-z]{2,3})?\\.js}", async (c) => {
    const name = c.req.param("file");
    const file = (await script(name)) ?? (name === "widget.js" ? placeholder : undefined);
    if (!file) throw new DomainError("not_found", `No file ${name}`);
    c.header("ETag", file.etag);
    // 5 min: marketers see a new release soon; revalidation with the ETag is cheap.
    c.header("Cache-Control", "public, max-age=300, stale-while-revalidate=86400");
    c.header("Cross-Origin-Resource-Policy", "cross-origin");
    // The chunks load with import() from other origins, which needs CORS.
    c.header("Access-Control-Allow-Origin", "*");
    c.header("Vary", "Accept-Encoding");
    if (c.req.header("if-none-match") === file.etag) return c.body(null, 304);
    const encoding = pickEncoding(c.req.header("accept-encoding"));
    if (encoding) c.header("Content-Encoding", encoding);
    const bytes = encoding ? file[encoding] : file.raw;
    return c.body(new Uint8Array(bytes), 200, { "content-type": "text/javascript; charset=utf-8" });
  });
}
