/** @module Arabic strings of the widget (Modern Standard Arabic), loaded only when the widget speaks Arabic. */
import type { Translation } from "./en.js";

/**
 * Arabic catalogue, shown right to left. `\u2066…\u2069` isolate a left-to-right run (an origin, a phone number) so
 * its `+` and punctuation stay in place inside the Arabic sentence.
 */
export const ar: Translation = {
  loading: "جارٍ تحميل المواعيد المتاحة…",
  day: "اليوم",
  time: "الوقت",
  tz: "المواعيد معروضة بتوقيت {tz}",
  seatsOne: "بقي مقعد واحد",
  // A count-free wording: Arabic's plural changes with the number (مقعدان، مقاعد، مقعدًا).
  seatsMany: "المقاعد المتبقية: {n}",
  full: "مكتمل",
  none: "لا توجد مواعيد متاحة حاليًا. يُرجى العودة قريبًا.",
  next: "متابعة",
  change: "تغيير",
  name: "الاسم",
  email: "البريد الإلكتروني",
  phone: "الهاتف",
  optional: "اختياري",
  submit: "احجز الآن",
  submitting: "جارٍ الحجز…",
  booked: "تم تأكيد حجزك",
  calendar: "إضافة إلى التقويم",
  cancel: "إلغاء الحجز",
  cancelAsk: "هل تريد إلغاء هذا الحجز؟",
  cancelNote: "سيُتاح المقعد لشخص آخر.",
  cancelYes: "نعم، ألغِ الحجز",
  keep: "الإبقاء على الحجز",
  manageHint: "يمكنك عرض هذا الحجز أو إلغاؤه في أي وقت من صفحته الخاصة.",
  manage: "إدارة الحجز",
  newTab: "(يُفتح في علامة تبويب جديدة)",
  cancelled: "تم إلغاء حجزك.",
  again: "احجز موعدًا آخر",
  retry: "إعادة المحاولة",
  close: "إغلاق",
  errNetwork: "تعذّر الوصول إلى خدمة الحجز. تحقّق من اتصالك وحاول مرة أخرى.",
  errFull: "عذرًا، اكتمل هذا الموعد للتو. يُرجى اختيار موعد آخر؛ بياناتك محفوظة.",
  errGone: "هذا الموعد لم يعد متاحًا. يُرجى اختيار موعد آخر.",
  errAlready: "لديك حجز بالفعل في هذا الوقت.",
  errRate: "محاولات كثيرة جدًا. يُرجى الانتظار {s} ثانية ثم المحاولة مرة أخرى.",
  errOrigin:
    "لا يُسمح لهذا الموقع (\u2066{o}\u2069) بتلقي حجوزات لهذه الأداة. على مالك الموقع إضافته إلى المصادر المسموح بها للأداة.",
  errNotFound: "صفحة الحجز هذه غير متاحة.",
  errFix: "يُرجى مراجعة الحقول المحدّدة.",
  m: {
    "name.too_small": "أدخل اسمك",
    "name.too_big": "{n} حرفًا كحد أقصى",
    "email.invalid_format": "أدخل بريدًا إلكترونيًا صالحًا",
    "email.too_big": "أدخل بريدًا إلكترونيًا صالحًا",
    "phone.too_small": "أدخل رقم هاتفك",
    "phone.too_big": "أدخل رقم هاتف صالحًا",
    "phone.custom": "أدخل رقم هاتف صالحًا، مثل \u2066{e}\u2069",
    "answers.too_small": "هذا الحقل مطلوب",
    "answers.too_big": "{n} حرفًا كحد أقصى",
    "answers.invalid_type": "إجابة غير صالحة لهذا الحقل",
    "answers.invalid_value": "اختر أحد الخيارات",
    "answers.unrecognized_keys": "حقل غير معروف",
    "consent.too_small": "يُرجى الموافقة للمتابعة",
  },
};
