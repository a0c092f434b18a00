// tootty's own words in Arabic. Plurals use all six of Arabic's categories
// (Intl.PluralRules("ar"): zero, one, two, few, many, other). An LRM (U+200E) before a
// command that starts with punctuation keeps the ":" on its left in right-to-left text.
import { arActionWords } from "./ar-actions.js";
import { arCli } from "./ar-cli.js";
import { arCompose } from "./ar-compose.js";
import { arRender } from "./ar-render.js";
import type { Catalogue } from "./en.js";

const DRAFTS_HINT = "c للمتابعة، \u200e:drafts في المحرر";

export const ar: Catalogue = {
  ...arRender,
  ...arCompose,
  ...arActionWords,
  ...arCli,
  "timeline.home": "الرئيسية",
  "timeline.local": "المحلي",
  "timeline.federated": "الموحَّد",
  "timeline.direct": "المباشرة",
  "timeline.notifications": "الإشعارات",
  "timeline.list": "قائمة {name}",
  "pane.loading": "جارٍ التحميل…",
  "pane.newAbove": {
    zero: "لا جديد",
    one: "منشور جديد",
    two: "منشوران جديدان",
    few: "{count} منشورات جديدة",
    many: "{count} منشورًا جديدًا",
    other: "{count} منشور جديد",
  },
  // The pane keys ("1–4") read left to right: an LRM makes the digits and their dash one run.
  "status.hintsTabs": "j/k تنقّل  \u200e{paneKeys}/Tab لوحة  g الأعلى  ? مساعدة  q خروج",
  "status.hintsColumns": "j/k تنقّل  h/l لوحة  g/G الأعلى/الأسفل  ? مساعدة  q خروج",
  "tooSmall.title": "النافذة صغيرة جدًا",
  "tooSmall.size": "{size}، ويحتاج tootty إلى {needed}",
  "tooSmall.hint": "كبِّر النافذة، أو اضغط q للخروج.",
  "flash.loadingOlder": "جارٍ تحميل المنشورات الأقدم…",
  "flash.refreshing": "جارٍ التحديث…",
  "flash.upToDate": "لا جديد",
  "flash.switching": "جارٍ التبديل إلى {acct}…",
  "confirm.quit": "الخروج من tootty؟ (y/n)",
  "gap.loading": "جارٍ تحميل المنشورات الناقصة…",
  "gap.missing": "فجوة: منشورات ناقصة هنا — Enter يحمّلها",
  "followRequest.keys": "a: قبول · x: رفض",
  "drafts.unsent": {
    zero: `لا مسودات غير مرسلة — ${DRAFTS_HINT}`,
    one: `مسودة واحدة غير مرسلة — ${DRAFTS_HINT}`,
    two: `مسودتان غير مرسلتين — ${DRAFTS_HINT}`,
    few: `{count} مسودات غير مرسلة — ${DRAFTS_HINT}`,
    many: `{count} مسودةً غير مرسلة — ${DRAFTS_HINT}`,
    other: `{count} مسودة غير مرسلة — ${DRAFTS_HINT}`,
  },
  "state.problem.unreachable": "لا يمكن الوصول إلى الخادم",
  "state.problem.unavailableStatus": "الخادم غير متاح (HTTP {status})",
  "state.problem.unavailable": "الخادم غير متاح",
  "state.problem.timeout": "الخادم لا يجيب",
  "state.problem.refused": "رفض الخادم الطلب (HTTP {status})",
  "state.problem.unexpected": "ردّ غير مفهوم من الخادم",
  "state.seconds": "{seconds} ث",
  "state.waiting": "في انتظار الخادم",
  "state.connecting": "جارٍ الاتصال…",
  "state.liveCatchUpFailed": "مباشر، وتعذّر اللحاق: {problem}",
  "state.liveEmpty": "مباشر، لا منشورات بعد",
  "state.live": "مباشر",
  "state.reconnecting": "إعادة الاتصال (المحاولة التالية بعد {wait})",
  "state.pollingNoStreaming": "استطلاع دوري (لا بث مباشر على الخادم)",
  "state.pollingReconnecting": "استطلاع دوري (جارٍ إعادة الاتصال…)",
  "state.pollingReconnectingIn": "استطلاع دوري (إعادة الاتصال بعد {wait})",
  "state.failingRetrying": "{problem}، وجارٍ إعادة المحاولة",
  "state.failingNextTry": "{problem} (المحاولة التالية بعد {wait})",
  "state.streamRefused": "رُفض البث: {reason}",
  "state.rateLimited": "تجاوزت حدّ الطلبات حتى {time}",
  "state.offline": "غير متصل",
  "state.tokenRejected": "رُفض الرمز — شغّل tootty login",
  "help.title": "المفاتيح",
  "help.footer": "j/k تمرير · Esc رجوع",
  "help.unbound": "(غير مربوط)",
  "help.commands": "الأوامر (:)",
  "empty.waiting": "في انتظار الخادم…",
  "empty.noToots": "لا منشورات بعد.",
  "empty.noNotifications": "لا إشعارات بعد.",
  "empty.failed": "لم يُحمَّل شيء: {problem}.",
};
