// A pane's title is a blessed label, a box that shrinks to its content. blessed measures that
// content by its UTF-16 length, so a combining mark (the shadda of الموحَّد), an emoji
// sequence's stand-in or a wide glyph's second-half marker each left a blank cell of
// padding after the title. The label must be exactly as wide as the cells it draws.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { PassThrough } from "node:stream";
import { test } from "node:test";
import {
  fromPlaceholders,
  installBlessedWidthFix,
  installCellModel,
} from "../../src/render/blessed-fit.js";
import { cellWidth } from "../../src/render/index.js";

const blessed = createRequire(import.meta.url)("blessed");
installBlessedWidthFix(blessed);

function topBorder(title: string): string {
  const output = Object.assign(new PassThrough(), { columns: 60, rows: 5, isTTY: true });
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => {} });
  const screen = blessed.screen({
    input,
    output,
    terminal: "xterm-256color",
    fullUnicode: true,
    warnings: false,
  });
  installCellModel(screen);
  const box = blessed.box({
    parent: screen,
    top: 0,
    left: 0,
    width: 60,
    height: 4,
    border: { type: "line" },
  });
  box.setLabel(` ${title} `);
  screen.render();
  const row = (screen.lines[0] as Array<[number, string]>).map((c) =>
    c[1] === "\x03" ? "" : c[1],
  );
  screen.destroy();
  return fromPlaceholders(row.join(""));
}

for (const title of [
  "الموحَّد · مباشر",
  "Home · live",
  "🇯🇵 日本 · live",
  "👩‍🍳 cooks · live",
  "ﺪﺣَّﻮﻤﻟﺍ · ﺮﺷﺎﺒﻣ",
]) {
  test(`a label of ${JSON.stringify(title)} is followed by the border at once`, () => {
    const row = topBorder(title);
    const after = row.slice(row.indexOf(title) + title.length);
    assert.ok(row.includes(title), row);
    assert.ok(after.startsWith(" ─"), `one space, then the border: ${JSON.stringify(row)}`);
    assert.equal(cellWidth(row), 60, row);
  });
}
