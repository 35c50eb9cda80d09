/**
 * @module The words of every email in each language we send (en, es, hi, de, fr, pt for Brazilian Portuguese, ar);
 * other languages get English.
 */

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

const de: Messages = {
  subject: {
    confirmation: "Gebucht: {title}, {short}",
    rescheduled: "Neue Zeit: {title}, {short}",
    cancelled: "Storniert: {title}, {short}",
    slotCancelled: "Von der Schule abgesagt: {title}, {short}",
    reminder: "Erinnerung: {title}, {short}",
    teamNew: "Neue Buchung: {name}, {short}",
    teamCancelled: "Stornierte Buchung: {name}, {short}",
  },
  heading: {
    confirmation: "Ihre Buchung ist bestätigt",
    rescheduled: "Ihre Buchung hat eine neue Zeit",
    cancelled: "Ihre Buchung ist storniert",
    slotCancelled: "Dieser Kurs wurde abgesagt",
    reminder: "Bis bald",
    teamNew: "Neue Buchung",
    teamCancelled: "Buchung storniert",
  },
  intro: {
    confirmation: "Hallo {name}, Ihr Platz in {title} ist bestätigt. Die Einladung für Ihren Kalender ist angehängt.",
    rescheduled:
      "Hallo {name}, Ihre Buchung für {title} wurde auf die unten genannte Zeit verschoben. Ihr Kalender wird aktualisiert.",
    cancelled: "Hallo {name}, Ihre Buchung für {title} ist storniert und Ihr Platz ist wieder frei.",
    slotCancelled: "Hallo {name}, es tut uns leid: Der Termin von {title}, den Sie gebucht haben, wurde abgesagt.",
    reminder: "Hallo {name}, wir erinnern Sie an Ihre Buchung für {title}.",
    teamNew: "{name} hat {title} gebucht.",
    teamCancelled: "Die Buchung von {name} für {title} wurde {by} storniert.",
  },
  cancelledBy: {
    visitor: "von der buchenden Person",
    marketer: "von Ihrem Team",
    slot_cancelled: "zusammen mit dem Termin",
  },
  when: "Wann",
  where: "Wo",
  zone: "Zeitzone",
  before: "Vorher",
  manage: "Ändern oder stornieren",
  rebook: "Anderen Termin buchen",
  calendar: "Fügen Sie den Termin mit der angehängten Einladung Ihrem Kalender hinzu.",
  name: "Name",
  email: "E-Mail",
  phone: "Telefon",
  answers: "Antworten",
  page: "Gebucht auf",
  source: "Quelle",
  footerVisitor: "Sie erhalten diese E-Mail, weil Sie {title} gebucht haben.",
  footerTeam: "Sie erhalten diese E-Mail, weil Ihre Adresse in den Benachrichtigungen von {title} steht.",
  yes: "ja",
  no: "nein",
};

/** French; `\u00a0` is the no-break space French puts before `:`. */
const fr: Messages = {
  subject: {
    confirmation: "Réservation confirmée\u00a0: {title}, {short}",
    rescheduled: "Nouvel horaire\u00a0: {title}, {short}",
    cancelled: "Réservation annulée\u00a0: {title}, {short}",
    slotCancelled: "Annulé par l’école\u00a0: {title}, {short}",
    reminder: "Rappel\u00a0: {title}, {short}",
    teamNew: "Nouvelle réservation\u00a0: {name}, {short}",
    teamCancelled: "Réservation annulée\u00a0: {name}, {short}",
  },
  heading: {
    confirmation: "Votre réservation est confirmée",
    rescheduled: "Votre réservation change d’horaire",
    cancelled: "Votre réservation est annulée",
    slotCancelled: "Ce cours a été annulé",
    reminder: "À bientôt",
    teamNew: "Nouvelle réservation",
    teamCancelled: "Réservation annulée",
  },
  intro: {
    confirmation:
      "Bonjour {name}, votre place pour {title} est confirmée. L’invitation pour votre calendrier est jointe.",
    rescheduled:
      "Bonjour {name}, votre réservation pour {title} est déplacée à l’horaire ci-dessous. Votre calendrier est mis à jour.",
    cancelled: "Bonjour {name}, votre réservation pour {title} est annulée et votre place est de nouveau libre.",
    slotCancelled: "Bonjour {name}, nous sommes désolés\u00a0: le cours {title} que vous aviez réservé a été annulé.",
    reminder: "Bonjour {name}, nous vous rappelons votre réservation pour {title}.",
    teamNew: "{name} a réservé {title}.",
    teamCancelled: "La réservation de {name} pour {title} a été annulée {by}.",
  },
  cancelledBy: {
    visitor: "par la personne inscrite",
    marketer: "par votre équipe",
    slot_cancelled: "avec son créneau",
  },
  when: "Quand",
  where: "Où",
  zone: "Fuseau horaire",
  before: "Avant",
  manage: "Modifier ou annuler",
  rebook: "Réserver un autre créneau",
  calendar: "Ajoutez-la à votre calendrier grâce à l’invitation jointe.",
  name: "Nom",
  email: "E-mail",
  phone: "Téléphone",
  answers: "Réponses",
  page: "Réservé sur",
  source: "Source",
  footerVisitor: "Vous recevez cet e-mail parce que vous avez réservé {title}.",
  footerTeam: "Vous recevez cet e-mail parce que votre adresse figure dans les notifications de {title}.",
  yes: "oui",
  no: "non",
};

/** Brazilian Portuguese, for every `pt` tag. */
const pt: Messages = {
  subject: {
    confirmation: "Reserva confirmada: {title}, {short}",
    rescheduled: "Novo horário: {title}, {short}",
    cancelled: "Reserva cancelada: {title}, {short}",
    slotCancelled: "Cancelada pela escola: {title}, {short}",
    reminder: "Lembrete: {title}, {short}",
    teamNew: "Nova reserva: {name}, {short}",
    teamCancelled: "Reserva cancelada: {name}, {short}",
  },
  heading: {
    confirmation: "Sua reserva está confirmada",
    rescheduled: "Sua reserva mudou de horário",
    cancelled: "Sua reserva foi cancelada",
    slotCancelled: "Esta aula foi cancelada",
    reminder: "Até breve",
    teamNew: "Nova reserva",
    teamCancelled: "Reserva cancelada",
  },
  intro: {
    confirmation: "Olá, {name}! Sua vaga em {title} está confirmada. O convite para sua agenda vai em anexo.",
    rescheduled: "Olá, {name}! Sua reserva de {title} mudou para o horário abaixo. Sua agenda será atualizada.",
    cancelled: "Olá, {name}! Sua reserva de {title} foi cancelada e sua vaga está livre de novo.",
    slotCancelled: "Olá, {name}. Sentimos muito: a aula de {title} que você reservou foi cancelada.",
    reminder: "Olá, {name}! Este é um lembrete da sua reserva de {title}.",
    teamNew: "{name} reservou {title}.",
    teamCancelled: "A reserva de {name} para {title} foi cancelada {by}.",
  },
  cancelledBy: {
    visitor: "pela pessoa que reservou",
    marketer: "pela sua equipe",
    slot_cancelled: "junto com o horário",
  },
  when: "Quando",
  where: "Onde",
  zone: "Fuso horário",
  before: "Antes",
  manage: "Alterar ou cancelar",
  rebook: "Reservar outro horário",
  calendar: "Adicione à sua agenda com o convite em anexo.",
  name: "Nome",
  email: "E-mail",
  phone: "Telefone",
  answers: "Respostas",
  page: "Reservado em",
  source: "Origem",
  footerVisitor: "Você recebeu este e-mail porque reservou {title}.",
  footerTeam: "Você recebeu este e-mail porque seu endereço está nas notificações de {title}.",
  yes: "sim",
  no: "não",
};

/** Arabic (Modern Standard Arabic), laid out right to left by `renderHtml`. */
const ar: Messages = {
  subject: {
    confirmation: "تم الحجز: {title}، {short}",
    rescheduled: "موعد جديد: {title}، {short}",
    cancelled: "أُلغي الحجز: {title}، {short}",
    slotCancelled: "ألغته المدرسة: {title}، {short}",
    reminder: "تذكير: {title}، {short}",
    teamNew: "حجز جديد: {name}، {short}",
    teamCancelled: "حجز مُلغى: {name}، {short}",
  },
  heading: {
    confirmation: "تم تأكيد حجزك",
    rescheduled: "تغيّر موعد حجزك",
    cancelled: "تم إلغاء حجزك",
    slotCancelled: "أُلغي هذا الدرس",
    reminder: "نراك قريبًا",
    teamNew: "حجز جديد",
    teamCancelled: "أُلغي الحجز",
  },
  intro: {
    confirmation: "مرحبًا {name}، تم تأكيد مكانك في {title}. الدعوة مرفقة لتضيفها إلى تقويمك.",
    rescheduled: "مرحبًا {name}، نُقل حجزك في {title} إلى الموعد أدناه، وسيُحدَّث تقويمك.",
    cancelled: "مرحبًا {name}، تم إلغاء حجزك في {title} وأصبح مقعدك متاحًا من جديد.",
    slotCancelled: "مرحبًا {name}، يؤسفنا إبلاغك بأن درس {title} الذي حجزته قد أُلغي.",
    reminder: "مرحبًا {name}، هذا تذكير بحجزك في {title}.",
    teamNew: "حجز {name} في {title}.",
    teamCancelled: "أُلغي حجز {name} في {title} {by}.",
  },
  cancelledBy: { visitor: "من قِبل صاحب الحجز", marketer: "من قِبل فريقك", slot_cancelled: "مع إلغاء موعده" },
  when: "الموعد",
  where: "المكان",
  zone: "المنطقة الزمنية",
  before: "الموعد السابق",
  manage: "تغيير أو إلغاء",
  rebook: "احجز موعدًا آخر",
  calendar: "أضفه إلى تقويمك بالدعوة المرفقة.",
  name: "الاسم",
  email: "البريد الإلكتروني",
  phone: "الهاتف",
  answers: "الإجابات",
  page: "صفحة الحجز",
  source: "المصدر",
  footerVisitor: "تصلك هذه الرسالة لأنك حجزت {title}.",
  footerTeam: "تصلك هذه الرسالة لأن عنوانك مُدرج في إشعارات {title}.",
  yes: "نعم",
  no: "لا",
};

const BY_LANGUAGE: Record<string, Messages> = { en, es, hi, de, fr, pt, ar };

/**
 * The strings and the language tag to format with for `locale` (`es-MX` → Spanish, `pt-BR` and `pt` → Brazilian
 * Portuguese); English when we have none.
 */
export function messagesFor(locale: string): { messages: Messages; language: string } {
  const language = locale.toLowerCase().split("-")[0] ?? "en";
  const messages = BY_LANGUAGE[language];
  return messages ? { messages, language: locale } : { messages: en, language: "en" };
}

/** `template` with each `{key}` replaced by `values[key]`. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (hole, key: string) => values[key] ?? hole);
}
