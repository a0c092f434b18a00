// `:instance` says how this server counts a toot against its limit, by the rule the composer
// counts with (api/server-profile.ts decides it from NodeInfo's software name).
import assert from "node:assert/strict";
import { afterEach, before, describe, test } from "node:test";
import { ServerProfile } from "../../src/api/server-profile.js";
import { loadLanguage, setLocale } from "../../src/i18n/index.js";
import { limitLine } from "../../src/ui/overlays/text-views.js";

const lineFor = (name: string) => {
  const profile = new ServerProfile();
  profile.setSoftware({ name, version: "1.0.0" });
  return limitLine(profile.limits);
};

before(() => loadLanguage("ar"));
afterEach(() => setLocale("en"));

describe(":instance's character limit line", () => {
  test("each software's own unit: links by Mastodon's allowance, code points, UTF-16 units", () => {
    assert.match(lineFor("mastodon"), /each link counts 23/);
    const gts = lineFor("gotosocial");
    assert.match(gts, /code points/);
    assert.match(gts, /links as written/);
    assert.match(lineFor("akkoma"), /text and content warning together, links as written/);
    const sharkey = lineFor("sharkey");
    assert.match(sharkey, /UTF-16 units/);
    assert.match(sharkey, /content warning apart, up to 500/, "its CW limit is its own");
  });

  test("in Arabic too, with the numbers in place", () => {
    setLocale("ar");
    const sharkey = lineFor("sharkey");
    assert.match(sharkey, /UTF-16/);
    assert.match(sharkey, /تحذير المحتوى على حدة/);
    assert.notEqual(lineFor("gotosocial"), lineFor("pleroma"));
  });
});
