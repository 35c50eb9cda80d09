/** @module Hindi strings of the manage page (manage-hi.js, loaded on demand). */
import type { ManageMessages } from "./en.js";

/** प्रबंधन पृष्ठ के हिंदी पाठ। */
export const manageHi: ManageMessages = {
  title: "आपकी बुकिंग",
  confirmed: "पक्की",
  cancelledBadge: "रद्द",
  erasedBadge: "मिटाई गई",
  by: "आयोजक: {name}",
  write: "{name} को लिखें",
  google: "Google Calendar",
  outlook: "Outlook",
  ics: "कैलेंडर फ़ाइल (.ics)",
  reschedule: "समय बदलें",
  pick: "नया समय चुनें",
  moveHere: "मेरी बुकिंग यहाँ ले जाएँ",
  moving: "आपकी बुकिंग बदली जा रही है…",
  moved: "आपकी बुकिंग का समय बदल गया",
  keepTime: "मौजूदा समय रखें",
  fullMove: "माफ़ कीजिए, यह समय अभी भर गया। आपकी बुकिंग नहीं बदली; कृपया कोई और समय चुनें।",
  goneMove: "यह समय अब उपलब्ध नहीं है। आपकी बुकिंग नहीं बदली; कृपया कोई और समय चुनें।",
  cancelAsk: "{when} की अपनी सीट रद्द करें?",
  undone: "यह वापस नहीं होगा: सीट किसी और को मिल जाएगी।",
  byYou: "आपने यह बुकिंग रद्द की।",
  byOrganiser: "आयोजक ने यह बुकिंग रद्द की। अगर आपको इसकी उम्मीद नहीं थी, तो उन्हें लिखें।",
  classCancelled: "आयोजक ने यह क्लास रद्द कर दी। बदलाव के लिए माफ़ी: आप कोई और समय बुक कर सकते हैं।",
  erased: "यह बुकिंग मिटा दी गई",
  erasedNote: "इसकी निजी जानकारी हमेशा के लिए हटा दी गई, इसलिए अब इसकी कोई सीट नहीं है।",
  badLink: "यह बुकिंग लिंक काम नहीं करता",
  badLinkNote: "लिंक अधूरा है या बदला गया है, या बुकिंग अब मौजूद नहीं है। अपने पुष्टि ईमेल का लिंक इस्तेमाल करें, या आयोजक से संपर्क करें।",
};
