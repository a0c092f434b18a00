// With LANG=ar_EG.UTF-8 tootty speaks Arabic: pane titles, the status bar's hints, the
// quit question, in visual order with joined letters (tmux does no bidi).
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { ar } from "../../src/i18n/ar.js";
import { CONNECTED, command, e2eInstance, MAX_CHARACTERS } from "../helpers/e2e.js";
import { runCli } from "../helpers/run-cli.js";

const e2e = e2eInstance({ generate: false, seedCount: 3 });
/**
 * The captured screen with its presentation forms normalised back to letters; a lam-alef
 * ligature, drawn in visual order, is alef (left) then lam.
 */
const seen = (screen: string) =>
  screen
    .replace(/[\ufef5-\ufefc]/g, (c) => [...c.normalize("NFKC")].reverse().join(""))
    .normalize("NFKC");
const graphemes = new Intl.Segmenter("ar", { granularity: "grapheme" });
/** Right to left, each letter with its marks (a terminal draws a mark after its letter). */
const rtl = (s: string) =>
  Array.from(graphemes.segment(s), (g) => g.segment)
    .reverse()
    .join("");

test("with LANG=ar_EG.UTF-8 the interface is Arabic", async () => {
  const tui = e2e.start({
    cols: 100,
    rows: 30,
    env: { LANG: "ar_EG.UTF-8", LC_ALL: "" },
    config: { confirm: { quit: true } },
  });
  // The connection state is Arabic too: wait for "live" (مباشر), or "polling" on a server
  // without streaming. Its words there are long: the status line keeps every hint beside them
  // (help and quit are the last ones), saying "polling" alone; the pane's title says why.
  const state = CONNECTED === "live" ? ar["state.live"] : ar["state.polling"];
  const words = ["الرئيسية", "المحلي", "الموحَّد", "الإشعارات", "مساعدة", "خروج", state];
  // The pane's title may say the state before the status line below it is drawn: waits for all.
  const screen = await tui
    .waitFor((s) => words.every((w) => seen(s).includes(rtl(w))), "Arabic words", 15_000)
    .catch(() => tui.capture());
  for (const word of words) {
    assert.ok(seen(screen).includes(rtl(word)), `${word} on screen:\n${screen}`);
  }
  assert.ok(!screen.includes("Home"), `no English title left:\n${screen}`);
  assert.ok(
    screen.includes("1-4/Tab") || screen.includes("1–4/Tab"),
    `pane keys left to right:\n${screen}`,
  );
  // The help: its title and what each key does.
  tui.send("?");
  const help = await tui.waitFor((s) => seen(s).includes(rtl("المفاتيح")), "the help in Arabic");
  assert.ok(seen(help).includes(rtl("المنشور التالي")), `keys described in Arabic:\n${help}`);
  tui.send("Escape");
  await tui.waitFor((s) => !seen(s).includes(rtl("المفاتيح")), "the help closed");
  // A toot's render words: the demo's newest toots match the reader's filters.
  await tui.waitFor((s) => seen(s).includes(rtl("يطابق عامل التصفية")), "a filter's words");
  // The composer: its title, the mode line and the field line.
  tui.send("c");
  const composer = await tui.waitFor(
    (s) => seen(s).includes(rtl("منشور جديد")) && seen(s).includes(rtl("إدراج")),
    "the composer in Arabic",
  );
  assert.ok(seen(composer).includes(rtl("بلا تحذير")), `the field line:\n${composer}`);
  assert.ok(!composer.includes("INSERT"), `no English mode line:\n${composer}`);
  tui.send("Escape", ":q!", "Enter");
  await tui.waitFor((s) => !seen(s).includes(rtl("منشور جديد")), "the composer closed");
  // A view: its title and its empty state.
  tui.send(":", "bookmarks", "Enter");
  await tui.waitFor((s) => seen(s).includes(rtl("العلامات")), "the bookmarks view in Arabic");
  tui.send("Escape");
  await tui.waitFor((s) => !seen(s).includes(rtl("العلامات")), "the view closed");
  tui.send("q");
  await tui.waitFor((s) => seen(s).includes(rtl("الخروج من")), "the quit question in Arabic");
  tui.send("y");
  assert.equal(await tui.waitForExit(), 0);
});

/** `tootty ARGS` under `lang`, without a terminal: what it prints, in logical order. */
const run = (args: string[], lang: string) => runCli(args, { LANG: lang });

test("with LANG=ar_EG.UTF-8 the command line is Arabic: errors, --help, accounts", async () => {
  const usage = await run(["frobnicate"], "ar_EG.UTF-8");
  assert.equal(usage.code, 2);
  assert.equal(usage.stderr, "tootty: أمر غير معروف 'frobnicate' (انظر tootty --help)\n");
  const noAccount = await run([], "ar_EG.UTF-8");
  assert.equal(noAccount.code, 1);
  assert.match(noAccount.stderr, /^tootty: لا حساب بعد: شغّل `tootty login HOST`/);
  const help = await run(["--help"], "ar_EG.UTF-8");
  assert.match(help.stdout, /^tootty — عميل ماستودون في الطرفية\n\nالاستخدام:\n/);
  const accounts = await run(["accounts"], "ar_EG.UTF-8");
  assert.match(accounts.stdout, /^لا حسابات بعد\./);
  // English is as it was.
  const english = await run(["frobnicate"], "en_GB.UTF-8");
  assert.equal(english.stderr, "tootty: unknown command 'frobnicate' (see tootty --help)\n");
});

test("with LANG=ar_EG.UTF-8 the settings reference and the config file's warnings are Arabic", async () => {
  const dir = mkdtempSync(join(tmpdir(), "tootty-cfg-"));
  writeFileSync(
    join(dir, "config.json"),
    JSON.stringify({ watchdogMs: "soon", panes: ["home", "nowhere"], colour: 1 }),
  );
  const arabic = { LANG: "ar_EG.UTF-8", TOOTTY_CONFIG_DIR: dir };
  const help = await runCli(["config", "--help"], arabic);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^tootty config — ملف الإعدادات\n\nالاستخدام:\n/);
  // What each key does is said in Arabic too; the key names and defaults stay as written.
  assert.match(help.stdout, /^ {4}boost {10}b {17}\S*[\u0600-\u06ff]/m);
  assert.match(help.stdout, /^ {2}watchdogMs {9}\S*[\u0600-\u06ff].*$/m);
  /** Lines of the reference with English words in them that are not names or values. */
  const englishLines = (text: string) =>
    text.split("\n").filter((l) => /\b(the|is|of|and|to|for|with|its|that|this|each)\b/i.test(l));
  assert.deepEqual(englishLines(help.stdout), []);
  const inEnglish = await runCli(["config", "--help"], { ...arabic, LANG: "C.UTF-8" });
  assert.ok(englishLines(inEnglish.stdout).length > 20, "the same check finds the English text");

  const problems = [
    /^tootty: config\.json: القيمة "soon" للمفتاح watchdogMs ليست عددًا صحيحًا من 5000 إلى 600000؛ تُستعمل 45000$/,
    /^tootty: config\.json: القيمة "nowhere" للمفتاح panes\[1\] ليست خيطًا زمنيًا .*أُسقطت هذه اللوحة$/,
    /^tootty: config\.json: مفتاح غير معروف "colour"، تُرك دون استعمال$/,
  ];
  const check = await runCli(["config", "check"], arabic);
  assert.equal(check.code, 1);
  const lines = check.stderr.trimEnd().split("\n");
  assert.equal(lines.length, problems.length, check.stderr);
  for (const problem of problems)
    assert.ok(
      lines.some((l) => problem.test(l)),
      `${problem}`,
    );
  // Starting the interface says them the same way (the language is known before they are
  // worded), then the error that stops it.
  const start = await runCli([], arabic);
  assert.equal(start.code, 1);
  const said = start.stderr.trimEnd().split("\n");
  for (const problem of problems)
    assert.ok(
      said.some((l) => problem.test(l)),
      `${problem}`,
    );
  assert.match(said.at(-1) ?? "", /^tootty: لا حساب بعد/);
  // A config that asks for Arabic words its own problems in Arabic, whatever LANG says.
  const configured = mkdtempSync(join(tmpdir(), "tootty-cfg-"));
  writeFileSync(join(configured, "config.json"), '{"interfaceLanguage": "ar", "bufferSize": 1}');
  const asked = await runCli([], { LANG: "C.UTF-8", TOOTTY_CONFIG_DIR: configured });
  assert.match(asked.stderr, /^tootty: config\.json: القيمة 1 للمفتاح bufferSize ليست عددًا صحيحًا/);
});

/** The text of the screen line holding `text`, between the view's borders. */
function rowWith(screen: string, text: string): string {
  const line = seen(screen)
    .split("\n")
    .find((l) => l.includes(text));
  assert.ok(line !== undefined, `"${text}" on screen:\n${screen}`);
  return line.slice(line.indexOf("│") + 1, line.lastIndexOf("│"));
}

test("a profile's name, bio and fields take their direction from their own text", async () => {
  // An English interface: an Arabic name and bio still run right to left, against the right
  // edge (the letters drawn right to left, joined).
  const english = e2e.start({ cols: 100, rows: 30 });
  await english.waitForText("Home");
  await command(english, "profile farid@souq.example");
  const farid = await english.waitForText("Relationship:");
  const bio = rowWith(farid, rtl("مطور برمجيات من عمّان"));
  assert.match(bio, /^ {20,}\S/, `the bio against the right edge:\n${farid}`);
  assert.ok(bio.endsWith(rtl("مطور برمجيات من عمّان")), `nothing after it:\n${farid}`);
  const name = rowWith(farid, rtl("فريد الحسن"));
  assert.ok(name.endsWith(`@farid@souq.example ${rtl("فريد الحسن")}`), `the name line:\n${farid}`);
  english.send("Escape", "q");
  assert.equal(await english.waitForExit(), 0);

  // An Arabic interface: an English bio and its fields still run left to right, from the left
  // edge, its full stop last.
  const arabic = e2e.start({ cols: 100, rows: 30, env: { LANG: "ar_EG.UTF-8", LC_ALL: "" } });
  await arabic.waitFor((s) => seen(s).includes(rtl("الرئيسية")), "the Arabic interface");
  await command(arabic, "profile alice");
  const alice = await arabic.waitForText("Terminal enthusiast");
  assert.match(
    rowWith(alice, "Terminal enthusiast"),
    /^ {0,2}Terminal enthusiast\. tmux, vim, and too many dotfiles\. *$/,
    `the English bio as written:\n${alice}`,
  );
  assert.match(rowWith(alice, "Pronouns"), /^ {0,2}Pronouns +she\/her *$/, alice);
  arabic.send("Escape", "q");
  assert.equal(await arabic.waitForExit(), 0);
});

/** A number as ar-EG writes it in the composer's counter: Arabic-Indic digits, ungrouped (Intl). */
const egyptian = (n: number) => new Intl.NumberFormat("ar-EG", { useGrouping: false }).format(n);

test("in the Arabic interface the composer's messages and a server's rules keep their own order", async () => {
  const tui = e2e.start({ cols: 100, rows: 30, env: { LANG: "ar_EG.UTF-8", LC_ALL: "" } });
  await tui.waitFor((s) => seen(s).includes(rtl("الرئيسية")), "the Arabic interface");
  // A message that ends in the command typed: mirrored with the count on the left, the
  // message against the right edge, the command on the message's left.
  tui.send("c");
  await tui.waitFor((s) => seen(s).includes(rtl("إدراج")), "the composer");
  tui.send("Escape", ":frob", "Enter");
  const composer = await tui.waitForText("frob");
  assert.match(
    rowWith(composer, "frob"),
    new RegExp(
      `^${egyptian(0)}/${egyptian(MAX_CHARACTERS)} {20,}frob :${rtl("ليس أمرًا من أوامر المحرر")}$`,
    ),
    `the status line:\n${composer}`,
  );
  tui.send(":q!", "Enter");
  await tui.waitFor((s) => !s.includes("frob"), "the composer closed");
  // The server's rules are its text: English ones read left to right, their full stop last.
  await command(tui, "instance");
  const instance = await tui.waitForText("Be kind");
  assert.match(
    rowWith(instance, "Be kind"),
    /^ +1\. Be kind\. No harassment.*bigotry\.? *$/,
    instance,
  );
  tui.send("Escape", "q");
  assert.equal(await tui.waitForExit(), 0);
});

test("at 80 columns the status line leaves out its last hints whole, in Arabic as in English", async () => {
  // The hints are cut in reading order: the first ones read (j/k move) stay, the last go, and
  // no hint is left half drawn. A cut of the drawn line would take the first-read hint of a
  // right-to-left line, which is at its right end.
  for (const lang of ["ar_EG.UTF-8", "C.UTF-8"]) {
    const tui = e2e.start({ cols: lang === "C.UTF-8" ? 60 : 80, rows: 24, env: { LANG: lang } });
    const bottom = (s: string) =>
      s
        .split("\n")
        .filter((r) => r.trim() !== "")
        .at(-1) ?? "";
    const screen = await tui.waitFor(
      (s) => bottom(s).includes("j/k"),
      `${lang}: the move hint`,
      15_000,
    );
    const row = bottom(screen);
    // A cut line ends in an ellipsis (a state such as "connecting…" may carry one inside).
    assert.ok(!row.trimEnd().endsWith("…"), `${lang}: no hint cut in the middle:\n${row}`);
    tui.send("q");
    assert.equal(await tui.waitForExit(), 0);
  }
});
