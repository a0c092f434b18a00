import assert from "node:assert/strict";
import { afterEach, before, describe, test } from "node:test";
import { ACTION_NAMES } from "../../src/config/keymap.js";
import { arActions } from "../../src/i18n/actions-ar.js";
import { en, type MessageKey } from "../../src/i18n/en.js";
import {
  actionWords,
  catalogue,
  chooseLocale,
  formatNumber,
  LANGUAGES,
  loadLanguage,
  relativeTime,
  setLocale,
  t,
} from "../../src/i18n/index.js";
import { setVisualBidi, visualText } from "../../src/render/bidi.js";
import { describeEmptyPane, describePaneState } from "../../src/timeline/pane-state.js";

// The Arabic catalogue loads when Arabic is chosen (as tootty does at start-up).
before(() => loadLanguage("ar"));

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const texts = (m: string | Record<string, string>) =>
  typeof m === "string" ? [m] : Object.values(m);

describe("every catalogue", () => {
  const keys = Object.keys(en) as MessageKey[];
  for (const language of LANGUAGES) {
    test(`${language}: every key, the same placeholders, every plural form the language has`, async () => {
      const messages = (await catalogue(language))!;
      assert.deepEqual(Object.keys(messages).sort(), [...keys].sort(), "the same keys as English");
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const key of keys) {
        const source = en[key] as string | Record<string, string>;
        const message = messages[key] as string | Record<string, string>;
        assert.equal(typeof message, typeof source, `${key}: plural in both or neither`);
        const wanted = placeholders(texts(source)[0]!).filter((p) => p !== "count");
        for (const text of texts(message)) {
          assert.ok(text.trim() !== "", `${key} is not empty`);
          const got = placeholders(text).filter((p) => p !== "count");
          assert.deepEqual(got, wanted, `${key}: ${text}`);
        }
        if (typeof message === "object") {
          for (const c of categories) assert.ok(c in message, `${key} has its "${c}" form`);
        }
      }
    });
  }
});

describe("messages in the reader's language", () => {
  afterEach(() => {
    setLocale("en");
    setVisualBidi(false);
  });

  test("the language comes from the config, else LC_ALL, LC_MESSAGES, LANG", () => {
    assert.equal(chooseLocale({ LANG: "ar_EG.UTF-8" }), "ar-EG");
    assert.equal(chooseLocale({ LANG: "ar_EG.UTF-8", LC_MESSAGES: "en_GB.UTF-8" }), "en-GB");
    assert.equal(chooseLocale({ LC_ALL: "ar_SA.UTF-8", LC_MESSAGES: "en_GB.UTF-8" }), "ar-SA");
    assert.equal(chooseLocale({ LANG: "C.UTF-8" }), "en");
    assert.equal(chooseLocale({}), "en");
    assert.equal(chooseLocale({ LANG: "ar_EG.UTF-8" }, "en"), "en");
    assert.equal(chooseLocale({ LANG: "de_DE@euro" }), "de-DE");
  });

  test("Arabic has six plural forms, each picked by Intl.PluralRules, in Arabic digits", () => {
    setLocale("ar-EG");
    const drafts = (n: number) => t("drafts.unsent", { count: n });
    assert.match(drafts(0), /^لا مسودات/);
    assert.match(drafts(1), /^مسودة واحدة/);
    assert.match(drafts(2), /^مسودتان/);
    assert.match(drafts(3), /^٣ مسودات/);
    assert.match(drafts(11), /^١١ مسودةً/);
    assert.match(drafts(100), /^١٠٠ مسودة /);
    assert.equal(formatNumber(1234), "١٬٢٣٤");
  });

  test("English is the fallback for a language without a catalogue, with its own digits", () => {
    setLocale("de-DE");
    assert.equal(t("timeline.home"), "Home");
    assert.equal(t("drafts.unsent", { count: 1200 }).split(" ")[0], "1.200");
  });

  test("relative times by Intl.RelativeTimeFormat", () => {
    assert.equal(relativeTime(5), "in 5 seconds");
    assert.equal(relativeTime(-180), "3 minutes ago");
    setLocale("ar-EG");
    assert.equal(relativeTime(-180), "قبل ٣ دقائق");
  });

  test("where tootty does the bidi, an Arabic message comes back in visual order", () => {
    setLocale("ar");
    assert.equal(t("timeline.home"), "الرئيسية");
    setVisualBidi(true);
    const shown = t("timeline.home").normalize("NFKC");
    assert.equal(shown, [..."الرئيسية"].reverse().join(""));
    setLocale("en");
    assert.equal(t("timeline.home"), "Home");
  });
});

test("every key's help has its Arabic words", () => {
  for (const action of ACTION_NAMES) assert.ok(arActions[action].trim() !== "", action);
  setLocale("ar");
  assert.equal(actionWords("help"), "هذه المساعدة");
  setLocale("en");
  assert.equal(actionWords("help"), "this help");
});

describe("the state words", () => {
  afterEach(() => {
    setLocale("en");
    setVisualBidi(false);
  });
  const NOW = 1_000_000;
  const failing = {
    kind: "failing",
    problem: { kind: "unavailable", status: 503 },
    nextTryAt: NOW + 4_000,
  } as const;

  test("in Arabic, with Arabic digits", () => {
    setLocale("ar-EG");
    assert.equal(
      describePaneState({ kind: "reconnecting", nextTryAt: NOW + 4_000 }, NOW),
      "إعادة الاتصال (المحاولة التالية بعد ٤ ث)",
    );
    assert.equal(
      describePaneState(failing, NOW),
      "الخادم غير متاح (HTTP 503) (المحاولة التالية بعد ٤ ث)",
    );
    assert.equal(describeEmptyPane({ kind: "live", empty: true }, "toots", NOW), "لا منشورات بعد.");
  });

  test("a message made of messages is put in visual order once, as a whole", () => {
    setLocale("ar-EG");
    const logical = describePaneState(failing, NOW);
    setVisualBidi(true);
    assert.equal(describePaneState(failing, NOW), visualText(logical));
    assert.notEqual(visualText(logical), logical);
  });

  test("English stays as it was", () => {
    assert.equal(describePaneState(failing, NOW), "server unavailable (HTTP 503) (next try in 4s)");
  });
});

test("a language tootty has but has not loaded is refused by name, not shown in English", async () => {
  // A fresh module instance: in it, only English is loaded.
  const fresh = (await import(
    `../../src/i18n/index.js?fresh=${Date.now()}`
  )) as typeof import("../../src/i18n/index.js");
  assert.throws(() => fresh.setLocale("ar-EG"), /await loadLanguage\("ar-EG"\)/);
  await fresh.loadLanguage("ar-EG");
  fresh.setLocale("ar-EG");
  assert.equal(fresh.tl("timeline.home"), "الرئيسية");
});
