/** @module Catalogues as dynamic imports, for apps whose bundler splits them (`slotbook/widget`). */
import type { CatalogueLoader } from "./messages.js";

/** Load a non-English catalogue with `import()`: one chunk per language. */
export const importCatalogue: CatalogueLoader = (lang) => {
  switch (lang) {
    case "es":
      return import("./es.js").then((m) => m.es);
    case "hi":
      return import("./hi.js").then((m) => m.hi);
    case "de":
      return import("./de.js").then((m) => m.de);
    case "fr":
      return import("./fr.js").then((m) => m.fr);
    case "pt":
      return import("./pt.js").then((m) => m.pt);
    case "ar":
      return import("./ar.js").then((m) => m.ar);
  }
};
