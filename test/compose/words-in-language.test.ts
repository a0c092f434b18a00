// The composer speaks the interface language: mode line, field line, its refusals and the
// poll label with Arabic's plural forms. What is typed and posted is untouched.
import assert from "node:assert/strict";
import { afterEach, before, describe, test } from "node:test";
import { newDraft } from "../../src/compose/drafts.js";
import { applyKeys, createEditor } from "../../src/compose/editor.js";
import { keysFromString } from "../../src/compose/keys.js";
import { checkDraft } from "../../src/compose/post.js";
import { pollLabel } from "../../src/compose/session.js";
import { view } from "../../src/compose/view.js";
import { loadLanguage, setLocale } from "../../src/i18n/index.js";

// The Arabic catalogue loads when Arabic is chosen (as tootty does at start-up).
before(() => loadLanguage("ar"));

const opts = { maxCharacters: 500 };

describe("the composer in Arabic", () => {
  afterEach(() => setLocale("en"));

  test("mode line, field line and an ex error", () => {
    setLocale("ar-EG");
    const typing = applyKeys(createEditor(""), keysFromString("iمرحبا"));
    const v = view(typing, 40, 1, opts);
    // ar-EG writes its numbers in Arabic-Indic digits (Intl), the counter too.
    assert.match(v.status, /^-- إدراج -- +٥\/٥٠٠$/);
    assert.equal(v.fields.trimEnd(), "بلا تحذير · عام · اللغة: تلقائية");
    assert.equal(typing.text, "مرحبا", "the text stays as typed");
    const wrong = applyKeys(createEditor(""), [
      ...keysFromString(":frob"),
      { name: "enter", ch: "\r" },
    ]);
    assert.equal(
      view(wrong, 60, 1, opts).status.trim().split("  ")[0],
      "ليس أمرًا من أوامر المحرر: frob",
    );
  });

  test("the poll label and refusals, with Arabic plurals", () => {
    setLocale("ar-EG");
    const label = (options: number, expiresIn: number) =>
      pollLabel({ options: Array(options).fill("x"), expiresIn, multiple: false });
    assert.equal(label(2, 86_400), "استطلاع: خياران، ينتهي بعد يوم واحد");
    assert.equal(label(3, 2 * 3600), "استطلاع: ٣ خيارات، ينتهي بعد ساعتين");
    assert.equal(label(11, 11 * 60), "استطلاع: ١١ خيارًا، ينتهي بعد ١١ دقيقةً");
    const empty = checkDraft(newDraft({ text: " " }), 500);
    assert.equal(empty?.message, "لا شيء للنشر");
  });

  test("English stays as it was", () => {
    const v = view(applyKeys(createEditor(""), keysFromString("ihi")), 30, 1, opts);
    assert.match(v.status, /^-- INSERT -- +2\/500$/);
    assert.equal(
      pollLabel({ options: ["a", "b"], expiresIn: 86_400, multiple: true }),
      "poll: 2 options, multiple choice, ends in 1 day",
    );
  });
});
