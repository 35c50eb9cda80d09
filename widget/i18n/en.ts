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
  /** The contract's messages (sdk/schemas), translated by their English text. */
  m: { "Not a slot id": "Choose a time first" } as Record<string, string>,
};

/** The shape every catalogue has. */
export type Messages = typeof en;
