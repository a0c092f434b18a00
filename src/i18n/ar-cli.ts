// The command line's words in Arabic (see en-cli.ts). Commands, options, paths and variables
// stay as they are typed.
import type { Translation } from "./en.js";
import type { enCli } from "./en-cli.js";

export const arCli: Translation<typeof enCli> = {
  "cli.usage": `tootty — عميل ماستودون في الطرفية

الاستخدام:
  tootty                     يفتح الخيوط الزمنية للحساب الافتراضي
  tootty --demo              يفتح على خادم تجريبي مدمج (بلا حساب ولا شبكة)
  tootty --demo --demo-flavour mastodon|gotosocial|pleroma|hollo|sharkey|snac
                             يؤدي الخادم التجريبي دور ذلك الخادم (معرّفاته وحدوده وبثه)
  tootty --account ACCT      يستعمل الحساب المحفوظ ACCT (user@host)
  tootty --bidi MODE         من يرتّب العربية والعبرية: auto أو visual (tootty) أو terminal
  tootty login HOST          تسجيل الدخول إلى خادم يتبع واجهة ماستودون (مثل mastodon.social)
  tootty logout [ACCT]       إبطال رمز الحساب ونسيانه
  tootty accounts            الحسابات المحفوظة (مع تمييز الافتراضي)
  tootty config [path|edit]  مكان ملف الإعدادات، أو تحريره
  tootty --help | --version

متغيرات البيئة:
  TOOTTY_INSTANCE=URL TOOTTY_ACCESS_TOKEN=TOKEN   هذا الخادم وهذا الرمز، بلا دخول محفوظ
  TOOTTY_CONFIG_DIR=DIR                           الإعدادات والحسابات والمسودات في DIR
  TOOTTY_DEMO_FLAVOUR=NAME                        خادم العرض التجريبي، مثل --demo-flavour
  LANG, LC_MESSAGES, LC_ALL                       لغة الواجهة (الإنجليزية، العربية)

المفاتيح: j/k تنقّل، g/G الأعلى/الأسفل، Ctrl-d/Ctrl-u نصف صفحة، h/l أو Tab بين اللوحات،
1 2 3 اختيار لوحة، s إظهار تحذير المحتوى أو إخفاؤه، q خروج.
في tmux اضبط 'set -sg escape-time 10' ليصل Escape إلى tootty فورًا.
`,
  "cli.accountsHelp": `الاستخدام:
  tootty accounts                          الحسابات؛ * تميّز الافتراضي
  tootty accounts default ACCT             يجعل ACCT (user@host) الحساب الافتراضي
  tootty accounts token-command ACCT CMD   يجلب رمز ACCT بتشغيل CMD (مثل "pass show
                                           mastodon/me") بدل حفظه؛ يُشغَّل CMD مرة الآن
                                           للتحقق منه، ثم يُحذف الرمز المحفوظ
سجّل الدخول بـ tootty login HOST، والخروج بـ tootty logout [ACCT]، واستعمل حسابًا آخر
لمرة واحدة بـ tootty --account ACCT.
`,
  "cli.error": "tootty: {message}",
  "cli.usageError": "tootty: {message} (انظر tootty --help)",
  "cli.bidiTakes": "يقبل --bidi القيم {choices}",
  "cli.flavourWithDemo": "يُستعمل --demo-flavour مع --demo",
  "cli.loginTakesOne": "يقبل login خادمًا واحدًا HOST",
  "cli.logoutTakesOne": "يقبل logout حسابًا واحدًا ACCT",
  "cli.unknownCommand": "أمر غير معروف '{command}'",
  "cli.unknownFlavour": "نوع خادم تجريبي غير معروف '{flavour}' (أحد {choices})",
  "cli.couldNotSwitch": "تعذّر التبديل إلى {acct}: {why}",
  "cli.noAccount": "لا حساب باسم {acct}",
  "cli.noAccountToLogOut": "لا حساب لتسجيل الخروج منه",
  "cli.accountsListThem": "tootty: {which}؛ يعرضها `tootty accounts`",
  "cli.noAccounts": "لا حسابات بعد. سجّل الدخول بـ: tootty login HOST (أو جرّب tootty --demo)",
  "cli.tokenFromCommand": "(الرمز من token_command)",
  "cli.defaultAccount": "الحساب الافتراضي: {acct}",
  "cli.tokenCommandSet": "{acct}: صار الرمز يأتي من token_command، وحُذف الرمز المحفوظ",
  "cli.unknownAccountsCommand": "tootty: أمر accounts غير معروف (انظر tootty accounts --help)",
  "cli.configTakes": "tootty: يقبل config واحدًا من: path أو edit أو check أو --help",
  "cli.editorStatus": "tootty: خرج المحرر بالرمز {status}",
  "cli.configOk": "{path}: سليم",
  "cli.configProblems": {
    zero: "{path}: لا مشكلات",
    one: "{path}: مشكلة واحدة؛ يأخذ ذلك المفتاح قيمته الافتراضية",
    two: "{path}: مشكلتان؛ يأخذ ذانك المفتاحان قيمتيهما الافتراضيتين",
    few: "{path}: {count} مشكلات؛ تأخذ تلك المفاتيح قيمها الافتراضية",
    many: "{path}: {count} مشكلةً؛ تأخذ تلك المفاتيح قيمها الافتراضية",
    other: "{path}: {count} مشكلة؛ تأخذ تلك المفاتيح قيمها الافتراضية",
  },
  "cli.notRevoked":
    "tootty: نُسي {acct} هنا، لكن رمزه لم يُبطَل ({why})؛ أبطله من واجهة الويب في التفضيلات > الحساب > التطبيقات المصرّح لها",
  "cli.loggedOut": "خرجت من {acct}: أُبطل الرمز ونُسي.",
  "cli.loggedOutNext": "خرجت من {acct}: أُبطل الرمز ونُسي. الحساب الافتراضي: {next}.",
  "login.askInstance": "الخادم (مثل mastodon.social): ",
  "login.noInstance": "tootty: لم يُحدَّد خادم؛ الاستخدام: tootty login HOST",
  "login.loggingIn": "تسجيل الدخول إلى {title} ({host})",
  "login.openAddress": "افتح هذا العنوان في متصفح، وسجّل الدخول واسمح لـ tootty:",
  "login.opened": "(فُتح في متصفحك)",
  "login.askCode": "الصق الرمز الذي يعرضه الخادم: ",
  "login.noCode": "لم يُدخَل رمز؛ أُلغي تسجيل الدخول",
  "login.loggedIn": "سجّلت الدخول باسم @{acct}.",
  "login.loggedInDefault": "سجّلت الدخول باسم @{acct} (الحساب الافتراضي).",
  "login.rules": "لكل خادم قواعده. قواعد {domain}:",
  "login.noRules": "(لم تُنشر قواعد)",
  "login.maxCharacters": "يصل طول المنشور على {domain} إلى {max} حرف.",
  "login.noAnswer":
    "لا يمكن الوصول إلى {host}: لا جواب في الوقت المحدد (الشبكة منقطعة أو الخادم مثقل)",
  "login.unknownHost": "خادم غير معروف {host}: لا اسم كهذا في DNS (تحقّق من الكتابة)",
  "login.tls": "فشل TLS مع {host} ({code}): الشهادة غير موثوقة؛ توقّف",
  "login.network": "لا يمكن الوصول إلى {host} ({code}): الشبكة منقطعة أو الخادم لا يجيب",
  "login.unknownError": "خطأ غير معروف",
  "login.refusedRegister": "رفض {host} تسجيل tootty (HTTP {status}{why})",
  "login.badCode":
    "لم يقبل {host} هذا الرمز (خاطئ أو منتهي الصلاحية): شغّل tootty login {host} مجددًا لرمز جديد",
  "login.unknownClient": "لم يعد {host} يعرف تسجيل تطبيق tootty؛ شغّل tootty login {host} مجددًا",
  "login.refusedExchange": "رفض {host} تبادل الرمز (HTTP {status}{why})",
  "login.tokenNotAccepted": "لم يقبل {host} الرمز الجديد (HTTP {status}{why})",
  "login.notRevoked": "لم يُبطل {host} الرمز (HTTP {status}{why})",
  "login.redirects": "يحوّل {host} المسار {path} إلى {location}؛ جرّب تسجيل الدخول إلى ذلك الخادم",
  "login.oversized": "أرسل {host} ردًّا كبيرًا جدًا على {path}",
  "login.notMastodon":
    "لا يبدو {host} خادمًا بواجهة ماستودون (لا /api/v2/instance ولا /api/v1/instance)",
  "account.none":
    "لا حساب بعد: شغّل `tootty login HOST` (مثل `tootty login mastodon.social`)، أو جرّب `tootty --demo`",
  "account.envPair": "يجب ضبط TOOTTY_INSTANCE وTOOTTY_ACCESS_TOKEN معًا",
  "account.noSuch": "لا حساب باسم {acct}: يعرضها `tootty accounts`",
  "account.noToken": "{acct}: لا رمز محفوظ؛ شغّل tootty login مجددًا",
  "url.none": "لم يُحدَّد خادم (مثل mastodon.social)",
  "url.notInstance": "«{input}» ليس عنوان خادم (مثل mastodon.social)",
  "url.notHttps": "«{input}» ليس عنوان https://",
  "url.credentials": "«{input}» يحوي اسم مستخدم أو كلمة مرور؛ اكتب اسم الخادم وحده",
  "url.plainHttp":
    "لا يُسمح بـ http غير المشفّر إلا إلى هذا الجهاز (localhost و127.0.0.0/8 و::1)؛ استعمل https://{host}",
  "waiting.connecting": "جارٍ الاتصال بـ {host}",
  "waiting.for": "في انتظار {what}",
  "waiting.forSeconds": "في انتظار {what} ({count} ث)",
  "waiting.starting": "جارٍ البدء…",
  "waiting.instance": "معلومات الخادم",
  "waiting.account": "حسابك",
  "waiting.separator": " و",
};
