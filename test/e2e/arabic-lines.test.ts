// The Arabic interface in tmux (which does no bidi, so tootty draws in visual order): the
// lines tootty words itself inside toots and notifications read right to left, against the
// right edge, with the server's words in them in their own order.
import assert from "node:assert/strict";
import { test } from "node:test";
import { rtl, seen } from "../helpers/arabic.js";
import { e2eInstance, NEEDS_QUOTES } from "../helpers/e2e.js";
import type { TerminalSession } from "../helpers/terminal-session.js";

const e2e = e2eInstance({ generate: false, seedCount: 3 });
const ARABIC = { LANG: "ar_EG.UTF-8", LC_ALL: "" };

/** Every row holding `text`, between the pane's borders. */
function rowsWith(screen: string, text: string): string[] {
  return seen(screen)
    .split("\n")
    .filter((l) => l.includes(text))
    .map((l) => l.slice(l.indexOf("│") + 1, l.lastIndexOf("│")));
}

async function arabic(cols = 80, rows = 24): Promise<TerminalSession> {
  const tui = e2e.start({ cols, rows, env: ARABIC, emulator: "tmux" });
  await tui.waitFor((s) => seen(s).includes(rtl("مباشر")), "the Arabic interface, live", 20_000);
  return tui;
}

test("in the Arabic interface tootty's lines in toots and notifications run right to left", async () => {
  const tui = await arabic();
  // The demo's newest toots match the reader's filters: the notice reads "matches filter:
  // <title> — open it to show", the title (the reader's own English words) in its order.
  const filtered = rtl("يطابق عامل التصفية");
  const screen = await tui.waitFor((s) => seen(s).includes(filtered), "a filter's notice");
  const [notice] = rowsWith(screen, filtered);
  assert.match(
    notice!,
    new RegExp(`^ {10,}${rtl("افتحه للعرض")} — [A-Z][A-Za-z ()]+ :${filtered}$`),
    `the notice against the right edge, read right to left:\n${screen}`,
  );
  // A toot's header: the name on the right, its handle on the name's left, the time leftmost.
  const header = rowsWith(screen, "@alice ")[0];
  assert.match(header ?? "", /^▌? +\S.* · @alice Alice :blobcat:$/, `the header:\n${screen}`);
  // The notifications: the time on the right, who, what they did, the excerpt on the left.
  tui.send("4");
  const favourited = rtl("أُعجب بمنشورك");
  const notes = await tui.waitFor((s) => seen(s).includes(favourited), "a favourite");
  const [favourite] = rowsWith(notes, favourited);
  assert.match(
    favourite!,
    new RegExp(`^ *\\S.* :${favourited} @\\S+ .+ ${rtl("د")} [٠-٩]+$`),
    `the verb line read right to left, its time on the right:\n${notes}`,
  );
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});

test("in the Arabic interface a quote's bar is on the right and every count in Arabic digits", async () => {
  const tui = await arabic(100, 40);
  // The demo's quotes: the quoted toot's lines stand left of a bar on the right edge, its
  // header (name on the right, time on the left) against the bar. A server without quote
  // posts (GoToSocial, snac) sends none: there, the counts alone.
  const quotedHeader = /^ +\S.* · @\S+ .+ │$/;
  const screen = await tui.waitFor(
    (s) =>
      (NEEDS_QUOTES !== false || rowsWith(s, " · @").some((r) => quotedHeader.test(r))) &&
      rowsWith(s, "☆").length > 1,
    "a quoted toot and the counts",
  );
  assert.ok(
    !rowsWith(screen, " · @").some((r) => /^\s*│/.test(r)),
    `no quote bar on the left:\n${screen}`,
  );
  // The counts are written in the digits the times are (ar-EG: Arabic-Indic, as Intl gives).
  for (const counts of rowsWith(screen, "☆"))
    assert.match(
      counts,
      // The quotes count only where the server counts quotes (Akkoma, Sharkey do not).
      /^▌? +(?:[٠-٩]+ ❝ {2})?[٠-٩٬]+ [☆★] {2}[٠-٩٬]+ ↻ {2}[٠-٩٬]+ ↩$/,
      `a counts line in Arabic digits:\n${screen}`,
    );
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});
