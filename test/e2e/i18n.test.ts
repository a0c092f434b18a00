// With LANG=ar_EG.UTF-8 tootty speaks Arabic: pane titles, the status bar's hints, the
// quit question, in visual order with joined letters (tmux does no bidi).
import assert from "node:assert/strict";
import { test } from "node:test";
import { e2eInstance } from "../helpers/e2e.js";
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
  // The connection state is Arabic too: wait for "live" (مباشر).
  const screen = await tui.waitFor((s) => seen(s).includes(rtl("مباشر")), "Arabic state", 15_000);
  for (const word of ["الرئيسية", "المحلي", "الموحَّد", "الإشعارات", "مساعدة", "خروج", "مباشر"]) {
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
