// A date and a time inside a right-to-left message read as one left-to-right unit, in the
// local time the reader typed: "سيُنشر في 2026-12-01 09:00" draws its date first and its
// hyphens in place, where UAX #9 alone would draw "09:00 01-12-2026" (W2 makes each number
// Arabic after the Arabic words, N1 runs the space between them right to left).
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, before, beforeEach, describe, test } from "node:test";
import { DraftStore } from "../../src/compose/drafts.js";
import { keysFromString } from "../../src/compose/keys.js";
import { ComposeSession } from "../../src/compose/session.js";
import { loadLanguage, setLocale, shown } from "../../src/i18n/index.js";
import { setVisualBidi } from "../../src/render/bidi.js";

// The Arabic catalogue loads when Arabic is chosen (as tootty does at start-up).
before(() => loadLanguage("ar"));

const graphemes = new Intl.Segmenter("ar", { granularity: "grapheme" });
const rtl = (s: string) =>
  Array.from(graphemes.segment(s), (g) => g.segment)
    .reverse()
    .join("");
/**
 * Presentation forms back to letters: what a reader sees, compared as text. A lam-alef
 * ligature, drawn in visual order, is alef (left) then lam.
 */
const seen = (s: string) =>
  s
    .replace(/[\ufef5-\ufefc]/g, (c) => [...c.normalize("NFKC")].reverse().join(""))
    .replace(/[\ufb50-\ufdff\ufe70-\ufefc]/g, (c) => c.normalize("NFKC"));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "tootty-dates-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  setVisualBidi(false);
  setLocale("en");
});

/** The composer's status line without its count (on the right, after the padding). */
const message = (session: ComposeSession) =>
  session.view(80, 3).status.replace(/ +\d+\/500 *$/, "");

async function scheduled(): Promise<ComposeSession> {
  const session = ComposeSession.fresh({
    store: new DraftStore(dir),
    api: {
      postStatus: async () => ({ id: "1" }),
      editStatus: async (id) => ({ id }),
    },
    maxCharacters: 500,
    editExternally: async (t) => t,
    now: () => new Date(2026, 10, 30, 12, 0),
  });
  for (const k of keysFromString("later<Esc>:schedule 2026-12-01 09:00<CR>"))
    await session.press(k);
  return session;
}

describe("a date and a time in a message", () => {
  test("in the Arabic interface where tootty does the bidi: date, then time, as typed", async () => {
    setLocale("ar");
    setVisualBidi(true);
    const session = await scheduled();
    assert.equal(seen(shown(message(session))), `2026-12-01 09:00 ${rtl("سيُنشر في")}`);
    const fields = seen(shown(session.view(80, 3).fields));
    assert.ok(fields.includes(`2026-12-01 09:00 ${rtl("مجدول في")}`), fields);
    for (const k of keysFromString(":schedule 2026-11-30 11:00<CR>")) await session.press(k);
    assert.equal(seen(shown(message(session))), rtl("في الماضي").concat(" 2026-11-30 11:00"));
    for (const k of keysFromString(":schedule 2026-02-30 09:00<CR>")) await session.press(k);
    assert.equal(seen(shown(message(session))), `2026-02-30 09:00 :${rtl("لا وجود لهذا الوقت")}`);
  });

  test("where the terminal reorders: marks it knows keep the unit, nothing else is added", async () => {
    setLocale("ar");
    const session = await scheduled();
    assert.equal(message(session), "سيُنشر في \u200e2026-12-01 09:00\u200e");
  });

  test("in English: the local time typed, not the UTC instant sent to the server", async () => {
    const session = await scheduled();
    assert.equal(message(session), "Will be posted at 2026-12-01 09:00");
  });
});
