import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { padToWidth, pickTheme, renderStatus, sanitizeText } from "../../src/render/index.js";
import { EMULATORS, skipUnlessAvailable } from "../helpers/terminal.js";
import { checkBoxInTmux } from "./harness/tmux-box.js";
import { makeAccount, makeStatus, NOW } from "./make-status.js";

const TOOTS = [
  makeStatus({
    account: makeAccount({ displayName: "محمد 🌙" }),
    content: "<p>مرحبا بالعالم! هذا نص عربي طويل يلتف على عدة أسطر 🎉 ومعه رموز تعبيرية</p>",
  }),
  makeStatus({
    account: makeAccount({ displayName: "山田太郎 👨‍👩‍👧" }),
    content: "<p>今日はいい天気ですね。☁️ 東京タワー🗼に行きました。한국어도 조금 🇰🇷 👍🏽</p>",
    spoilerText: "天気 ☁️",
  }),
  makeStatus({
    content:
      "<p>Zalgo e\u0301\u0302\u0303\u0304\u0305\u0306 and 🏳️‍🌈 flags 🇫🇷🇩🇪 and ⌚⏰ watches ✨</p>",
  }),
];

for (const emulator of EMULATORS)
  describe(`end to end in ${emulator} with blessed`, {
    skip: skipUnlessAvailable(emulator),
  }, () => {
    for (const width of [32, 57, 80]) {
      test(`a pane of Arabic, emoji and CJK toots keeps its right border at ${width} columns`, async () => {
        const inner = width - 2;
        const lines: string[] = [];
        for (const status of TOOTS) {
          for (const expanded of [false, true]) {
            for (const line of renderStatus(status, {
              width: inner,
              theme: pickTheme("dark", 2),
              now: NOW,
              expanded,
            })) {
              lines.push(padToWidth(line, inner));
            }
          }
        }
        const { rows, badRows } = await checkBoxInTmux(lines, width, true, emulator);
        assert.deepEqual(badRows, [], `border broken on rows ${badRows}:\n${rows.join("\n")}`);
      });
    }

    test("without the blessed width fix, blessed cuts such a line short and the border moves", async () => {
      const line = padToWidth(
        sanitizeText("Zalgo e\u0301\u0302\u0303\u0304 and 🏳️‍🌈 flags 🇫🇷🇩🇪 and ⌚⏰ watches ✨"),
        55,
      );
      assert.deepEqual((await checkBoxInTmux([line], 57, false, emulator)).badRows, [1]);
      assert.deepEqual((await checkBoxInTmux([line], 57, true, emulator)).badRows, []);
    });

    test("the harness notices a border pushed out by emoji blessed measures by itself", async () => {
      // Without the fix blessed counts 😀 as one cell, the terminal draws two: a cell too long.
      const { badRows } = await checkBoxInTmux(["😀 raw emoji    "], 20, false, emulator);
      assert.deepEqual(badRows, [1]);
    });
  });
