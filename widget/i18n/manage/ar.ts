/** @module Arabic strings of the manage page (manage-ar.js, loaded on demand; the page runs right to left). */
import type { ManageMessages } from "./en.js";

/** نصوص صفحة إدارة الحجز بالعربية. */
export const manageAr: ManageMessages = {
  title: "حجزك",
  confirmed: "مؤكَّد",
  cancelledBadge: "ملغى",
  erasedBadge: "محذوف",
  by: "المنظِّم: {name}",
  write: "راسل {name}",
  google: "تقويم Google",
  outlook: "Outlook",
  ics: "ملف تقويم (.ics)",
  reschedule: "تغيير الموعد",
  pick: "اختر موعدًا جديدًا",
  moveHere: "انقل حجزي إلى هنا",
  moving: "جارٍ نقل حجزك…",
  moved: "تم نقل حجزك",
  keepTime: "الإبقاء على الموعد الحالي",
  fullMove: "عذرًا، امتلأ هذا الموعد للتو. لم يتغيّر حجزك؛ يُرجى اختيار موعد آخر.",
  goneMove: "لم يعد هذا الموعد متاحًا. لم يتغيّر حجزك؛ يُرجى اختيار موعد آخر.",
  cancelAsk: "هل تريد إلغاء مقعدك في {when}؟",
  undone: "لا يمكن التراجع عن ذلك: سيذهب المقعد إلى شخص آخر.",
  byYou: "لقد ألغيت هذا الحجز.",
  byOrganiser: "ألغى المنظِّم هذا الحجز. راسله إن لم تكن تتوقع ذلك.",
  classCancelled: "ألغى المنظِّم هذا الصف. نعتذر عن التغيير: يمكنك حجز موعد آخر.",
  erased: "تم حذف هذا الحجز",
  erasedNote: "حُذفت بياناته الشخصية نهائيًا، فلم يعد يشغل أي مقعد.",
  badLink: "رابط الحجز هذا لا يعمل",
  badLinkNote:
    "الرابط ناقص أو تم تغييره، أو لم يعد الحجز موجودًا. استخدم الرابط الموجود في رسالة التأكيد، أو تواصل مع المنظِّم.",
};
