// Commands and server words inside Arabic messages, drawn where tootty does the bidi (tmux):
// what the user types (":pane add list:ID") reads as typed, its ":" on its left, wherever it
// stands in the sentence, and a server's words keep their own order and punctuation.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { ar } from "../../src/i18n/ar.js";
import { en, type MessageKey } from "../../src/i18n/en.js";
import { loadLanguage, shown, tl } from "../../src/i18n/index.js";
import { sanitizeMessage } from "../../src/render/sanitize.js";
import { describePaneState } from "../../src/timeline/pane-state.js";
import { parseCommand } from "../../src/ui/overlays/command-parser.js";
import { inArabicVisualOrder } from "../helpers/arabic-interface.js";

before(() => loadLanguage("ar"));

/** A message as the status line draws a flash of it: sanitised, then in visual order. */
const flashed = (message: string) => shown(sanitizeMessage(message));

/** ":pane add", ":q!", ":{name}": a command as typed, in a message of the catalogue. */
const COMMAND =
  /(?<![\p{L}\p{N}])(:[a-z][a-z!]*(?: (?:add|close|TIMELINE|ID|CODE|ACCT|list:ID))*)/gu;

const NAMES_COMMAND = new RegExp(COMMAND.source, "u");

describe("commands inside the Arabic interface's messages", () => {
  inArabicVisualOrder();

  test("every message naming a command draws it as typed, its : on the left", () => {
    const keys = (Object.keys(en) as MessageKey[]).filter(
      (k) => typeof ar[k] === "string" && NAMES_COMMAND.test(ar[k] as string),
    );
    assert.ok(keys.length >= 8, `messages with commands: ${keys.join(", ")}`);
    const wrong: string[] = [];
    for (const key of keys) {
      const message = tl(key, {
        name: "tag",
        what: "x",
        arg: "x",
        head: "x",
        acct: "a@b.c",
        count: 2,
      });
      const drawn = flashed(message);
      for (const [, typed] of message.replace(/[\u2066\u2069\u200e]/g, "").matchAll(COMMAND))
        if (!drawn.includes(typed!)) wrong.push(`${key}: "${typed}" drawn as ${drawn}`);
    }
    assert.deepEqual(wrong, []);
  });

  test(":tag alone: the flash says :tag needs a hashtag, the command first on the right", () => {
    const parsed = parseCommand(":tag");
    assert.ok(!parsed.ok);
    const drawn = flashed(parsed.error);
    assert.ok(drawn.endsWith(":tag"), drawn);
  });

  test("what the user typed keeps its order and punctuation inside the error", () => {
    const parsed = parseCommand(":profile not an account!");
    assert.ok(!parsed.ok);
    const drawn = flashed(parsed.error);
    assert.ok(drawn.startsWith("not an account! :"), drawn);
  });
});

describe("a server's reason for refusing a stream, in the Arabic interface", () => {
  inArabicVisualOrder();

  test("the reason is one isolate, sanitised: its full stop stays with its words", () => {
    const words = describePaneState(
      { kind: "stream-refused", reason: "Missing access token.\x1b]0;pwned\x07" },
      0,
    );
    assert.ok(!words.includes("\x1b") && !words.includes("pwned"), JSON.stringify(words));
    assert.ok(words.startsWith("Missing access token. :"), words);
  });
});
