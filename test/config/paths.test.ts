import assert from "node:assert/strict";
import { test } from "node:test";
import { configDir, draftsDir, settingsFile } from "../../src/config/paths.js";

test("TOOTTY_CONFIG_DIR moves everything", () => {
  const dir = configDir({ TOOTTY_CONFIG_DIR: "/tmp/x", XDG_CONFIG_HOME: "/xdg", HOME: "/home/u" });
  assert.equal(dir, "/tmp/x");
  assert.equal(settingsFile(dir), "/tmp/x/config.json");
  assert.equal(draftsDir(dir), "/tmp/x/drafts");
});

test("follows XDG_CONFIG_HOME, ignoring a relative one as the spec says", () => {
  assert.equal(configDir({ XDG_CONFIG_HOME: "/xdg", HOME: "/home/u" }), "/xdg/tootty");
  assert.equal(configDir({ XDG_CONFIG_HOME: "rel", HOME: "/home/u" }), "/home/u/.config/tootty");
  assert.equal(configDir({ HOME: "/home/u" }), "/home/u/.config/tootty");
});
