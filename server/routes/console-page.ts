/**
 * @module The marketer console's files (dist/console, built by `vite build --config console/vite.config.ts`): its
 * hashed assets, kept by browsers for a year, and index.html for every app path (`/console`, `/console/bookings/…`),
 * revalidated each time, all under a strict Content-Security-Policy (no inline script or style, nothing from
 * another origin, no framing).
 */
import { join } from "node:path";
import type { Context } from "hono";
import { DomainError } from "../domain/domain-error.js";
import { pickEncoding, type StaticFile, staticFiles, toStaticFile } from "../static/static-files.js";
import type { RouteContext } from "./context.js";

/**
 * 'self' covers the live preview too: /widget.js and its chunks, its API calls and beacons are same-origin here.
 * `data:` images for small inline icons; `form-action 'self'` for plain forms posting back.
 */
export const CONSOLE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; frame-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const TYPES: Record<string, string> = {
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  svg: "image/svg+xml",
  png: "image/png",
  webp: "image/webp",
  woff2: "font/woff2",
  json: "application/json",
};

const NOT_BUILT = toStaticFile(
  Buffer.from(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Slotbook console</title></head>
<body><h1>The console is not built yet</h1><p>Run <code>npm run build</code> and reload this page.</p></body></html>
`),
);

/** Sends a file as it is or compressed, with its ETag, answering If-None-Match with 304. */
function send(c: Context, file: StaticFile, type: string, status: 200 | 503 = 200): Response {
  c.header("Content-Security-Policy", CONSOLE_CSP);
  c.header("ETag", file.etag);
  c.header("Vary", "Accept-Encoding");
  if (status === 200 && c.req.header("if-none-match") === file.etag) return c.body(null, 304);
  const encoding = pickEncoding(c.req.header("accept-encoding"));
  if (encoding) c.header("Content-Encoding", encoding);
  return c.body(new Uint8Array(encoding ? file[encoding] : file.raw), status, { "content-type": type });
}

/** Registers `GET /console`, `/console/assets/{file}` and the app paths under `/console/`. */
export function consolePageRoutes({ app, consoleDir }: RouteContext): void {
  const files = staticFiles(consoleDir);
  const assets = staticFiles(join(consoleDir, "assets"));

  // A name without a slash that does not start with a dot: nothing outside assets/ can be reached.
  app.get("/console/assets/:file{[A-Za-z0-9_-][A-Za-z0-9._-]*}", async (c) => {
    const name = c.req.param("file");
    const type = TYPES[name.slice(name.lastIndexOf(".") + 1)];
    const file = type ? await assets(name) : undefined;
    if (!file || !type) throw new DomainError("not_found", `No console file ${name}`);
    // A year: Vite puts a hash of the content in every asset's name, so a new release has new names.
    c.header("Cache-Control", "public, max-age=31536000, immutable");
    return send(c, file, type);
  });
  app.get("/console/assets/*", () => {
    throw new DomainError("not_found", "No such console file");
  });

  const index = async (c: Context) => {
    const file = await files("index.html");
    // no-cache: revalidated on every visit (a cheap 304), so a new release's asset names are seen at once.
    c.header("Cache-Control", "no-cache");
    if (!file) return send(c, NOT_BUILT, "text/html; charset=utf-8", 503);
    return send(c, file, "text/html; charset=utf-8");
  };
  app.get("/console", index);
  app.get("/console/*", index);
}
