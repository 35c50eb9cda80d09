/** @module The country a time zone lies in, from the runtime's own CLDR data (the zones `Intl.Locale` lists per region). */
import { getCountries } from "libphonenumber-js/max";

/** `Intl.Locale` with the zone list of Intl Locale Info: a method since V8 13 and SpiderMonkey, a getter before. */
type LocaleInfo = Intl.Locale & { getTimeZones?: () => string[] | undefined; timeZones?: string[] };

/**
 * Zones IANA renamed after CLDR had fixed its ids (IANA name → CLDR's). Engines list either; both names go in the
 * map, so a widget's zone is found whichever one it was saved with, also where `resolvedOptions()` does not map one
 * to the other (newer engines keep the name as given).
 */
const RENAMED: Record<string, string> = {
  "Asia/Kolkata": "Asia/Calcutta",
  "Europe/Kyiv": "Europe/Kiev",
  "Asia/Ho_Chi_Minh": "Asia/Saigon",
  "Asia/Kathmandu": "Asia/Katmandu",
  "Asia/Yangon": "Asia/Rangoon",
  "America/Nuuk": "America/Godthab",
  "Atlantic/Faroe": "Atlantic/Faeroe",
  "America/Argentina/Buenos_Aires": "America/Buenos_Aires",
  "America/Indiana/Indianapolis": "America/Indianapolis",
  "America/Kentucky/Louisville": "America/Louisville",
  "Pacific/Kanton": "Pacific/Enderbury",
  "Pacific/Chuuk": "Pacific/Truk",
  "Pacific/Pohnpei": "Pacific/Ponape",
};

let zoneCountries: Map<string, string> | undefined;
/** Answers by zone as asked (every widget read asks): bounded, since a widget's zone is one `Intl` knows. */
const answers = new Map<string, string | undefined>();

/** Zone → country for every country with a phone numbering plan; built once, on first use (~250 small lookups). */
function buildMap(): Map<string, string> {
  const map = new Map<string, string>();
  for (const country of getCountries()) {
    const locale = new Intl.Locale(`und-${country}`) as LocaleInfo;
    for (const zone of locale.getTimeZones?.() ?? locale.timeZones ?? []) if (!map.has(zone)) map.set(zone, country);
  }
  for (const [iana, cldr] of Object.entries(RENAMED)) {
    const country = map.get(iana) ?? map.get(cldr);
    if (country) map.set(iana, country).set(cldr, country);
  }
  return map;
}

/** The zone's id as the runtime canonicalises it (`Asia/Calcutta` for `Asia/Kolkata` in Node 20), or undefined. */
function canonical(timeZone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat("en", { timeZone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/**
 * The ISO 3166-1 alpha-2 country of an IANA time zone, or undefined for zones of no country (`UTC`, `Etc/GMT+5`)
 * and in a runtime without the data.
 * @example countryOfZone("Europe/Berlin") // "DE"
 */
export function countryOfZone(timeZone: string): string | undefined {
  if (answers.has(timeZone)) return answers.get(timeZone);
  zoneCountries ??= buildMap();
  const country = zoneCountries.get(timeZone) ?? zoneCountries.get(canonical(timeZone) ?? "");
  answers.set(timeZone, country);
  return country;
}
