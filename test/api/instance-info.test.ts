import assert from "node:assert/strict";
import { test } from "node:test";
import { instanceFromV1, instanceFromV2 } from "../../src/api/instance-info.js";

const v2 = (streaming: unknown) => ({
  domain: "example.social",
  title: "Example",
  version: "4.3.0",
  configuration: { urls: { streaming }, statuses: { maxCharacters: 1000 } },
});

test("the streaming URL never sends the token in cleartext to another machine", () => {
  assert.equal(
    instanceFromV2(v2("wss://streaming.example.social"), "https://example.social").streamingUrl,
    "wss://streaming.example.social",
  );
  assert.equal(
    instanceFromV2(v2("ws://evil.example"), "https://example.social").streamingUrl,
    "wss://evil.example",
  );
  assert.equal(
    instanceFromV2(v2("http://example.social"), "https://example.social").streamingUrl,
    "wss://example.social",
  );
  assert.equal(
    instanceFromV2(v2("ws://127.0.0.1:4000"), "http://127.0.0.1:4000").streamingUrl,
    "ws://127.0.0.1:4000",
  );
  assert.equal(
    instanceFromV2(v2("javascript:alert(1)"), "https://example.social").streamingUrl,
    "wss://example.social",
  );
});

test("the instance's own character limit is read, with Mastodon's default when absent", () => {
  assert.equal(instanceFromV2(v2("wss://x.example"), "https://x.example").maxCharacters, 1000);
  assert.equal(instanceFromV1({ uri: "x.example" }, "https://x.example").maxCharacters, 500);
});
