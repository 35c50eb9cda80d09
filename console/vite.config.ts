/**
 * @module The console's build (`vite build --config console/vite.config.ts`): an app, not a library, so Vite writes
 * index.html with hashed assets and a manifest into dist/console, which the server serves at /console/.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const HERE = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: HERE,
  base: "/console/",
  // Classic JSX with Preact's `h`, as the root vite.config.ts and tsconfig's `jsxFactory`.
  oxc: { jsx: { runtime: "classic", pragma: "h", pragmaFrag: "Fragment" } },
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  publicDir: false,
  build: {
    outDir: join(HERE, "..", "dist", "console"),
    // dist/console is the console's alone; tsc and the widget build write beside it.
    emptyOutDir: true,
    manifest: true,
    // console/size.test.ts measures the first load with zlib level 9, as the server sends it.
    reportCompressedSize: false,
    // Same floor as the widget (Safari 16.4+, Chrome 111+, Firefox 113+), which all preload modules natively.
    target: "es2022",
    modulePreload: { polyfill: false },
    // One stylesheet for the whole console: a page's CSS is small and a single file caches best.
    cssCodeSplit: false,
    assetsInlineLimit: 0,
    rolldownOptions: { output: { comments: false } },
  },
});
