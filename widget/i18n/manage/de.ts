/** @module German strings of the manage page (manage-de.js, loaded on demand). */
import type { ManageMessages } from "./en.js";

/** Die Texte der Verwaltungsseite auf Deutsch. */
export const manageDe: ManageMessages = {
  title: "Deine Buchung",
  confirmed: "Bestätigt",
  cancelledBadge: "Storniert",
  erasedBadge: "Gelöscht",
  by: "Veranstaltet von {name}",
  write: "{name} schreiben",
  google: "Google Kalender",
  outlook: "Outlook",
  ics: "Kalenderdatei (.ics)",
  reschedule: "Umbuchen",
  pick: "Wähle eine neue Zeit",
  moveHere: "Meine Buchung hierher verlegen",
  moving: "Deine Buchung wird verlegt…",
  moved: "Deine Buchung ist verlegt",
  keepTime: "Bei der jetzigen Zeit bleiben",
  fullMove: "Diese Zeit ist gerade voll geworden. Deine Buchung bleibt, wie sie war; bitte wähle eine andere Zeit.",
  goneMove: "Diese Zeit ist nicht mehr verfügbar. Deine Buchung bleibt, wie sie war; bitte wähle eine andere Zeit.",
  cancelAsk: "Deinen Platz am {when} stornieren?",
  undone: "Das lässt sich nicht rückgängig machen: Der Platz geht an jemand anderen.",
  byYou: "Du hast diese Buchung storniert.",
  byOrganiser: "Der Veranstalter hat diese Buchung storniert. Schreib ihm, wenn du das nicht erwartet hast.",
  classCancelled:
    "Der Veranstalter hat diesen Kurs abgesagt. Entschuldige die Änderung: Du kannst eine andere Zeit buchen.",
  erased: "Diese Buchung wurde gelöscht",
  erasedNote: "Ihre persönlichen Daten wurden endgültig gelöscht; sie belegt keinen Platz mehr.",
  badLink: "Dieser Buchungslink funktioniert nicht",
  badLinkNote:
    "Der Link ist unvollständig oder wurde verändert, oder die Buchung gibt es nicht mehr. Nutze den Link aus deiner Bestätigungs-E-Mail oder wende dich an den Veranstalter.",
};
