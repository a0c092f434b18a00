import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { InstanceUrlError, normaliseInstanceUrl } from "../../src/config/instance-url.js";

describe("normaliseInstanceUrl", () => {
  const accepted: [string, string][] = [
    ["mastodon.social", "https://mastodon.social"],
    ["  Mastodon.Social/  ", "https://mastodon.social"],
    ["https://mastodon.social/@Gargron/123", "https://mastodon.social"],
    ["@me@hachyderm.io", "https://hachyderm.io"],
    ["me@hachyderm.io", "https://hachyderm.io"],
    ["https://example.social:8443", "https://example.social:8443"],
    ["http://localhost:3000", "http://localhost:3000"],
    ["http://127.0.0.1:4000", "http://127.0.0.1:4000"],
    ["http://127.9.8.7", "http://127.9.8.7"],
    ["http://[::1]:4000/", "http://[::1]:4000"],
    ["localhost:3000", "https://localhost:3000"],
  ];
  for (const [input, origin] of accepted) {
    test(`turns ${JSON.stringify(input)} into ${origin}`, () => {
      assert.equal(normaliseInstanceUrl(input).origin, origin);
    });
  }

  const refused: [string, RegExp][] = [
    ["", /no instance given/],
    [
      "http://mastodon.social",
      /plain http is only allowed to this machine.*use https:\/\/mastodon\.social/,
    ],
    ["http://10.0.0.5", /plain http is only allowed/],
    ["http://128.0.0.1", /plain http is only allowed/],
    ["ftp://mastodon.social", /not an https:\/\/ address/],
    ["hello world", /is not an instance address/],
    ["mastodon", /is not an instance address/],
    ["https://user:pw@mastodon.social", /user name or password/],
  ];
  for (const [input, message] of refused) {
    test(`refuses ${JSON.stringify(input)} with a one-line reason`, () => {
      assert.throws(
        () => normaliseInstanceUrl(input),
        (error: unknown) =>
          error instanceof InstanceUrlError &&
          message.test(error.message) &&
          !error.message.includes("\n"),
      );
    });
  }

  test("never echoes control characters from the input", () => {
    assert.throws(
      () => normaliseInstanceUrl("bad\u001b[2Jhost name"),
      (error: unknown) => error instanceof Error && !error.message.includes("\u001b"),
    );
  });
});
