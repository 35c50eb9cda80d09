/** @module The name of the setting an issue's path points at, for the editor's list of what to fix. */

const NAMES: Record<string, string> = {
  title: "Title",
  description: "Description",
  locale: "Language",
  timezone: "Time zone",
  "theme.accent": "Accent colour",
  "theme.radius": "Corner radius",
  "theme.mode": "Colours",
  phone: "Phone number",
  phoneCountry: "Phone country",
  fields: "Your questions",
  consent: "Consent",
  "consent.text": "Consent text",
  successMessage: "Message on the confirmation",
  redirectUrl: "Go to this page instead",
  allowedOrigins: "Sites that may take bookings",
  status: "Status",
  notifyEmails: "Tell the team",
  reminders: "Reminder emails",
  location: "Where",
  "location.address": "Address",
  "location.url": "Link to join",
  organizer: "Organiser",
  "organizer.name": "Organiser's name",
  "organizer.email": "Organiser's email",
};

const PARTS: Record<string, string> = { key: "key", label: "question", type: "answer type", options: "choices" };

/**
 * `fields.1.label` → "Question 2: question"; `allowedOrigins.0` → "Sites that may take bookings, row 1".
 * @example pathLabel("reminders.2") // "Reminder 3"
 */
export function pathLabel(path: string): string {
  if (NAMES[path]) return NAMES[path];
  const [head, index, part] = path.split(".");
  const n = Number(index) + 1;
  if (head === "fields" && Number.isInteger(n)) return `Question ${n}${part ? `: ${PARTS[part] ?? part}` : ""}`;
  if (head === "reminders" && Number.isInteger(n)) return `Reminder ${n}`;
  if (head && NAMES[head] && Number.isInteger(n)) return `${NAMES[head]}, row ${n}`;
  return (head && NAMES[head]) || path || "The widget";
}
