import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import fc from "fast-check";
import { shapeArabic } from "../../src/render/arabic-shaping.js";
import { setVisualBidi, visualParagraph, visualRow } from "../../src/render/bidi.js";
import {
  cellWidth,
  pickTheme,
  renderStatus,
  sanitizeInline,
  stripAnsi,
} from "../../src/render/index.js";
import type { Piece } from "../../src/render/pieces.js";
import { makeAccount, makeStatus, NOW } from "./make-status.js";

const plain = (text: string): Piece => ({ text, roles: [] });
const joined = (line: readonly Piece[]) => line.map((p) => p.text).join("");
/** Presentation forms back to letters: what a reader sees, compared as text. */
const seen = (s: string) => s.normalize("NFKC");
const reversed = (s: string) => [...s].reverse().join("");

// Brackets the selected cases use; a bracket at an odd level is drawn mirrored (UAX #9 L4).
const MIRROR: Record<string, string> = {
  "(": ")",
  ")": "(",
  "[": "]",
  "]": "[",
  "<": ">",
  ">": "<",
};

interface Case {
  line: string;
  text: string;
  base: "ltr" | "rtl" | "auto";
  rtl: boolean;
  visual: string;
}

function cases(): Case[] {
  const file = new URL("./fixtures/bidi-character-test.txt", import.meta.url);
  const out: Case[] = [];
  let line = "";
  for (const row of readFileSync(file, "utf8").split("\n")) {
    if (row.startsWith("# line ")) line = row.slice(7);
    if (row.startsWith("#") || row.trim() === "") continue;
    const [codes, dir, level, levels, order] = row.split(";");
    const chars = codes!.split(" ").map((h) => String.fromCodePoint(Number.parseInt(h, 16)));
    const lv = levels!.split(" ").map(Number);
    const visual = order!
      .split(" ")
      .map(Number)
      .map((i) => (lv[i]! % 2 === 1 ? (MIRROR[chars[i]!] ?? chars[i]!) : chars[i]!))
      .join("");
    out.push({
      line,
      text: chars.join(""),
      base: (["ltr", "rtl", "auto"] as const)[Number(dir)]!,
      rtl: level === "1",
      visual,
    });
  }
  return out;
}

describe("visual order by UAX #9 (cases from Unicode's BidiCharacterTest)", () => {
  const table = cases();
  test("the selection is the committed one", () => assert.equal(table.length, 79));
  for (const c of table) {
    test(`BidiCharacterTest line ${c.line} (${c.base})`, () => {
      const p = visualParagraph([[plain(c.text)]], c.base);
      assert.equal(p.rtl, c.rtl, "paragraph direction");
      assert.equal(seen(joined(p.lines[0]!)), c.visual);
    });
  }
});

describe("Arabic shaping", () => {
  const shape = (s: string) => shapeArabic([...s]).join("");
  test("letters take their initial, medial, final and isolated forms", () => {
    // بيت: beh initial, yeh medial, teh final; محمد: meem initial, hah medial, meem medial, dal final.
    assert.equal(shape("بيت"), "\ufe91\ufef4\ufe96");
    assert.equal(shape("محمد"), "\ufee3\ufea4\ufee4\ufeaa");
    // A right-joining letter (dal, alef, waw) ends the join: what follows starts again.
    assert.equal(shape("ودب"), "\ufeed\ufea9\ufe8f");
    assert.equal(shape("ب"), "\ufe8f");
  });

  test("lam before alef becomes one ligature, final after a joining letter", () => {
    assert.equal(shape("لا"), "\ufefb");
    assert.equal(shape("سلام"), "\ufeb3\ufefc\ufee1");
    assert.equal(shape("لأ"), "\ufef7");
  });

  test("marks are transparent: they stay on their letter and do not break the join", () => {
    const clusters = ["بَ", "ي", "ت"];
    assert.deepEqual(shapeArabic(clusters), ["\ufe91\u064e", "\ufef4", "\ufe96"]);
  });

  test("text of other scripts is untouched, and a space or Latin letter breaks the join", () => {
    assert.equal(shape("abc 漢字"), "abc 漢字");
    assert.equal(shape("بb"), "\ufe8fb");
  });

  test("whatever the text, the shaped forms normalise back to it (NFKC)", () => {
    const pool = [..."ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئةى"];
    const extra = ["\u064e", "\u0651", " ", "a", "ـ", "لا", "1"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool, ...extra), { maxLength: 20 }), (parts) => {
        const text = parts.join("");
        assert.equal(seen(shape(text)), seen(text));
      }),
    );
  });
});

describe("Arabic inside a toot", () => {
  before(() => setVisualBidi(true));
  after(() => setVisualBidi(false));
  const body = (html: string, width = 60, over = {}) =>
    renderStatus(makeStatus({ content: html, ...over }), {
      width,
      theme: pickTheme("mono", 0),
      now: NOW,
    })
      .map(stripAnsi)
      .slice(1, -1);

  test("a right-to-left paragraph is in visual order, joined, against the right edge", () => {
    const [line] = body("<p>مرحبا بالعالم</p>", 40);
    assert.equal(cellWidth(line!), 40);
    assert.equal(seen(line!.trimStart()), reversed("مرحبا بالعالم"));
    // مرحبا: meem initial, reh final, hah initial, beh medial, alef final — drawn right to left.
    assert.ok(line!.endsWith("\ufe8e\ufe92\ufea3\ufeae\ufee3"), "مرحبا in joined forms");
  });

  test("wrapped in logical order, then each line reordered: the first words on the top line", () => {
    // No lam before alef here: its ligature normalises back in logical order.
    const words = "واحد اثنان أربعة خمسة ستة سبعة ثمانية تسعة عشرة";
    const lines = body(`<p>${words}</p>`, 16).map((l) => seen(l.trim()));
    assert.ok(lines.length > 1);
    const read = lines.map(reversed).join(" ");
    assert.equal(read, words);
  });

  test("mentions, hashtags, links and numbers keep their own direction", () => {
    const html =
      '<p><span class="h-card"><a href="https://home.example/@bob" class="u-url mention">@<span>bob</span></a></span> ' +
      'شكرا على ٣ أو 42 صورة <a href="https://home.example/tags/%D9%85%D8%B5%D8%B1" class="mention hashtag">#<span>مصر</span></a> ' +
      '<a href="https://example.com/a/b">https://example.com/a/b</a></p>';
    const text = seen(
      body(html, 100, {
        mentions: [{ id: "2", username: "bob", acct: "bob", url: "https://home.example/@bob" }],
      })[0]!,
    );
    assert.ok(text.includes("@bob"), text);
    assert.ok(text.includes("https://example.com/a/b"), text);
    assert.ok(text.includes(" 42 "), text);
    // An Arabic hashtag is itself right to left: its # is at its right end.
    assert.ok(text.includes(`${reversed("مصر")}#`), text);
    // A reply that starts with a mention is still an Arabic paragraph: the mention is at the right.
    assert.ok(text.trimEnd().endsWith("@bob"), text);
  });

  test("an Arabic display name reads right in the left-to-right header", () => {
    const s = makeStatus({ account: makeAccount({ displayName: "محمد علي" }) });
    const header = stripAnsi(
      renderStatus(s, { width: 60, theme: pickTheme("mono", 0), now: NOW })[0]!,
    );
    assert.ok(seen(header).startsWith(`${reversed("محمد علي")} @alice`), header);
  });

  test("no line is wider than the pane, whatever the mix", () => {
    const words = [
      "مرحبا",
      "بالعالم",
      "hello",
      "123",
      "٤٥٦",
      "😀",
      "(نص)",
      "e\u0301",
      "漢字",
      "لا",
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 4, max: 50 }),
        (parts, width) => {
          for (const line of body(`<p>${parts.join(" ")}</p>`, width)) {
            assert.ok(cellWidth(line) <= width, `${line} (${cellWidth(line)} > ${width})`);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("where the terminal does the bidi", () => {
  test("tootty sends logical order, unshaped: nothing is reordered twice", () => {
    setVisualBidi(false);
    const lines = renderStatus(makeStatus({ content: "<p>مرحبا 123 abc</p>" }), {
      width: 40,
      theme: pickTheme("mono", 0),
      now: NOW,
    }).map(stripAnsi);
    assert.equal(lines[1], sanitizeInline("مرحبا 123 abc"));
  });
});

describe("the composer's row in visual order", () => {
  before(() => setVisualBidi(true));
  after(() => setVisualBidi(false));
  const cellsOf = (s: string) => cellWidth(s);

  test("an Arabic row is right-aligned, joined, and the cursor stands on its character", () => {
    const r = visualRow("مرحبا", 0, 10);
    assert.equal(seen(r.text), `     ${reversed("مرحبا")}`);
    assert.equal(r.col, 9, "on م, the rightmost");
    // At the end: left of the last letter, where the next one will appear.
    assert.equal(visualRow("مرحبا", 5, 10).col, 4);
    // lam-alef stays two cells: the cursor can stand on either.
    assert.equal(cellsOf(visualRow("لا", 0, 10).text), 10);
  });

  test("the cursor is drawn where the next character typed appears", () => {
    const letters = [..."ابتثجحخدذرزسشصضطظعغفقكلمنهوي "];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 12 }),
        fc.nat(),
        fc.constantFrom(...letters.slice(0, -1)),
        (chars, at, typed) => {
          const text = chars.join("");
          // A row the editor draws is trimmed of nothing: keep at least one letter.
          fc.pre(/\S/.test(text));
          const p = at % (chars.length + 1);
          const before = visualRow(text, p, 20);
          const after = visualRow(chars.toSpliced(p, 0, typed).join(""), p, 20);
          assert.equal(after.col, before.col, `typing at ${p} of ${JSON.stringify(text)}`);
        },
      ),
    );
  });

  test("left-to-right rows are drawn as they are", () => {
    assert.deepEqual(visualRow("hello", 2, 10), { text: "hello", col: 2 });
  });
});
