/** @module Spanish strings of the manage page (manage-es.js, loaded on demand). */
import type { ManageMessages } from "./en.js";

/** Las cadenas de la página de gestión en español. */
export const manageEs: ManageMessages = {
  title: "Tu reserva",
  confirmed: "Confirmada",
  cancelledBadge: "Cancelada",
  erasedBadge: "Borrada",
  by: "Organiza {name}",
  write: "Escribir a {name}",
  google: "Google Calendar",
  outlook: "Outlook",
  ics: "Archivo de calendario (.ics)",
  reschedule: "Cambiar la hora",
  pick: "Elige una nueva hora",
  moveHere: "Mover mi reserva aquí",
  moving: "Moviendo tu reserva…",
  moved: "Tu reserva se ha movido",
  keepTime: "Mantener la hora actual",
  fullMove: "Lo sentimos, esa hora se acaba de llenar. Tu reserva no ha cambiado; elige otra hora.",
  goneMove: "Esa hora ya no está disponible. Tu reserva no ha cambiado; elige otra hora.",
  cancelAsk: "¿Cancelar tu plaza del {when}?",
  undone: "No se puede deshacer: la plaza pasa a otra persona.",
  byYou: "Cancelaste esta reserva.",
  byOrganiser: "El organizador canceló esta reserva. Escríbele si no lo esperabas.",
  classCancelled: "El organizador canceló esta clase. Perdona el cambio: puedes reservar otra hora.",
  erased: "Esta reserva se borró",
  erasedNote: "Sus datos personales se eliminaron para siempre, así que ya no ocupa ninguna plaza.",
  badLink: "Este enlace de reserva no funciona",
  badLinkNote:
    "El enlace está incompleto o se modificó, o la reserva ya no existe. Usa el enlace de tu correo de confirmación o contacta con el organizador.",
};
