// The config room's words in Arabic (see en-config.ts). Keys, values, file names and
// commands stay as they are written in the file.
import type { Translation } from "./en.js";
import type { enConfig } from "./en-config.js";

const AFTER_MAX = "لا يُستعمل منها إلا أول {max}";

export const arConfig: Translation<typeof enConfig> = {
  "config.help": `tootty config — ملف الإعدادات

الاستخدام:
  tootty config path     يطبع مكان ملف الإعدادات
  tootty config edit     يفتحه في \u200e$VISUAL / $EDITOR (ويُنشأ أولًا بكل القيم الافتراضية)
  tootty config check    يفحصه؛ يطبع سطرًا لكل مشكلة، ويخرج بالرمز 1 إن وُجدت مشكلة
  tootty config --help   هذا النص

الملف: {path}
(ينقله TOOTTY_CONFIG_DIR=DIR مع الحسابات والمسودات؛ وإلا فهو في \u200e$XDG_CONFIG_HOME/tootty
أو \u200e~/.config/tootty.) وهو بصيغة JSON، وكل مفاتيحه اختيارية. القيمة الخاطئة تطبع تحذيرًا
واحدًا يسمّي المفتاح والقيمة، ويبقى لذلك المفتاح قيمته الافتراضية، ويبدأ tootty مع ذلك.

المفاتيح:
  keymap             إجراء ← مفتاح أو قائمة مفاتيح، مثل {"boost": "B", "favourite": ["f", "*"]}.
                     أسماء المفاتيح: حرف ("x" أو "G" أو "?")، وC-x (\u200fCtrl)، وM-x (\u200fAlt)، وS-tab،
                     وenter وescape وtab وspace وbackspace وup وdown وleft وright وhome وend
                     وpageup وpagedown وf1…f12. المفتاح الذي تربطه يُنزع من أي إجراء افتراضي
                     كان له؛ و[] تفك ربط الإجراء. الإجراءات ومفاتيحها الافتراضية:
{actions}
  theme              "base": "dark" | "light" | "mono" (الافتراضي dark)، ثم
                     خانة ← لون: اسم ({colours}) أو "#rrggbb".
{theme}
  panes              الخيوط الزمنية المعروضة، بالترتيب من اليسار إلى اليمين (\u200f{maxPanes} على الأكثر)؛ الافتراضي {defaultPanes}.
                     كل منها اسم (home أو local أو federated أو notifications أو tag:NAME أو list:ID)
                     أو {"timeline": "tag:rust", "width": 2, "bufferSize": 500}: \u200fwidth حصتها من عرض
                     الشاشة (الافتراضي 1)، وbufferSize حدّ تلك اللوحة الخاص.
  bufferSize         عدد المنشورات المحفوظة في كل لوحة (\u200f{bufferMin}–{bufferMax})؛ الافتراضي {bufferSize}
  watchdogMs         يُعاد وصل البث الصامت بعد هذه المدة (5000–600000؛ ويختبره tootty
                     كل ثلث منها)؛ الافتراضي {watchdogMs}
  pollMinMs          ما دام البث منقطعًا، يُستطلع الخادم كل pollMinMs…pollMaxMs (\u200f5000–3600000)؛
  pollMaxMs          القيمتان الافتراضيتان {pollMinMs} و{pollMaxMs}
  notifications      {"bell": true|false (الافتراضي {bell})،
                      "osc": {oscChoices} (إشعار سطح المكتب عبر OSC 9 أو OSC 777؛ الافتراضي "{osc}")}
  defaultVisibility  {visibilities}؛ الافتراضي "{visibility}"
  defaultLanguage    رمز ISO 639 مثل "en"، أو null للغة حسابك الافتراضية
  confirm            السؤال قبل: {confirm}
  bidi               {bidiChoices}؛ الافتراضي "{bidi}". من يضع العربية والعبرية
                     في ترتيب القراءة: "visual" \u200ftootty (يعيد الترتيب ويشكّل الحروف، للطرفيات
                     التي لا تدعم الاتجاه الثنائي: tmux وxterm وkitty وAlacritty…؛ وفي VTE يوقف
                     الاتجاه الثنائي للطرفية نفسها ما دام يعمل)، و"terminal" الطرفية (\u200fKonsole
                     وmlterm، وiTerm2 أو WezTerm مع تفعيل خيار الاتجاه الثنائي فيهما)، و"auto" يقرر
                     من VTE_VERSION وKONSOLE_VERSION وMLTERM وtmux/screen. ويتقدّم عليه \u200e--bidi.
  interfaceLanguage  كلمات tootty نفسه: "en" أو "ar" (والوسم مثل "ar-EG" يختار أرقامه
                     أيضًا)، أو null (الافتراضي) للغة المحلية: LC_ALL ثم LC_MESSAGES ثم LANG
  images             {imageModes}؛ الافتراضي "{images}": \u200fauto يسأل
                     الطرفية (رسوميات kitty، وsixel، وiTerm2) ويرجع إلى أنصاف الخانات
  pictureRows        أقصى عدد من الأسطر تأخذه صورة واحدة في الخيط الزمني (2–40)؛ الافتراضي {pictureRows}
  avatars            true: الصورة الرمزية للكاتب، 4×2 خانات، بجانب كل منشور (إن لم تكن images
                     \u200f"off")؛ الافتراضي {avatars}

مثال:
  {
    "panes": ["home", {"timeline": "notifications", "width": 0.5}],
    "keymap": {"boost": "B", "bookmark": "m"},
    "theme": {"borderFocused": "#ff8800"},
    "confirm": {"boost": true}
  }

الحسابات بجانبه في accounts.json (بالصلاحيات 0600، والمجلد 0700؛ انظر tootty accounts --help).
`,
  "config.invalid": "config.json: القيمة {value} للمفتاح {key} ليست {expected}؛ تُستعمل {fallback}",
  "config.unknownKey": "config.json: مفتاح غير معروف {key}، تُرك دون استعمال",
  "config.notObject":
    "config.json: القيمة {value} للمفتاح {key} ليست كائنًا؛ تُستعمل قيمه الافتراضية",
  "config.topLevel": "(المستوى الأعلى)",
  "config.unreadable": "config.json: تعذّرت قراءته ({why})؛ تُستعمل كل القيم الافتراضية",
  "config.pollOrder":
    "config.json: قيمة pollMinMs ({min}) أكبر من قيمة pollMaxMs ({max})؛ تُستعمل {minDefault} و{maxDefault}",
  "config.expectWholeNumber": "عددًا صحيحًا من {min} إلى {max}",
  "config.expectBoolean": "true أو false",
  "config.expectOneOf": "إحدى القيم: {choices}",
  "config.expectColour": 'اسمَ لون أو "#rrggbb"',
  "config.expectLanguageTag": 'وسمَ لغة مثل "ar" أو "en" (أو null)',
  "config.expectIsoLanguage": 'رمزَ لغة بمعيار ISO 639 مثل "en" (أو null)',
  "config.expectKeys": "اسمَ مفتاح أو قائمة أسماء مفاتيح",
  "config.expectKey": 'اسمَ مفتاح (مثل "x" أو "G" أو "C-d" أو "S-tab" أو "enter")',
  "config.keyClash":
    "config.json: القيمة {value} للمفتاح keymap.{action} تعيد استعمال {key} المربوط أصلًا بالإجراء {other}؛ تُستعمل {fallback}",
  "config.keyLost":
    "config.json: keymap: فقد الإجراء {action} كل مفاتيحه لارتباطات أخرى؛ لم يعد له مفتاح",
  "config.notTimeline":
    "config.json: القيمة {value} للمفتاح {key} ليست خيطًا زمنيًا (home أو local أو federated أو notifications أو direct أو tag:NAME أو list:ID)؛ أُسقطت هذه اللوحة",
  "config.expectWidth": "عددًا أكبر من 0 لا يتجاوز 100",
  "config.expectPaneList": "قائمةَ لوحات",
  "config.tooManyPanes": {
    zero: `config.json: لا مدخلات في panes؛ ${AFTER_MAX}`,
    one: `config.json: في panes مدخل واحد؛ ${AFTER_MAX}`,
    two: `config.json: في panes مدخلان؛ ${AFTER_MAX}`,
    few: `config.json: في panes {count} مدخلات؛ ${AFTER_MAX}`,
    many: `config.json: في panes {count} مدخلًا؛ ${AFTER_MAX}`,
    other: `config.json: في panes {count} مدخل؛ ${AFTER_MAX}`,
  },
  "config.noValidPane": "config.json: ليس في panes أي لوحة صالحة؛ تُستعمل {fallback}",
  "config.notPrivate":
    "تعذّر جعل {path} خاصًّا (صلاحياته {mode} والمطلوب {wanted}): ستنكشف الرموز لغيرك",
  "config.invalidJson": "{path} ليس JSON صالحًا ({why}): أصلحه أو احذفه",
  "config.readOnly": "{path} للقراءة فقط هنا: لم يُحمَّل ما يكتبه",
  "token.couldNotStart": "تعذّر تشغيل token_command: {why}",
  "token.failed": "فشل token_command ({status})",
  "token.failedWhy": "فشل token_command ({status}): {why}",
  "token.killed": "أُنهي بالإشارة {signal}",
  "token.exit": "رمز الخروج {code}",
  "token.printedNothing": "لم يطبع token_command شيئًا",
  "token.notToken": "طبع token_command شيئًا ليس رمزًا",
};
