// configuration.timelines_access (Mastodon 4.5, entities/Instance.md) read from the instance
// and decided as Mastodon's PublicFeed decides it (public, authenticated, disabled + the
// role's view_feeds permission).
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  hashtagFeedSides,
  liveFeedClosed,
  mayViewClosedFeeds,
  timelinesAccessOf,
} from "../../src/api/feed-access.js";
import { instanceFromV1, instanceFromV2 } from "../../src/api/instance-info.js";

// masto's camelCased form of Mastodon's serializer output.
const instance = (liveFeeds: unknown) => ({
  domain: "example.social",
  configuration: {
    timelinesAccess: {
      liveFeeds,
      hashtagFeeds: { local: "public", remote: "authenticated" },
      trendingLinkFeeds: { local: "public", remote: "disabled" },
    },
  },
});

test("timelines_access is read from v2; v1 and servers that do not say leave it unknown", () => {
  const info = instanceFromV2(
    instance({ local: "authenticated", remote: "disabled" }),
    "https://example.social",
  );
  assert.deepEqual(info.timelinesAccess, {
    liveFeeds: { local: "authenticated", remote: "disabled" },
    hashtagFeeds: { local: "public", remote: "authenticated" },
    trendingLinkFeeds: { local: "public", remote: "disabled" },
  });
  assert.equal(instanceFromV2({ domain: "x" }, "https://x.example").timelinesAccess, undefined);
  assert.equal(instanceFromV1({ uri: "x" }, "https://x.example").timelinesAccess, undefined);
});

test("an unknown or hostile access value reads as open, never as closed", () => {
  const access = timelinesAccessOf({ liveFeeds: { local: "members_only", remote: 7 } });
  assert.deepEqual(access?.liveFeeds, { local: "public", remote: "public" });
  assert.equal(timelinesAccessOf("disabled"), undefined);
  assert.equal(timelinesAccessOf([]), undefined);
  assert.deepEqual(timelinesAccessOf({})?.liveFeeds, { local: "public", remote: "public" });
});

test("which live feed is closed to a signed-in reader without and with view_feeds", () => {
  const access = (local: string, remote: string) =>
    timelinesAccessOf({ liveFeeds: { local, remote } });
  const user = { signedIn: true, viewClosed: false };
  const moderator = { signedIn: true, viewClosed: true };
  const anonymous = { signedIn: false, viewClosed: false };
  const closed = (a: ReturnType<typeof access>, reader: typeof user) =>
    (["local", "federated"] as const).filter((f) => liveFeedClosed(f, a, reader));

  assert.deepEqual(closed(access("public", "public"), user), []);
  assert.deepEqual(closed(access("public", "disabled"), user), ["federated"]);
  assert.deepEqual(closed(access("disabled", "public"), user), ["local"]);
  assert.deepEqual(closed(access("disabled", "disabled"), user), ["local", "federated"]);
  assert.deepEqual(closed(access("disabled", "disabled"), moderator), []);
  assert.deepEqual(closed(access("authenticated", "authenticated"), user), []);
  assert.deepEqual(closed(access("authenticated", "authenticated"), anonymous), [
    "local",
    "federated",
  ]);
  assert.deepEqual(closed(undefined, user), [], "a server that does not say closes nothing");
});

test("view_feeds and administrator in the role's permission string let a reader into closed feeds", () => {
  const withPermissions = (permissions: unknown) => ({ id: "1", role: { permissions } });
  assert.equal(mayViewClosedFeeds(withPermissions(String(1 << 20))), true, "view_feeds");
  assert.equal(mayViewClosedFeeds(withPermissions("1")), true, "administrator");
  assert.equal(mayViewClosedFeeds(withPermissions(String((1 << 20) | (1 << 16)))), true);
  assert.equal(mayViewClosedFeeds(withPermissions(String(1 << 16))), false, "invite_users only");
  assert.equal(mayViewClosedFeeds(withPermissions("0")), false);
  assert.equal(mayViewClosedFeeds(withPermissions("-1")), false);
  assert.equal(mayViewClosedFeeds(withPermissions("1e99")), false);
  assert.equal(mayViewClosedFeeds(withPermissions(1 << 20)), true, "a number, not a string");
  assert.equal(mayViewClosedFeeds({ id: "1" }), false, "no role");
  assert.equal(mayViewClosedFeeds({ id: "1", role: null }), false);
  assert.equal(mayViewClosedFeeds(undefined), false);
});

test("a hashtag timeline keeps the sides its reader may read, as TagFeed does", () => {
  const access = (local: string, remote: string) =>
    timelinesAccessOf({ hashtagFeeds: { local, remote } });
  const user = { signedIn: true, viewClosed: false };
  const moderator = { signedIn: true, viewClosed: true };
  assert.deepEqual(hashtagFeedSides(access("public", "public"), user), {
    local: true,
    remote: true,
  });
  assert.deepEqual(hashtagFeedSides(access("authenticated", "disabled"), user), {
    local: true,
    remote: false,
  });
  assert.deepEqual(hashtagFeedSides(access("disabled", "disabled"), user), {
    local: false,
    remote: false,
  });
  assert.deepEqual(hashtagFeedSides(access("disabled", "disabled"), moderator), {
    local: true,
    remote: true,
  });
  assert.deepEqual(
    hashtagFeedSides(
      timelinesAccessOf({ liveFeeds: { local: "disabled", remote: "disabled" } }),
      user,
    ),
    { local: true, remote: true },
    "the live feeds' settings say nothing of hashtags",
  );
  assert.deepEqual(hashtagFeedSides(undefined, user), { local: true, remote: true });
});
