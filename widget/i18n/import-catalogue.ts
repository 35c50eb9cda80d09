/** @module Catalogues as dynamic imports, for apps whose bundler splits them (`slotbook/widget`). */
import type { CatalogueLoader } from "./messages.js";

/** Load the Spanish or Hindi catalogue with `import()`. */
export const importCatalogue: CatalogueLoader = (lang) =>
  lang === "es" ? import("./es.js").then((m) => m.es) : import("./hi.js").then((m) => m.hi);
