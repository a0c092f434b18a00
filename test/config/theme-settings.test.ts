import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { settingsAsFile, validateSettings } from "../../src/config/settings.js";

describe("the theme section: a base theme and colour slots", () => {
  test("base and colours are taken as written; only changed slots override the base theme", () => {
    const { settings, warnings } = validateSettings({
      theme: { base: "light", mention: "#ff8800", border: "white", link: "blue" },
    });
    assert.deepEqual(warnings, []);
    assert.equal(settings.theme.base, "light");
    assert.equal(settings.theme.mention, "#ff8800");
    assert.equal(settings.theme.hashtag, "magenta", "unconfigured slots keep their defaults");
    // link = "blue" is its default, as `config edit` writes it: the base theme's colour stays.
    assert.deepEqual(settings.theme.configured, { mention: "#ff8800", border: "white" });
  });

  test("a file of every default (config edit) checks clean and overrides nothing", () => {
    const file = settingsAsFile(validateSettings({}).settings);
    assert.deepEqual(Object.keys(file.theme as object).includes("configured"), false);
    const again = validateSettings(JSON.parse(JSON.stringify(file)));
    assert.deepEqual(again.warnings, []);
    assert.equal(again.settings.theme.base, "dark");
    assert.deepEqual(again.settings.theme.configured, {});
  });

  test("without a theme section the base is dark and nothing overrides it", () => {
    const { settings } = validateSettings({});
    assert.equal(settings.theme.base, "dark");
    assert.deepEqual(settings.theme.configured, {});
  });

  test("an unknown base is one warning naming it, and dark is used", () => {
    const { settings, warnings } = validateSettings({ theme: { base: "solarized" } });
    assert.equal(settings.theme.base, "dark");
    assert.equal(warnings.length, 1);
    assert.match(
      warnings[0]!,
      /theme\.base = "solarized" is not one of dark, light, mono; using "dark"/,
    );
  });

  test("an invalid colour is not listed as an override", () => {
    const { settings, warnings } = validateSettings({ theme: { mention: "orange-ish" } });
    assert.equal(warnings.length, 1);
    assert.deepEqual(settings.theme.configured, {});
  });
});
