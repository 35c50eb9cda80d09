/** @module Vite for this example: Preact's JSX; everything else is Vite's default. */
import { defineConfig } from "vite";

export default defineConfig({
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
});
