/** @module English strings of the widget: the catalogue every other language translates, key by key. */

/** The widget's English strings; `{n}`, `{tz}`, `{s}` and `{o}` are filled in at run time. */
export const en = {
  loading: "Loading available times…",
  day: "Day",
  time: "Time",
  tz: "Times are shown in {tz}",
  seatsOne: "1 seat left",
  seatsMany: "{n} seats left",
  full: "Full",
  none: "No times are open right now. Please check back soon.",
  next: "Continue",
  change: "Change",
  name: "Name",
  email: "Email",
  phone: "Phone",
  optional: "optional",
  submit: "Book now",
  submitting: "Booking…",
  booked: "You're booked",
  calendar: "Add to calendar",
  cancel: "Cancel booking",
  cancelAsk: "Cancel this booking?",
  cancelNote: "The seat goes to someone else.",
  cancelYes: "Yes, cancel",
  keep: "Keep booking",
  manageHint: "You can view or cancel this booking any time on its own page.",
  manage: "Manage booking",
  newTab: "(opens in a new tab)",
  cancelled: "Your booking is cancelled.",
  again: "Book another time",
  retry: "Try again",
  close: "Close",
  errNetwork: "We couldn't reach the booking service. Check your connection and try again.",
  errFull: "Sorry, that time just filled up. Please pick another one; your details are kept.",
  errGone: "That time is no longer available. Please pick another one.",
  errAlready: "You already have a booking at this time.",
  errRate: "Too many attempts. Please wait {s} seconds and try again.",
  errOrigin:
    "This site ({o}) is not allowed to take bookings for this widget. The site owner must add it to the widget's allowed origins.",
  errNotFound: "This booking page is not available.",
  errFix: "Please check the highlighted fields.",
  /** Issue texts by key; English shows the contract's own messages (sdk/schemas), so it needs none. */
  m: {} as Partial<Record<IssueKey, string>>,
};

/** The shape every catalogue has. */
export type Messages = typeof en;

/**
 * The contract's issues a visitor can meet in the form, as `field.code`: the field (every custom field is `answers`)
 * and zod's issue code. Catalogues translate issues by these keys, not by the schema's English text, so rewording a
 * schema message never loses a translation (see `issueText`).
 */
export type IssueKey =
  | "name.too_small"
  | "name.too_big"
  | "email.invalid_format"
  | "email.too_big"
  | "phone.too_small"
  | "phone.too_big"
  | "phone.custom"
  | "answers.too_small"
  | "answers.too_big"
  | "answers.invalid_type"
  | "answers.invalid_value"
  | "answers.unrecognized_keys"
  | "consent.too_small";

/** A catalogue of another language: every string, and every issue translated. */
export type Translation = Messages & { m: Record<IssueKey, string> };
