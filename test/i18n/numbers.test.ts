// Numbers in the interface language: what tootty writes is what Intl.NumberFormat writes for
// the same locale, including where it skips making one (English integers below 1 000).
import assert from "node:assert/strict";
import { afterEach, before, describe, test } from "node:test";
import fc from "fast-check";
import { countLabel } from "../../src/compose/counter.js";
import { formatNumber, loadLanguage, setLocale, tl } from "../../src/i18n/index.js";

const TAGS = [
  "en",
  "en-US",
  "en-GB",
  "en-IN",
  "en-Latn-US",
  "en-001",
  "en-u-nu-arab",
  "ar",
  "ar-EG",
  "de",
];

describe("numbers in the interface language", () => {
  before(() => loadLanguage("ar"));
  afterEach(() => setLocale("en"));

  test("every integer from 0 to 999, and any number at all, as Intl writes it", () => {
    for (const tag of TAGS) {
      setLocale(tag);
      const intl = new Intl.NumberFormat(tag);
      for (let n = 0; n < 1000; n++) assert.equal(formatNumber(n), intl.format(n), `${tag} ${n}`);
      for (const n of [-0, -1, 1000, 1234567, 0.5, Number.NaN, Number.POSITIVE_INFINITY])
        assert.equal(formatNumber(n), intl.format(n), `${tag} ${n}`);
      fc.assert(
        fc.property(fc.oneof(fc.integer(), fc.double()), (n) => {
          assert.equal(formatNumber(n), intl.format(n));
        }),
        { numRuns: 300 },
      );
    }
  });

  test("a message's plural is the one Intl.PluralRules chooses, in English too", () => {
    // "notifications.requests" words one and other apart ("1 request", "2 requests").
    const words = (category: Intl.LDMLPluralRule) =>
      category === "one" ? /request$/ : /requests$/;
    for (const tag of TAGS.filter((t) => t.startsWith("en"))) {
      setLocale(tag);
      const intl = new Intl.PluralRules(tag);
      const check = (n: number) =>
        assert.match(
          tl("notifications.requests", { count: n }),
          words(intl.select(n)),
          `${tag} ${n}`,
        );
      for (let n = -3; n < 1002; n++) check(n);
      for (const n of [
        -0,
        0.5,
        1.5,
        1 + Number.EPSILON,
        1e21,
        Number.NaN,
        Number.POSITIVE_INFINITY,
      ])
        check(n);
      fc.assert(fc.property(fc.oneof(fc.integer(), fc.double()), check), { numRuns: 300 });
    }
  });

  test("a message's count is written in the language's digits", () => {
    setLocale("en-u-nu-arab");
    assert.match(tl("time.minutes", { count: 5 }), /\u0665/);
    setLocale("en");
    assert.match(tl("time.minutes", { count: 5 }), /5/);
    assert.match(tl("time.minutes", { count: 1234 }), /1,234/);
  });
});

describe("the composer's counter in the interface language's digits", () => {
  before(() => loadLanguage("ar"));
  afterEach(() => setLocale("en"));

  test("used/max as Intl writes each for the locale, ungrouped, as the refusal quotes it", () => {
    for (const tag of TAGS) {
      setLocale(tag);
      const intl = new Intl.NumberFormat(tag, { useGrouping: false });
      assert.equal(countLabel(10005, 10000), `${intl.format(10005)}/${intl.format(10000)}`, tag);
    }
    setLocale("ar-EG");
    assert.equal(countLabel(12, 500), "١٢/٥٠٠");
    setLocale("en");
    assert.equal(countLabel(10005, 10000), "10005/10000");
  });
});
