/** @module French strings of the manage page (manage-fr.js, loaded on demand). */
import type { ManageMessages } from "./en.js";

/** Les textes de la page de gestion en français. */
export const manageFr: ManageMessages = {
  title: "Votre réservation",
  confirmed: "Confirmée",
  cancelledBadge: "Annulée",
  erasedBadge: "Effacée",
  by: "Organisé par {name}",
  write: "Écrire à {name}",
  google: "Google Agenda",
  outlook: "Outlook",
  ics: "Fichier d’agenda (.ics)",
  reschedule: "Changer d’horaire",
  pick: "Choisissez un nouvel horaire",
  moveHere: "Déplacer ma réservation ici",
  moving: "Déplacement de votre réservation…",
  moved: "Votre réservation est déplacée",
  keepTime: "Garder l’horaire actuel",
  fullMove: "Désolé, cet horaire vient d’être complet. Votre réservation n’a pas changé ; choisissez-en un autre.",
  goneMove: "Cet horaire n’est plus disponible. Votre réservation n’a pas changé ; choisissez-en un autre.",
  cancelAsk: "Annuler votre place du {when} ?",
  undone: "C’est définitif : la place revient à quelqu’un d’autre.",
  byYou: "Vous avez annulé cette réservation.",
  byOrganiser: "L’organisateur a annulé cette réservation. Écrivez-lui si vous ne vous y attendiez pas.",
  classCancelled:
    "L’organisateur a annulé ce cours. Désolé pour ce changement : vous pouvez réserver un autre horaire.",
  erased: "Cette réservation a été effacée",
  erasedNote: "Ses données personnelles ont été supprimées définitivement ; elle n’occupe plus de place.",
  badLink: "Ce lien de réservation ne fonctionne pas",
  badLinkNote:
    "Le lien est incomplet ou a été modifié, ou la réservation n’existe plus. Utilisez le lien de votre e-mail de confirmation, ou contactez l’organisateur.",
};
