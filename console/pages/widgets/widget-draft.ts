/**
 * @module The widget editor's draft: every setting of the admin widget in the shape its inputs edit (empty text for
 * "none", reminders as a count and a unit), read from a saved widget and turned back into the API's shape.
 */
import type { FormField, Location, Organizer, Theme, Widget } from "../../../sdk/schemas/widget-admin.js";

/** A reminder as its row edits it: `2` `days` is 2880 minutes before the class. */
export interface DraftReminder {
  count: number;
  unit: ReminderUnit;
}
export type ReminderUnit = "minutes" | "hours" | "days";

/** Minutes in one of each unit. */
export const UNIT_MINUTES: Record<ReminderUnit, number> = { minutes: 1, hours: 60, days: 1440 };

/**
 * A custom question as the editor holds it: `options` may have empty lines while they are being typed; `uid` keeps
 * its row while its key is edited or it moves; `autoKey` while the key still follows the label (a new question).
 */
export interface DraftField extends FormField {
  options?: string[];
  uid?: string;
  autoKey?: boolean;
}

/** Every editable setting; strings are empty where the API has none. */
export interface WidgetDraft {
  title: string;
  description: string;
  locale: string;
  timezone: string;
  theme: Theme;
  phone: Widget["phone"];
  /** ISO 3166-1 alpha-2; empty: the time zone's country. */
  phoneCountry: string;
  fields: DraftField[];
  consent: { text: string; required: boolean };
  successMessage: string;
  redirectUrl: string;
  allowedOrigins: string[];
  status: Widget["status"];
  notifyEmails: string[];
  reminders: DraftReminder[];
  location: { kind: "none" | Location["kind"]; address: string; url: string };
  organizer: Organizer;
}

/** What a widget has when nothing was chosen: `widgetCreateSchema`'s defaults. */
export const DEFAULT_THEME: Theme = { accent: "#4f46e5", radius: 12, mode: "auto" };
/** One reminder a day before, the server's default when a widget has no `reminders`. */
const DEFAULT_REMINDERS = [1440];

/** `2880` → 2 days, `90` → 90 minutes: the largest unit that divides it. */
export function reminderOf(minutes: number): DraftReminder {
  for (const unit of ["days", "hours"] as const) {
    if (minutes % UNIT_MINUTES[unit] === 0) return { count: minutes / UNIT_MINUTES[unit], unit };
  }
  return { count: minutes, unit: "minutes" };
}

/** The draft of a saved widget. */
export function draftOf(widget: Widget): WidgetDraft {
  const location = widget.location;
  return {
    title: widget.title,
    description: widget.description ?? "",
    locale: widget.locale,
    timezone: widget.timezone,
    theme: { ...widget.theme },
    phone: widget.phone,
    phoneCountry: widget.phoneCountry ?? "",
    fields: widget.fields.map((field, i) => ({
      ...field,
      ...(field.options && { options: [...field.options] }),
      uid: `saved${i}`,
    })),
    consent: widget.consent ? { ...widget.consent } : { text: "", required: true },
    successMessage: widget.successMessage ?? "",
    redirectUrl: widget.redirectUrl ?? "",
    allowedOrigins: [...widget.allowedOrigins],
    status: widget.status,
    notifyEmails: [...widget.notifyEmails],
    reminders: (widget.reminders ?? DEFAULT_REMINDERS).map(reminderOf),
    location: {
      kind: location?.kind ?? "none",
      address: location?.kind === "in_person" ? location.address : "",
      url: location?.kind === "online" ? location.url : "",
    },
    organizer: widget.organizer ? { ...widget.organizer } : { name: "", email: "" },
  };
}

/** The draft of a widget about to be created: the server's defaults, the browser's time zone. */
export function newDraft(title = "", timezone = "UTC"): WidgetDraft {
  return {
    title,
    description: "",
    locale: "en",
    timezone,
    theme: { ...DEFAULT_THEME },
    phone: "optional",
    phoneCountry: "",
    fields: [],
    consent: { text: "", required: true },
    successMessage: "",
    redirectUrl: "",
    allowedOrigins: ["*"],
    status: "active",
    notifyEmails: [],
    reminders: DEFAULT_REMINDERS.map(reminderOf),
    location: { kind: "none", address: "", url: "" },
    organizer: { name: "", email: "" },
  };
}

/** The settings in the API's shape, as `widgets.create` takes them: `undefined` where the draft has none. */
export interface WidgetSettings {
  title: string;
  description: string | undefined;
  locale: string;
  timezone: string;
  theme: Theme;
  phone: Widget["phone"];
  phoneCountry: string | undefined;
  fields: FormField[];
  consent: { text: string; required: boolean } | undefined;
  successMessage: string | undefined;
  redirectUrl: string | undefined;
  allowedOrigins: string[];
  status: Widget["status"];
  notifyEmails: string[];
  reminders: number[];
  location: Location | undefined;
  organizer: Organizer | undefined;
}

const orNone = (value: string) => (value.trim() === "" ? undefined : value);

/**
 * The draft as the API takes it. List rows stay as typed, empty ones too, so an issue's index (`allowedOrigins.1`)
 * names the row on screen; only a select's options drop their blank lines (one text box edits them all).
 */
export function settingsOf(draft: WidgetDraft): WidgetSettings {
  const { location, organizer, consent } = draft;
  return {
    title: draft.title,
    description: orNone(draft.description),
    locale: draft.locale,
    timezone: draft.timezone,
    theme: { ...draft.theme },
    phone: draft.phone,
    phoneCountry: orNone(draft.phoneCountry),
    fields: draft.fields.map(({ options, uid: _uid, autoKey: _auto, ...field }) =>
      field.type === "select" ? { ...field, options: (options ?? []).filter((o) => o.trim() !== "") } : field,
    ),
    consent: consent.text.trim() === "" ? undefined : { ...consent },
    successMessage: orNone(draft.successMessage),
    redirectUrl: orNone(draft.redirectUrl),
    allowedOrigins: [...draft.allowedOrigins],
    status: draft.status,
    notifyEmails: [...draft.notifyEmails],
    reminders: draft.reminders.map((r) => r.count * UNIT_MINUTES[r.unit]),
    location:
      location.kind === "in_person"
        ? { kind: "in_person", address: location.address }
        : location.kind === "online"
          ? { kind: "online", url: location.url }
          : undefined,
    organizer: organizer.name.trim() === "" && organizer.email.trim() === "" ? undefined : { ...organizer },
  };
}
