// Panels tootty opens over the panes, read in the Arabic interface in tmux (no bidi: tootty
// draws visual order): their titles, rows and footers run right to left against the right
// edge, a handle in a title keeps its order, and every word on them is the catalogue's.
import assert from "node:assert/strict";
import { test } from "node:test";
import { rtl, seen } from "../helpers/arabic.js";
import { e2eInstance } from "../helpers/e2e.js";
import type { TerminalSession } from "../helpers/terminal-session.js";

const e2e = e2eInstance({ generate: false, seedCount: 3 });
const ARABIC = { LANG: "ar_EG.UTF-8", LC_ALL: "" };

/** The row holding `text`, between the outermost borders (a panel covers the pane). */
function rowWith(screen: string, text: string): string | undefined {
  const line = seen(screen)
    .split("\n")
    .find((l) => l.includes(text));
  return line?.slice(line.indexOf("│") + 1, line.lastIndexOf("│"));
}

async function arabic(cols: number, rows: number): Promise<TerminalSession> {
  const tui = e2e.start({ cols, rows, env: ARABIC, emulator: "tmux" });
  await tui.waitFor((s) => seen(s).includes(rtl("مباشر")), "the Arabic interface, live", 20_000);
  return tui;
}

for (const [cols, rows] of [
  [80, 24],
  [120, 40],
] as const) {
  test(`in Arabic at ${cols}×${rows} the help and the report read right to left`, async () => {
    const tui = await arabic(cols, rows);
    // The help: the keys as the hints name them, on the right of what they do.
    tui.send("?");
    const help = await tui.waitFor((s) => seen(s).includes(rtl("المنشور التالي")), "the help");
    assert.match(
      rowWith(help, rtl("المنشور التالي")) ?? "",
      new RegExp(`^ {20,}${rtl("المنشور التالي")} +j، Down $`),
      `the keys on the right:\n${help}`,
    );
    tui.send("\x1b");
    await tui.waitFor((s) => !seen(s).includes(rtl("المنشور التالي")), "the help closed");
    // The report: the handle keeps its order in the title, each choice numbered on the right.
    tui.send("!");
    const why = rtl("لماذا تبلّغ عن هذا المنشور؟");
    const report = await tui.waitFor((s) => seen(s).includes(why), "the report");
    assert.ok(seen(report).includes(` @alice ${rtl("الإبلاغ عن")} ─┐`), `the title:\n${report}`);
    assert.match(
      rowWith(report, rtl("رسائل مزعجة")) ?? "",
      new RegExp(` {10,}${rtl("رسائل مزعجة")} \\.1 │`),
      `a choice, its number on the right:\n${report}`,
    );
    tui.send("\x1b");
    await tui.waitFor((s) => !seen(s).includes(why), "the report closed");
    tui.send("q");
    assert.equal(await tui.waitForExit(), 0);
  });
}
