/** @module Builds `/widget.js` in memory with the project's Vite config and measures it, module by module. */
import { gzipSync } from "node:zlib";
import { build, type Plugin } from "vite";

/** One bundled module: minified share and gzipped size when compressed on its own. */
export interface ModuleSize {
  id: string;
  /** Bytes of the module's code in the bundle, after tree-shaking, before minification. */
  rendered: number;
  /** Gzipped bytes of that code alone: an upper bound of its share, good for ranking. */
  gzip: number;
  /** The module's code as bundled. */
  code: string;
}

/** The built bundle and what it is made of. */
export interface BundleMeasure {
  code: string;
  bytes: number;
  gzip: number;
  modules: ModuleSize[];
  /** The bundle's source map (sources relative to the build's output directory). */
  map: { sources: string[]; mappings: string };
}

/** Shortens an absolute module id to `pkg/path` or a path inside the project. */
function shortId(id: string, root: string): string {
  const inModules = id.lastIndexOf("node_modules/");
  return inModules >= 0 ? id.slice(inModules + 13) : id.replace(`${root}/`, "");
}

/**
 * Build the embed script exactly as `vite build` does, without writing it, and measure it.
 * @example const { gzip } = await measureWidget(); // bytes of widget.js gzipped at level 9
 */
export async function measureWidget(root = process.cwd()): Promise<BundleMeasure> {
  let modules: ModuleSize[] = [];
  let code = "";
  let map: BundleMeasure["map"] = { sources: [], mappings: "" };
  const collect: Plugin = {
    name: "slotbook-measure",
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== "chunk" || chunk.fileName !== "widget.js") continue;
        code = chunk.code;
        if (chunk.map) map = chunk.map;
        modules = Object.entries(chunk.modules)
          .map(([id, m]) => ({
            id: shortId(id, root),
            rendered: m.renderedLength,
            gzip: gzipSync(m.code ?? "").length,
            code: m.code ?? "",
          }))
          .sort((a, b) => b.gzip - a.gzip);
      }
    },
  };
  // "hidden": a source map for `npm run size`, without the comment that would point to it from the code.
  await build({ root, logLevel: "silent", build: { write: false, sourcemap: "hidden" }, plugins: [collect] });
  const buffer = Buffer.from(code);
  return { code, bytes: buffer.length, gzip: gzipSync(buffer, { level: 9 }).length, modules, map };
}
