/** @module One Vite config: the widget bundle (`vite build`) and every Vitest project. */
import { defineConfig } from "vitest/config";

export default defineConfig({
  // Classic JSX with Preact's `h`, as tsconfig's `jsxFactory`: `h(type, props, ...children)` is ~0.24 kB gzipped
  // smaller in the widget than the automatic runtime's `jsx(type, { ...props, children: [...] })` (Vite 8: oxc).
  oxc: { jsx: { runtime: "classic", pragma: "h", pragmaFrag: "Fragment" } },
  // Lib mode leaves `process.env.NODE_ENV` alone; the browser has no `process`.
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  build: {
    // `tsc` writes the rest of dist/, so Vite must neither empty it nor write outside dist/embed.
    outDir: "dist/embed",
    // Vite's gzip column (rolldown's own encoder) reads ~1% above zlib's and GNU gzip's for the same file, which
    // misleads next to a 22,000-byte budget: `npm run size` measures what the server sends (zlib level 9).
    reportCompressedSize: false,
    emptyOutDir: false,
    copyPublicDir: false,
    // ES2022 syntax as written, without helpers for class fields. The widget's floor is set by the CSS it uses
    // (`color-mix()`): Safari 16.4+, Chrome 111+, Firefox 113+.
    target: "es2022",
    lib: {
      // The catalogues are entries of their own, so they ship as files next to widget.js that the script imports
      // by absolute URL only when a page needs them. ES output for them; widget.js itself has no import or export
      // statement and is wrapped below, so it runs as the classic script marketers paste.
      entry: {
        widget: "widget/embed.ts",
        "widget-es": "widget/i18n/es.ts",
        "widget-hi": "widget/i18n/hi.ts",
        "widget-de": "widget/i18n/de.ts",
        "widget-fr": "widget/i18n/fr.ts",
        "widget-pt": "widget/i18n/pt.ts",
        "widget-ar": "widget/i18n/ar.ts",
      },
      formats: ["es"],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      output: {
        // Lib mode leaves ES output unminified by default.
        minify: true,
        // Minified output still keeps `@__PURE__` and JSDoc comments by default (~400 bytes gzipped here).
        comments: false,
        // A private scope, so no top-level name of the bundle lands on the host page's window; added after
        // minification, which would otherwise drop the "use strict" the module code was written for.
        postBanner: (chunk) => (chunk.name === "widget" ? '(()=>{"use strict";' : ""),
        postFooter: (chunk) => (chunk.name === "widget" ? "})();" : ""),
      },
    },
  },
  test: {
    // One build of dist/ before any file runs: the e2e, package and example tests use the package as installed.
    globalSetup: ["e2e/global-setup.ts"],
    projects: [
      {
        extends: true,
        // Type tests (`*.test-d.ts`, expectTypeOf): vitest runs tsc over them and fails on any type error.
        test: {
          name: "types",
          include: [],
          typecheck: { enabled: true, only: true, include: ["**/*.test-d.ts"], tsconfig: "tsconfig.json" },
        },
      },
      {
        extends: true,
        test: {
          name: "node",
          include: ["sdk/**/*.test.ts", "server/**/*.test.ts", "examples/**/*.test.ts"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "widget",
          include: ["widget/**/*.test.ts", "widget/**/*.test.tsx"],
          environment: "happy-dom",
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        // The marketer console's components, and its size (console/size.test.ts reads dist/console).
        test: {
          name: "console",
          include: ["console/**/*.test.ts", "console/**/*.test.tsx"],
          environment: "happy-dom",
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        // Real Chromium, real server processes and the packed tarball: slower, so longer limits.
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
