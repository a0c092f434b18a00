import assert from "node:assert/strict";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, test } from "node:test";
import { runConfig } from "../../src/cli/config-cmd.js";
import { ACTION_NAMES } from "../../src/config/keymap.js";
import { loadSettings } from "../../src/config/settings.js";
import { Screen, tempConfigDir } from "./login-harness.js";

async function config(dir: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const out = new Screen();
  const err = new Screen();
  const io = { input: new PassThrough(), output: out.stream, err: err.stream, env };
  const code = await runConfig({ args, configDir: dir }, io);
  return { code, out: out.text, err: err.text };
}

describe("tootty config", () => {
  test("path prints where the settings file is", async () => {
    const dir = tempConfigDir();
    assert.deepEqual(await config(dir, ["path"]), {
      code: 0,
      out: `${join(dir, "config.json")}\n`,
      err: "",
    });
  });

  test("--help documents every action, every top-level key and the file's place", async () => {
    const dir = tempConfigDir();
    const { code, out } = await config(dir, ["--help"]);
    assert.equal(code, 0);
    for (const action of ACTION_NAMES)
      assert.match(out, new RegExp(`^ {4}${action} `, "m"), action);
    for (const key of [
      "keymap",
      "theme",
      "panes",
      "bufferSize",
      "watchdogMs",
      "pollMinMs",
      "pollMaxMs",
      "notifications",
      "defaultVisibility",
      "defaultLanguage",
      "confirm",
    ]) {
      assert.match(out, new RegExp(`^ {2}${key}\\b`, "m"), key);
    }
    assert.ok(out.includes(join(dir, "config.json")));
  });

  test("check prints one line per bad value and exits 1", async () => {
    const dir = tempConfigDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, "config.json"),
      JSON.stringify({ watchdogMs: "soon", theme: { link: "nope" } }),
    );
    const { code, err } = await config(dir, ["check"]);
    assert.equal(code, 1);
    assert.deepEqual(err.trim().split("\n").sort(), [
      'tootty: config.json: theme.link = "nope" is not a colour name or "#rrggbb"; using "blue"',
      'tootty: config.json: watchdogMs = "soon" is not a whole number from 5000 to 600000; using 45000',
    ]);
  });

  test("edit starts from a file of every default, which checks clean", async () => {
    const dir = tempConfigDir();
    const editor = join(dir, "..", "editor.sh");
    // A scripted "editor": records what it was given, then changes one value.
    writeFileSync(
      editor,
      `#!/bin/sh\ncp "$1" "$1.seen"\nsed -i 's/"bufferSize": 2000,/"bufferSize": 750,/' "$1"\n`,
    );
    chmodSync(editor, 0o755);
    const { code, out, err } = await config(dir, ["edit"], {
      EDITOR: editor,
      PATH: process.env.PATH,
    });
    assert.equal(code, 0, err);
    assert.equal(err, "");
    assert.match(out, /config\.json: ok/);
    const seen = JSON.parse(readFileSync(join(dir, "config.json.seen"), "utf8"));
    assert.deepEqual(seen.panes, ["home", "local", "federated", "notifications"]);
    assert.deepEqual(seen.keymap.quit, ["q", "C-c"]);
    const { settings, warnings } = loadSettings({}, dir);
    assert.deepEqual(warnings, []);
    assert.equal(settings.bufferSize, 750);
  });

  test("an unknown sub-command is bad usage (exit 2)", async () => {
    const { code, err } = await config(tempConfigDir(), ["frob"]);
    assert.equal(code, 2);
    assert.match(err, /^tootty: config takes one of: path, edit, check, --help\n$/);
  });
});
