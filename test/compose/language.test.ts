import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { defaultLanguage, languageChoices } from "../../src/compose/language.js";

describe("toot language", () => {
  test("the configured language wins", () => {
    assert.equal(defaultLanguage("fr", { LANG: "de_DE.UTF-8" }), "fr");
  });
  test("otherwise the locale's language is used, LC_ALL first", () => {
    assert.equal(defaultLanguage(null, { LANG: "de_DE.UTF-8" }), "de");
    assert.equal(defaultLanguage(null, { LC_ALL: "ja_JP.UTF-8", LANG: "de_DE.UTF-8" }), "ja");
  });
  test("the C locale says nothing: the server guesses", () => {
    assert.equal(defaultLanguage(undefined, { LANG: "C.UTF-8" }), null);
    assert.equal(defaultLanguage(undefined, {}), null);
  });
  test("the picker lists the current language first, with names", () => {
    const choices = languageChoices("gsw");
    assert.equal(choices[0]!.code, "gsw");
    assert.deepEqual(
      choices.find((c) => c.code === "de"),
      { code: "de", name: "German" },
    );
  });
});
