import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { actionForKey, appliesIn, helpEntries, KEY_CONTEXTS } from "../../src/config/keymap.js";
import { loadSettings, validateSettings } from "../../src/config/settings.js";
import { tempConfigDir } from "./temp-dir.js";

function withConfig(text: string) {
  const dir = tempConfigDir();
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "config.json"), text);
  return loadSettings({ TOOTTY_CONFIG_DIR: dir });
}

describe("settings defaults", () => {
  test("no file: every default, no warning", () => {
    const { settings, warnings } = loadSettings({ TOOTTY_CONFIG_DIR: tempConfigDir() });
    assert.deepEqual(warnings, []);
    assert.equal(settings.bufferSize, 2000);
    assert.equal(settings.watchdogMs, 45_000);
    assert.equal(settings.pollMinMs, 20_000);
    assert.equal(settings.pollMaxMs, 40_000);
    assert.deepEqual(settings.notifications, { bell: false, osc: "off" });
    assert.equal(settings.defaultVisibility, "public");
    assert.equal(settings.defaultLanguage, null);
    assert.deepEqual(settings.confirm, {
      boost: false,
      delete: true,
      quit: false,
      block: true,
      unfollow: true,
    });
    assert.deepEqual(
      settings.panes.map((p) => p.timeline),
      ["home", "local", "federated", "notifications"],
    );
    assert.ok(settings.panes.every((p) => p.bufferSize === 2000 && p.width === 1));
    assert.deepEqual(settings.keymap.quit, ["q", "C-c"]);
  });

  test("valid values are taken as written", () => {
    const { settings, warnings } = withConfig(
      JSON.stringify({
        bufferSize: 500,
        panes: ["notifications", { timeline: "tag:rust", width: 2, bufferSize: 100 }],
        notifications: { bell: true, osc: "osc777" },
        defaultVisibility: "unlisted",
        defaultLanguage: "de",
        confirm: { boost: true },
        theme: { borderFocused: "#ff8800", link: "bright-blue" },
      }),
    );
    assert.deepEqual(warnings, []);
    assert.deepEqual(settings.panes, [
      { timeline: "notifications", width: 1, bufferSize: 500 },
      { timeline: "tag:rust", width: 2, bufferSize: 100 },
    ]);
    assert.deepEqual(settings.notifications, { bell: true, osc: "osc777" });
    assert.equal(settings.defaultVisibility, "unlisted");
    assert.equal(settings.defaultLanguage, "de");
    assert.deepEqual(settings.confirm, {
      boost: true,
      delete: true,
      quit: false,
      block: true,
      unfollow: true,
    });
    assert.equal(settings.theme.borderFocused, "#ff8800");
    assert.equal(settings.theme.link, "bright-blue");
  });
});

describe("invalid values: one warning naming key and value, that key falls back", () => {
  const cases: [
    string,
    unknown,
    RegExp,
    (s: ReturnType<typeof validateSettings>["settings"]) => unknown,
    unknown,
  ][] = [
    [
      "bufferSize",
      { bufferSize: "lots" },
      /^config\.json: bufferSize = "lots" is not a whole number from 50 to 100000; using 2000$/,
      (s) => s.bufferSize,
      2000,
    ],
    [
      "watchdogMs",
      { watchdogMs: 1000 },
      /^config\.json: watchdogMs = 1000 is not a whole number from 5000 to 600000; using 45000$/,
      (s) => s.watchdogMs,
      45_000,
    ],
    [
      "pollMinMs above pollMaxMs",
      { pollMinMs: 60000, pollMaxMs: 30000 },
      /pollMinMs = 60000 is above pollMaxMs = 30000; using 20000 and 40000/,
      (s) => [s.pollMinMs, s.pollMaxMs],
      [20_000, 40_000],
    ],
    [
      "notifications.osc",
      { notifications: { osc: "osc52" } },
      /notifications\.osc = "osc52" is not one of off, osc9, osc777; using "off"/,
      (s) => s.notifications.osc,
      "off",
    ],
    [
      "notifications.bell",
      { notifications: { bell: "yes" } },
      /notifications\.bell = "yes" is not true or false; using false/,
      (s) => s.notifications.bell,
      false,
    ],
    [
      "defaultVisibility",
      { defaultVisibility: "friends" },
      /defaultVisibility = "friends" is not one of public, unlisted, private, direct; using "public"/,
      (s) => s.defaultVisibility,
      "public",
    ],
    [
      "defaultLanguage",
      { defaultLanguage: "English" },
      /defaultLanguage = "English" is not an ISO 639 language code/,
      (s) => s.defaultLanguage,
      null,
    ],
    [
      "confirm.delete",
      { confirm: { delete: 0 } },
      /confirm\.delete = 0 is not true or false; using true/,
      (s) => s.confirm.delete,
      true,
    ],
    [
      "theme colour",
      { theme: { link: "chartreuse-ish" } },
      /theme\.link = "chartreuse-ish" is not a colour name or "#rrggbb"; using "blue"/,
      (s) => s.theme.link,
      "blue",
    ],
    [
      "pane width",
      { panes: [{ timeline: "home", width: -1 }] },
      /panes\[0\]\.width = -1 is not a number above 0/,
      (s) => s.panes[0]?.width,
      1,
    ],
    [
      "pane timeline",
      { panes: ["home", "bogus"] },
      /panes\[1\] = "bogus" is not a timeline/,
      (s) => s.panes.map((p) => p.timeline),
      ["home"],
    ],
    [
      "panes not a list",
      { panes: "home" },
      /panes = "home" is not a list of panes/,
      (s) => s.panes.length,
      4,
    ],
    [
      "keymap key name",
      { keymap: { boost: "Ctrl+B" } },
      /keymap\.boost = "Ctrl\+B" is not a key name.*using \["b"\]/,
      (s) => s.keymap.boost,
      ["b"],
    ],
    [
      "unknown key",
      { bufferSise: 10 },
      /unknown key "bufferSise" ignored/,
      (s) => s.bufferSize,
      2000,
    ],
  ];
  for (const [name, raw, warning, pick, expected] of cases) {
    test(name, () => {
      const { settings, warnings } = validateSettings(raw);
      assert.equal(warnings.length, 1, warnings.join("\n"));
      assert.match(warnings[0] ?? "", warning);
      assert.ok(!(warnings[0] ?? "").includes("\n"));
      assert.deepEqual(pick(settings), expected);
    });
  }

  test("a broken JSON file still starts, with one warning and all defaults", () => {
    const { settings, warnings } = withConfig('{ "bufferSize": 10,, }');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? "", /^config\.json: cannot be read \(.*\); using all defaults$/);
    assert.equal(settings.bufferSize, 2000);
  });

  test("a hostile value cannot put escape sequences into the warning", () => {
    const { warnings } = validateSettings({ defaultVisibility: "\u001b]52;c;aGk=\u0007x\u009b2J" });
    assert.equal(warnings.length, 1);
    assert.doesNotMatch(warnings[0] ?? "", /[\u0000-\u001f\u007f-\u009f]/);
  });
});

describe("key bindings", () => {
  test("a remapped key triggers its new action and shows in the ? help", () => {
    const { settings, warnings } = validateSettings({
      keymap: { favourite: "*", boost: ["B", "C-b"], bookmark: "m" },
    });
    assert.deepEqual(warnings, []);
    assert.equal(actionForKey(settings.keymap, "*"), "favourite");
    assert.equal(actionForKey(settings.keymap, "f"), undefined, "the old key no longer favourites");
    assert.equal(actionForKey(settings.keymap, "C-b"), "boost");
    // "B" was bookmark's default; the user moved bookmark to "m".
    assert.equal(actionForKey(settings.keymap, "B"), "boost");
    assert.equal(actionForKey(settings.keymap, "m"), "bookmark");
    assert.equal(actionForKey(settings.keymap, "S-b"), "boost", "blessed's S-b is the same key");
    const help = helpEntries(settings.keymap);
    assert.deepEqual(help.find((e) => e.action === "favourite")?.keys, ["*"]);
    assert.deepEqual(help.find((e) => e.action === "boost")?.keys, ["B", "C-b"]);
  });

  test("an action that loses its only key to a remap is reported", () => {
    const { settings, warnings } = validateSettings({ keymap: { boost: "B" } });
    assert.deepEqual(settings.keymap.bookmark, []);
    assert.match(warnings.join("\n"), /keymap: bookmark lost all its keys/);
  });

  test("two actions claiming one key: the later keeps its default, with a warning", () => {
    const { settings, warnings } = validateSettings({ keymap: { reply: "x", boost: "x" } });
    assert.equal(actionForKey(settings.keymap, "x"), "reply");
    assert.deepEqual(settings.keymap.boost, ["b"]);
    assert.match(
      warnings.join("\n"),
      /keymap\.boost = "x" reuses "x", already bound to reply; using \["b"\]/,
    );
  });

  test("[] unbinds an action without a warning", () => {
    const { settings, warnings } = validateSettings({ keymap: { quit: [] } });
    assert.deepEqual(warnings, []);
    assert.equal(actionForKey(settings.keymap, "q"), undefined);
  });

  test("every default key maps back to its own action, wherever that action applies", () => {
    const { settings } = validateSettings({});
    for (const entry of helpEntries(settings.keymap)) {
      const contexts = KEY_CONTEXTS.filter((c) => appliesIn(entry.action, c));
      assert.ok(contexts.length > 0, `${entry.action} applies somewhere`);
      for (const context of contexts)
        for (const key of entry.keys)
          assert.equal(
            actionForKey(settings.keymap, key, context),
            entry.action,
            `${key} in ${context}`,
          );
    }
  });

  test("a key may serve two actions that never answer in the same place, and only those", () => {
    // n is notifications in the panes and the next picture in the media viewer.
    const { settings, warnings } = validateSettings({ keymap: { mediaNext: "x" } });
    assert.deepEqual(warnings, []);
    assert.deepEqual(settings.keymap.rejectFollow, ["x"], "rejectFollow keeps x in the panes");
    assert.equal(actionForKey(settings.keymap, "x", "media"), "mediaNext");
    assert.equal(actionForKey(settings.keymap, "x", "panes"), "rejectFollow");
    // down answers in panels, and the media viewer is a panel: j cannot serve both.
    const clash = validateSettings({ keymap: { down: "J", mediaNext: "J" } });
    assert.match(
      clash.warnings.join("\n"),
      /keymap\.mediaNext = "J" reuses "J", already bound to down/,
    );
    assert.equal(actionForKey(clash.settings.keymap, "J", "media"), "down");
  });
});
