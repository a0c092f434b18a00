import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { applyKey, applyKeys, createEditor, type EditorState } from "../../src/compose/editor.js";
import { keysFromString } from "../../src/compose/keys.js";

const run = (s: EditorState, keys: string) => applyKeys(s, keysFromString(keys));
const kinds = (s: EditorState) => s.effects.map((e) => e.kind);

describe("ex commands and effects", () => {
  test(":w asks the shell to save the draft and clears the unsaved mark", () => {
    const s = run(createEditor(""), "ihi<Esc>:w<CR>");
    assert.deepEqual(kinds(s), ["save-draft"]);
    assert.equal(s.dirty, false);
    assert.equal(s.mode, "normal");
  });

  test(":wq, :x and ZZ post", () => {
    for (const keys of [":wq<CR>", ":x<CR>", "ZZ"]) {
      assert.deepEqual(kinds(run(createEditor("hi"), keys)), ["post"], keys);
    }
  });

  test(":q refuses while there are unsaved changes, :q! discards", () => {
    const typed = run(createEditor(""), "ihi<Esc>");
    const refused = run(typed, ":q<CR>");
    assert.deepEqual(kinds(refused), []);
    assert.equal(refused.messageIsError, true);
    assert.match(refused.message, /No write since last change/);
    assert.deepEqual(kinds(run(typed, ":q!<CR>")), ["discard"]);
    assert.deepEqual(kinds(run(typed, ":w<CR>:q<CR>")), ["close"]);
  });

  test("every change to the text asks for an autosave, moving does not", () => {
    const s0 = createEditor("abc");
    assert.deepEqual(kinds(applyKey(s0, { name: "x", ch: "x" })), ["autosave"]);
    assert.deepEqual(kinds(applyKey(s0, { name: "h", ch: "h" })), []);
    const inserting = run(s0, "i");
    assert.deepEqual(kinds(applyKey(inserting, { name: "a", ch: "a" })), ["autosave"]);
  });

  test("Ctrl-e and :e hand the text to the external editor", () => {
    assert.deepEqual(kinds(run(createEditor(""), "<C-e>")), ["external-editor"]);
    assert.deepEqual(kinds(run(createEditor(""), "ihi<C-e>")), ["external-editor"]);
    assert.deepEqual(kinds(run(createEditor(""), ":e<CR>")), ["external-editor"]);
  });

  test(":attach asks for an upload of the path", () => {
    const s = run(createEditor(""), ":attach ~/cat pics/cat.png<CR>");
    assert.deepEqual(s.effects, [{ kind: "attach", path: "~/cat pics/cat.png" }]);
  });

  test(":poll builds options and a duration; :poll! allows several choices", () => {
    const s = run(createEditor(""), ":poll 2h tea | coffee | water<CR>");
    assert.deepEqual(s.effects, [
      {
        kind: "poll",
        poll: { options: ["tea", "coffee", "water"], expiresIn: 7200, multiple: false },
      },
    ]);
    const multi = run(createEditor(""), ":poll! a | b<CR>");
    assert.deepEqual(multi.effects, [
      { kind: "poll", poll: { options: ["a", "b"], expiresIn: 86400, multiple: true } },
    ]);
    assert.equal(run(createEditor(""), ":poll only<CR>").messageIsError, true);
  });

  test(":schedule takes a local date and time", () => {
    const s = run(createEditor(""), ":schedule 2026-12-01 09:00<CR>");
    assert.deepEqual(s.effects, [
      { kind: "schedule", at: new Date(2026, 11, 1, 9, 0).toISOString() },
    ]);
    assert.equal(run(createEditor(""), ":schedule 2026-02-30 09:00<CR>").messageIsError, true);
    assert.deepEqual(run(createEditor(""), ":schedule off<CR>").effects, [
      { kind: "schedule", at: null },
    ]);
  });

  test(":drafts lists drafts, :lang with no code opens the picker", () => {
    assert.deepEqual(kinds(run(createEditor(""), ":drafts<CR>")), ["list-drafts"]);
    assert.deepEqual(kinds(run(createEditor(""), ":lang<CR>")), ["pick-language"]);
  });

  test("an unknown command is an error message, not a crash", () => {
    const s = run(createEditor("x"), ":frobnicate<CR>");
    assert.equal(s.message, "Not an editor command: frobnicate");
    assert.equal(s.text, "x");
  });

  test("Backspace on an empty command line leaves command mode", () => {
    assert.equal(run(createEditor(""), ":<BS>").mode, "normal");
  });

  test("Tab in insert mode after @ asks for completions", () => {
    const s = run(createEditor(""), "ihi @garg<Tab>");
    assert.deepEqual(s.effects, [{ kind: "complete", prefix: "@garg", direction: "next" }]);
    assert.deepEqual(run(createEditor(""), "i#foo<C-p>").effects, [
      { kind: "complete", prefix: "#foo", direction: "prev" },
    ]);
    assert.deepEqual(run(createEditor(""), "i:bla<C-n>").effects, [
      { kind: "complete", prefix: ":bla", direction: "next" },
    ]);
  });
});

describe("keys as the terminal delivers them", () => {
  test("ESC glued to the next keys in one chunk is Escape then those keys", () => {
    const s = run(createEditor(""), "ihello");
    const after = applyKey(s, { name: "undefined", ch: "\x1b:wq\r" });
    assert.equal(after.text, "hello");
    assert.deepEqual(kinds(after), ["post"]);
  });

  test("Alt-key (ESC then the key) leaves insert mode and runs the key", () => {
    const s = applyKey(run(createEditor(""), "iab"), { name: "o", ch: "o", meta: true });
    assert.equal(s.mode, "insert");
    assert.equal(s.text, "ab\n");
    assert.equal(s.effects.length, 1);
  });

  test("Ctrl-c leaves insert mode like Escape", () => {
    const s = applyKey(run(createEditor(""), "iab"), { name: "c", ctrl: true, ch: "\x03" });
    assert.equal(s.mode, "normal");
    assert.equal(s.text, "ab");
  });

  test("a multi-line paste in insert mode lands as typed text", () => {
    const s = applyKey(run(createEditor(""), "i"), { name: "paste", ch: "one\ntwo" });
    assert.equal(s.text, "one\ntwo");
    assert.deepEqual(s.cursor, { line: 1, col: 3 });
  });

  test("applyKey never mutates the state it is given", () => {
    const s0 = createEditor("abc");
    const frozen = JSON.stringify(s0);
    run(s0, "dwu<C-r>ixyz<Esc>.");
    assert.equal(JSON.stringify(s0), frozen);
  });

  test("blessed's key shapes map to vim keys", () => {
    let s = createEditor("");
    s = applyKey(s, { name: "i", ch: "i" });
    s = applyKey(s, { name: "a", ch: "A", shift: true });
    s = applyKey(s, { name: "enter", ch: "\r" });
    s = applyKey(s, { name: "b", ch: "b" });
    s = applyKey(s, { name: "w", ctrl: true, ch: "\x17" });
    s = applyKey(s, { name: "backspace", ch: "\x7f" });
    s = applyKey(s, { name: "escape", ch: "\x1b" });
    assert.equal(s.text, "A");
    assert.equal(s.mode, "normal");
  });
});
