/** @module Brazilian Portuguese strings of the manage page (manage-pt.js, loaded on demand). */
import type { ManageMessages } from "./en.js";

/** Os textos da página de gerenciamento em português do Brasil. */
export const managePt: ManageMessages = {
  title: "Sua reserva",
  confirmed: "Confirmada",
  cancelledBadge: "Cancelada",
  erasedBadge: "Apagada",
  by: "Organizado por {name}",
  write: "Escrever para {name}",
  google: "Google Agenda",
  outlook: "Outlook",
  ics: "Arquivo de agenda (.ics)",
  reschedule: "Remarcar",
  pick: "Escolha um novo horário",
  moveHere: "Mover minha reserva para cá",
  moving: "Movendo sua reserva…",
  moved: "Sua reserva foi movida",
  keepTime: "Manter o horário atual",
  fullMove: "Desculpe, esse horário acabou de lotar. Sua reserva não mudou; escolha outro horário.",
  goneMove: "Esse horário não está mais disponível. Sua reserva não mudou; escolha outro horário.",
  cancelAsk: "Cancelar sua vaga de {when}?",
  undone: "Não dá para desfazer: a vaga vai para outra pessoa.",
  byYou: "Você cancelou esta reserva.",
  byOrganiser: "O organizador cancelou esta reserva. Escreva para ele se você não esperava isso.",
  classCancelled: "O organizador cancelou esta aula. Desculpe a mudança: você pode reservar outro horário.",
  erased: "Esta reserva foi apagada",
  erasedNote: "Os dados pessoais dela foram excluídos de vez, então ela não ocupa mais nenhuma vaga.",
  badLink: "Este link de reserva não funciona",
  badLinkNote:
    "O link está incompleto ou foi alterado, ou a reserva não existe mais. Use o link do seu e-mail de confirmação ou fale com o organizador.",
};
