/**
 * @module Test helper: the marketer's website, on its own 127.0.0.1 port (another origin than the API). It serves
 * the example pages of `examples/*.html` as they are, with only their `http://localhost:8787` swapped for the test
 * server, plus any extra pages and a folder; everything again under `/strict/` with a strict Content-Security-Policy.
 * Every HTML page gets the test's recorder as its first script, and `/__e2e/axe.js` serves axe-core.
 */
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { ROOT } from "../build.js";
import { RECORDER_PATH, RECORDER_SOURCE, withRecorder } from "./page-recorder.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
};
/** axe-core, served as a file so a page without a strict CSP can load it in any engine. */
export const AXE_PATH = "/__e2e/axe.js";
/** The example pages' script src, as a marketer would paste it for a local server. */
const EXAMPLE_API = "http://localhost:8787";

/** What the host site serves besides the example pages. */
export interface HostSiteOptions {
  /** The Slotbook server (API and widget.js). */
  api: string;
  /** Extra files by path, e.g. `{ "/two.html": "<!doctype html>…" }`. */
  files?: Record<string, string>;
  /** A folder served for any other path (`/` gives its index.html), e.g. a Vite build. */
  dir?: string;
}

/** A running host site. */
export interface HostSite {
  /** e.g. `http://127.0.0.1:40124` */
  origin: string;
  /** The Content-Security-Policy sent under `/strict/`. */
  csp: string;
  /** The URL of a page, optionally under the strict policy: `site.url("inline.html", { strict: true })`. */
  url(path: string, options?: { strict?: boolean }): string;
  close(): Promise<void>;
}

/**
 * The strict policy of the spec: scripts only from the page itself and the API, no inline script or style, no eval.
 * @example strictCsp("http://127.0.0.1:40123")
 */
export function strictCsp(api: string): string {
  const origin = new URL(api).origin;
  return `default-src 'none'; script-src 'self' ${origin}; style-src 'self'; connect-src ${origin}; img-src 'self'`;
}

/** Start the host site on a free 127.0.0.1 port. */
export async function startHostSite(options: HostSiteOptions): Promise<HostSite> {
  const csp = strictCsp(options.api);
  const load = async (path: string): Promise<string | Buffer | undefined> => {
    if (path === RECORDER_PATH) return RECORDER_SOURCE;
    if (path === AXE_PATH) return readFile(join(ROOT, "node_modules", "axe-core", "axe.min.js"));
    const extra = options.files?.[path];
    if (extra !== undefined) return extra;
    const example = /^\/(inline|popup|floating)\.html$/.exec(path);
    if (example) {
      const html = await readFile(join(ROOT, "examples", `${example[1]}.html`), "utf8");
      return html.replaceAll(EXAMPLE_API, options.api);
    }
    if (!options.dir) return undefined;
    return readFile(join(options.dir, path.endsWith("/") ? `${path}index.html` : path)).catch(() => undefined);
  };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://host");
    const strict = url.pathname.startsWith("/strict/");
    const path = normalize(strict ? url.pathname.slice("/strict".length) : url.pathname).replace(/^(\.\.[/\\])+/, "");
    const body = await load(path);
    if (body === undefined) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const type = TYPES[extname(path) || ".html"] ?? "application/octet-stream";
    const html = type.startsWith("text/html");
    res.writeHead(200, {
      "content-type": type,
      "cache-control": "no-store",
      ...(strict && { "content-security-policy": csp }),
    });
    res.end(html ? withRecorder(body.toString()) : body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    csp,
    url: (path, { strict = false } = {}) => `${origin}${strict ? "/strict" : ""}/${path.replace(/^\//, "")}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
