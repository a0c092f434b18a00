import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { applyKeys, createEditor, type EditorState } from "../../src/compose/editor.js";
import { keysFromString } from "../../src/compose/keys.js";
import { CASES } from "./editor-cases.js";

/** Builds an editor from text with "|" marking the cursor. */
function editorAt(marked: string): EditorState {
  const before = marked.slice(0, marked.indexOf("|"));
  const lines = before.split("\n");
  const line = lines.length - 1;
  const col = Array.from(
    new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(lines[line]!),
  ).length;
  return createEditor(marked.replace("|", ""), { cursor: { line, col } });
}

/** The editor's text with "|" at the cursor. */
function marked(s: EditorState): string {
  return s.lines
    .map((l, i) =>
      (i === s.cursor.line ? [...l.slice(0, s.cursor.col), "|", ...l.slice(s.cursor.col)] : l).join(
        "",
      ),
    )
    .join("\n");
}

describe("vim editor: key sequences", () => {
  for (const c of CASES) {
    test(c.name, () => {
      const start = c.start.includes("|")
        ? editorAt(c.start)
        : createEditor(c.start, { cursor: { line: 0, col: 0 } });
      const end = applyKeys(start, keysFromString(c.keys));
      assert.equal(marked(end), c.expect);
      assert.equal(end.mode, c.mode ?? "normal");
    });
  }
});

describe("vim editor: the clipboard registers", () => {
  test('"+y sends the text to the clipboard as an effect, and "+p puts it back', () => {
    const start = createEditor("copy me", { cursor: { line: 0, col: 0 } });
    const yanked = applyKeys(start, keysFromString('"+yiw'));
    assert.deepEqual(yanked.effects, [{ kind: "clipboard", text: "copy" }]);
    const put = applyKeys(yanked, keysFromString('$"*p'));
    assert.equal(put.text, "copy mecopy");
  });

  test('"*yy sends the line with its line break', () => {
    const s = applyKeys(createEditor("one\ntwo"), keysFromString('gg"*yy'));
    assert.deepEqual(s.effects, [{ kind: "clipboard", text: "one\n" }]);
  });
});
