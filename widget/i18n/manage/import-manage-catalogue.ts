/** @module The manage page's catalogues as dynamic imports, for tests and bundlers that split them. */
import type { Lang } from "../messages.js";
import type { ManageMessages } from "./en.js";

/** Loads the manage page's strings of a language other than English. */
export type ManageCatalogueLoader = (lang: Exclude<Lang, "en">) => Promise<ManageMessages>;

/** Load a manage catalogue with `import()`: one chunk per language. */
export const importManageCatalogue: ManageCatalogueLoader = (lang) => {
  switch (lang) {
    case "es":
      return import("./es.js").then((m) => m.manageEs);
    case "hi":
      return import("./hi.js").then((m) => m.manageHi);
    case "de":
      return import("./de.js").then((m) => m.manageDe);
    case "fr":
      return import("./fr.js").then((m) => m.manageFr);
    case "pt":
      return import("./pt.js").then((m) => m.managePt);
    case "ar":
      return import("./ar.js").then((m) => m.manageAr);
  }
};
