/** @module Phone numbers on the server: the country a widget reads national numbers in, and E.164 from them. */
export { hasNumberingPlan, phoneExample, phoneIssue, toE164 } from "./phone-number.js";
export { countryOfZone } from "./zone-country.js";
