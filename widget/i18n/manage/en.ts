/** @module English strings of the manage page (manage.js), beside the widget's own catalogue that it also uses. */

/** The manage page's English strings; `{when}`, `{name}` are filled in at run time. */
export const manageEn = {
  title: "Your booking",
  confirmed: "Confirmed",
  cancelledBadge: "Cancelled",
  erasedBadge: "Erased",
  by: "Organised by {name}",
  write: "Write to {name}",
  google: "Google Calendar",
  outlook: "Outlook",
  ics: "Calendar file (.ics)",
  reschedule: "Reschedule",
  pick: "Pick a new time",
  moveHere: "Move my booking here",
  moving: "Moving your booking…",
  moved: "Your booking is moved",
  keepTime: "Keep the current time",
  fullMove: "Sorry, that time just filled up. Your booking is unchanged; please pick another time.",
  goneMove: "That time is no longer available. Your booking is unchanged; please pick another time.",
  cancelAsk: "Cancel your seat on {when}?",
  undone: "This cannot be undone: the seat goes to someone else.",
  byYou: "You cancelled this booking.",
  byOrganiser: "The organiser cancelled this booking. Write to them if you did not expect this.",
  classCancelled: "This class was cancelled by the organiser. Sorry for the change: you can book another time.",
  erased: "This booking was erased",
  erasedNote: "Its personal details were deleted for good, so it holds no seat any more.",
  badLink: "This booking link does not work",
  badLinkNote:
    "The link is incomplete or was changed, or the booking no longer exists. Use the link in your confirmation email, or contact the organiser.",
};

/** The shape every manage catalogue has. */
export type ManageMessages = typeof manageEn;
