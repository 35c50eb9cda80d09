/** @module The words of every email in each language we send (en, es, hi); other languages get English. */

/** One language's strings; `{name}`-style holes are filled by `fill`. */
export interface Messages {
  subject: Record<MessageKind, string>;
  heading: Record<MessageKind, string>;
  intro: Record<MessageKind, string>;
  cancelledBy: { visitor: string; marketer: string; slot_cancelled: string };
  when: string;
  where: string;
  zone: string;
  before: string;
  manage: string;
  rebook: string;
  calendar: string;
  name: string;
  email: string;
  phone: string;
  answers: string;
  page: string;
  source: string;
  footerVisitor: string;
  footerTeam: string;
  yes: string;
  no: string;
}

/** Which message: the visitor's five and the team's two. */
export type MessageKind =
  | "confirmation"
  | "rescheduled"
  | "cancelled"
  | "slotCancelled"
  | "reminder"
  | "teamNew"
  | "teamCancelled";

const en: Messages = {
  subject: {
    confirmation: "Booked: {title}, {short}",
    rescheduled: "New time: {title}, {short}",
    cancelled: "Cancelled: {title}, {short}",
    slotCancelled: "Cancelled by the school: {title}, {short}",
    reminder: "Reminder: {title}, {short}",
    teamNew: "New booking: {name}, {short}",
    teamCancelled: "Cancelled booking: {name}, {short}",
  },
  heading: {
    confirmation: "You're booked",
    rescheduled: "Your booking has a new time",
    cancelled: "Your booking is cancelled",
    slotCancelled: "This class has been cancelled",
    reminder: "See you soon",
    teamNew: "New booking",
    teamCancelled: "Booking cancelled",
  },
  intro: {
    confirmation: "Hi {name}, your place in {title} is confirmed. The invite is attached for your calendar.",
    rescheduled: "Hi {name}, your booking for {title} has moved to the time below. Your calendar is updated.",
    cancelled: "Hi {name}, your booking for {title} is cancelled and your seat is free again.",
    slotCancelled: "Hi {name}, we're sorry: the class of {title} you booked has been cancelled.",
    reminder: "Hi {name}, this is a reminder of your booking for {title}.",
    teamNew: "{name} booked {title}.",
    teamCancelled: "The booking of {name} for {title} was cancelled {by}.",
  },
  cancelledBy: { visitor: "by the visitor", marketer: "by your team", slot_cancelled: "with its slot" },
  when: "When",
  where: "Where",
  zone: "Time zone",
  before: "Before",
  manage: "Change or cancel",
  rebook: "Book another time",
  calendar: "Add it to your calendar with the attached invite.",
  name: "Name",
  email: "Email",
  phone: "Phone",
  answers: "Answers",
  page: "Booked on",
  source: "Source",
  footerVisitor: "You get this email because you booked {title}.",
  footerTeam: "You get this email because your address is in the notifications of {title}.",
  yes: "yes",
  no: "no",
};

const es: Messages = {
  subject: {
    confirmation: "Reserva confirmada: {title}, {short}",
    rescheduled: "Nueva hora: {title}, {short}",
    cancelled: "Reserva cancelada: {title}, {short}",
    slotCancelled: "Clase cancelada: {title}, {short}",
    reminder: "Recordatorio: {title}, {short}",
    teamNew: "Nueva reserva: {name}, {short}",
    teamCancelled: "Reserva cancelada: {name}, {short}",
  },
  heading: {
    confirmation: "Tu reserva está confirmada",
    rescheduled: "Tu reserva tiene una nueva hora",
    cancelled: "Tu reserva está cancelada",
    slotCancelled: "Esta clase se ha cancelado",
    reminder: "Hasta pronto",
    teamNew: "Nueva reserva",
    teamCancelled: "Reserva cancelada",
  },
  intro: {
    confirmation: "Hola, {name}: tu plaza en {title} está confirmada. Te adjuntamos la invitación para tu calendario.",
    rescheduled: "Hola, {name}: tu reserva de {title} ha pasado a la hora de abajo. Tu calendario se actualiza.",
    cancelled: "Hola, {name}: tu reserva de {title} está cancelada y tu plaza vuelve a estar libre.",
    slotCancelled: "Hola, {name}: lo sentimos, la clase de {title} que reservaste se ha cancelado.",
    reminder: "Hola, {name}: te recordamos tu reserva de {title}.",
    teamNew: "{name} ha reservado {title}.",
    teamCancelled: "La reserva de {name} para {title} se ha cancelado {by}.",
  },
  cancelledBy: { visitor: "por la persona que reservó", marketer: "por tu equipo", slot_cancelled: "con su horario" },
  when: "Cuándo",
  where: "Dónde",
  zone: "Zona horaria",
  before: "Antes",
  manage: "Cambiar o cancelar",
  rebook: "Reservar otra hora",
  calendar: "Añádela a tu calendario con la invitación adjunta.",
  name: "Nombre",
  email: "Correo",
  phone: "Teléfono",
  answers: "Respuestas",
  page: "Reservado en",
  source: "Origen",
  footerVisitor: "Recibes este correo porque reservaste {title}.",
  footerTeam: "Recibes este correo porque tu dirección está en los avisos de {title}.",
  yes: "sí",
  no: "no",
};

const hi: Messages = {
  subject: {
    confirmation: "बुकिंग पक्की: {title}, {short}",
    rescheduled: "नया समय: {title}, {short}",
    cancelled: "बुकिंग रद्द: {title}, {short}",
    slotCancelled: "क्लास रद्द: {title}, {short}",
    reminder: "याद दिलाना: {title}, {short}",
    teamNew: "नई बुकिंग: {name}, {short}",
    teamCancelled: "बुकिंग रद्द: {name}, {short}",
  },
  heading: {
    confirmation: "आपकी बुकिंग पक्की हो गई है",
    rescheduled: "आपकी बुकिंग का समय बदल गया है",
    cancelled: "आपकी बुकिंग रद्द हो गई है",
    slotCancelled: "यह क्लास रद्द कर दी गई है",
    reminder: "जल्द मिलते हैं",
    teamNew: "नई बुकिंग",
    teamCancelled: "बुकिंग रद्द",
  },
  intro: {
    confirmation: "नमस्ते {name}, {title} में आपकी जगह पक्की है। अपने कैलेंडर के लिए निमंत्रण साथ में है।",
    rescheduled: "नमस्ते {name}, {title} की आपकी बुकिंग नीचे दिए गए समय पर चली गई है। आपका कैलेंडर अपडेट हो जाएगा।",
    cancelled: "नमस्ते {name}, {title} की आपकी बुकिंग रद्द हो गई है और आपकी सीट फिर से खाली है।",
    slotCancelled: "नमस्ते {name}, हमें खेद है: आपने {title} की जो क्लास बुक की थी, वह रद्द कर दी गई है।",
    reminder: "नमस्ते {name}, यह {title} की आपकी बुकिंग की याद है।",
    teamNew: "{name} ने {title} बुक किया है।",
    teamCancelled: "{title} के लिए {name} की बुकिंग {by} रद्द की गई।",
  },
  cancelledBy: { visitor: "बुक करने वाले द्वारा", marketer: "आपकी टीम द्वारा", slot_cancelled: "उसके स्लॉट के साथ" },
  when: "कब",
  where: "कहाँ",
  zone: "समय क्षेत्र",
  before: "पहले",
  manage: "बदलें या रद्द करें",
  rebook: "कोई और समय बुक करें",
  calendar: "साथ दिए गए निमंत्रण से इसे अपने कैलेंडर में जोड़ें।",
  name: "नाम",
  email: "ईमेल",
  phone: "फ़ोन",
  answers: "जवाब",
  page: "कहाँ बुक किया",
  source: "स्रोत",
  footerVisitor: "आपको यह ईमेल इसलिए मिला है क्योंकि आपने {title} बुक किया था।",
  footerTeam: "आपको यह ईमेल इसलिए मिला है क्योंकि आपका पता {title} की सूचनाओं में है।",
  yes: "हाँ",
  no: "नहीं",
};

const BY_LANGUAGE: Record<string, Messages> = { en, es, hi };

/** The strings and the language tag to format with for `locale` (`es-MX` → Spanish); English when we have none. */
export function messagesFor(locale: string): { messages: Messages; language: string } {
  const language = locale.toLowerCase().split("-")[0] ?? "en";
  const messages = BY_LANGUAGE[language];
  return messages ? { messages, language: locale } : { messages: en, language: "en" };
}

/** `template` with each `{key}` replaced by `values[key]`. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (hole, key: string) => values[key] ?? hole);
}
