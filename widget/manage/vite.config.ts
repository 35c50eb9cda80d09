/**
 * @module The manage page's build (`vite build --config widget/manage/vite.config.ts`): manage.js and its catalogues
 * into dist/embed beside widget.js. Its own build, not an entry of the root config's: entries of one build share
 * chunks, and widget.js must stay one classic script with no import, its size unchanged by the manage page.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const LANGS = ["es", "hi", "de", "fr", "pt", "ar"];

export default defineConfig({
  root: ROOT,
  // As the root vite.config.ts: classic JSX with Preact's `h`, and no `process` in the browser.
  oxc: { jsx: { runtime: "classic", pragma: "h", pragmaFrag: "Fragment" } },
  define: { "process.env.NODE_ENV": JSON.stringify("production") },
  build: {
    outDir: join(ROOT, "dist", "embed"),
    emptyOutDir: false,
    copyPublicDir: false,
    reportCompressedSize: false,
    target: "es2022",
    lib: {
      entry: {
        manage: join(ROOT, "widget/manage/manage-entry.ts"),
        ...Object.fromEntries(LANGS.map((lang) => [`manage-${lang}`, join(ROOT, `widget/i18n/manage/${lang}.ts`)])),
      },
      formats: ["es"],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: { output: { minify: true, comments: false } },
  },
});
