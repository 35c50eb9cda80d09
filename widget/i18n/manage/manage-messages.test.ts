/** @module The manage page's catalogues: every language has every key, filled in, with the same placeholders. */
import { describe, expect, it } from "vitest";
import { manageAr } from "./ar.js";
import { manageDe } from "./de.js";
import { manageEn } from "./en.js";
import { manageEs } from "./es.js";
import { manageFr } from "./fr.js";
import { manageHi } from "./hi.js";
import { importManageCatalogue } from "./import-manage-catalogue.js";
import { managePt } from "./pt.js";

const OTHERS = { es: manageEs, hi: manageHi, de: manageDe, fr: manageFr, pt: managePt, ar: manageAr };
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("manage catalogues", () => {
  it.each(Object.entries(OTHERS))("%s has every key of English, none empty, with its placeholders", (_, catalogue) => {
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(manageEn).sort());
    for (const [key, text] of Object.entries(manageEn)) {
      const translated = catalogue[key as keyof typeof manageEn];
      expect(translated.trim(), key).not.toBe("");
      expect(placeholders(translated), key).toEqual(placeholders(text));
    }
  });

  it("loads each language on demand", async () => {
    for (const [lang, catalogue] of Object.entries(OTHERS)) {
      expect(await importManageCatalogue(lang as keyof typeof OTHERS)).toBe(catalogue);
    }
  });
});
