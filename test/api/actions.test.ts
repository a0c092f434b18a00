// The typed endpoint functions for reading and acting, against the simulated instance: each
// sends the request Mastodon expects and reads back what the server answers.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  accountStatuses,
  answerFollowRequest,
  relationship,
  toggleAccount,
} from "../../src/api/accounts.js";
import {
  deleteStatus,
  fetchContext,
  reportStatus,
  statusHistory,
  toggleStatus,
  translateStatus,
  votePoll,
} from "../../src/api/actions.js";
import { HttpError } from "../../src/api/errors.js";
import { saveMarkers } from "../../src/api/markers.js";
import { createRestClient, type RestClient } from "../../src/api/rest.js";
import { collection, fetchInstanceRules } from "../../src/api/search.js";
import { type DemoInstance, startDemoInstance } from "../../src/demo/index.js";

let demo: DemoInstance;
let rest: RestClient;
before(async () => {
  demo = await startDemoInstance({ generate: false, seedCount: 30 });
  rest = createRestClient({ instanceUrl: demo.url, accessToken: demo.token, maxRetries: 0 });
});
after(async () => {
  rest.close();
  await demo.close();
});

describe("actions on a status", () => {
  test("favourite, boost and bookmark change the server's state and come back in the answer", async () => {
    const s = demo.control.publish("local", { account: "alice", content: "<p>act on me</p>" });
    const fav = await toggleStatus(rest, s.id, "favourite");
    assert.equal(fav.favourited, true);
    assert.equal(fav.favouritesCount, s.favourites_count + 1);
    const boost = await toggleStatus(rest, s.id, "reblog");
    assert.equal(boost.reblog?.id, s.id, "a reblog answers the boost wrapping the original");
    const mark = await toggleStatus(rest, s.id, "bookmark");
    assert.equal(mark.bookmarked, true);
    const bookmarks = await collection(rest, "bookmarks");
    assert.ok(
      bookmarks.statuses.some((b) => b.id === s.id),
      "the bookmark is listed",
    );
  });

  test("pinning someone else's toot is refused; pinning and deleting your own works", async () => {
    const theirs = demo.control.publish("local", { account: "alice" });
    await assert.rejects(
      toggleStatus(rest, theirs.id, "pin"),
      (e) => e instanceof HttpError && e.status === 404,
    );
    const mine = demo.control.publish("local", { account: "demo", content: "<p>mine</p>" });
    assert.equal((await toggleStatus(rest, mine.id, "pin")).pinned, true);
    await deleteStatus(rest, mine.id);
    await assert.rejects(
      toggleStatus(rest, mine.id, "unpin"),
      (e) => e instanceof HttpError && e.status === 404,
    );
  });

  test("history lists the original and the edit; translation names its provider", async () => {
    const s = demo.control.publish("local", {
      account: "alice",
      content: "<p>first</p>",
      language: "de",
    });
    demo.control.editStatus(s.id, "<p>second</p>");
    const versions = await statusHistory(rest, s.id);
    assert.deepEqual(
      versions.map((v) => v.content),
      ["<p>first</p>", "<p>second</p>"],
    );
    const t = await translateStatus(rest, s.id, "en");
    assert.equal(t.provider, "DemoTranslate");
    assert.equal(t.detectedSourceLanguage, "de");
    assert.match(t.content, /second/);
  });

  test("a thread has the ancestors and the replies", async () => {
    const root = demo.control.publish("local", { account: "alice", content: "<p>root</p>" });
    const reply = demo.control.publish("local", { account: "mina", in_reply_to_id: root.id });
    const ctx = await fetchContext(rest, reply.id);
    assert.deepEqual(
      ctx.ancestors.map((a) => a.id),
      [root.id],
    );
    const down = await fetchContext(rest, root.id);
    assert.deepEqual(
      down.descendants.map((d) => d.id),
      [reply.id],
    );
  });

  test("a vote is counted once; a second vote is refused", async () => {
    const s = demo.control.publish("local", {
      account: "alice",
      poll: {
        id: "777001",
        expires_at: new Date(Date.now() + 3_600_000).toISOString(),
        expired: false,
        multiple: false,
        votes_count: 0,
        voters_count: 0,
        voted: false,
        own_votes: [],
        options: [
          { title: "yes", votes_count: 0 },
          { title: "no", votes_count: 0 },
        ],
        emojis: [],
      },
    });
    const poll = await votePoll(rest, s.poll!.id, [1]);
    assert.deepEqual(poll.ownVotes, [1]);
    assert.equal(poll.options[1]?.votesCount, 1);
    await assert.rejects(
      votePoll(rest, s.poll!.id, [0]),
      (e) => e instanceof HttpError && e.status === 422,
    );
  });

  test("a report carries the category, the comment and the status", async () => {
    const s = demo.control.publish("local", { account: "alice" });
    const report = (await reportStatus(rest, {
      accountId: s.account.id,
      statusIds: [s.id],
      category: "spam",
      comment: "buy now",
    })) as unknown as { category: string; comment: string; statusIds: string[] };
    assert.equal(report.category, "spam");
    assert.equal(report.comment, "buy now");
    assert.deepEqual(report.statusIds, [s.id]);
  });
});

describe("accounts", () => {
  test("follow, mute and block show in the relationship; their toots are listed", async () => {
    const s = demo.control.publish("local", { account: "yuki@kaiju.example" });
    const id = s.account.id;
    await toggleAccount(rest, id, "follow");
    await toggleAccount(rest, id, "mute");
    const r = await relationship(rest, id);
    assert.equal(r?.following, true);
    assert.equal(r?.muting, true);
    const blocked = await toggleAccount(rest, id, "block");
    assert.equal(blocked.blocking, true);
    assert.equal(blocked.following, false, "blocking unfollows");
    const toots = await accountStatuses(rest, id);
    assert.ok(toots.some((t) => t.id === s.id));
  });

  test("a follow request is answered once", async () => {
    const n = demo.control.notify("follow_request", { account: "mina" });
    const r = await answerFollowRequest(rest, n.account.id, true);
    assert.equal(r.followedBy, true);
    await assert.rejects(
      answerFollowRequest(rest, n.account.id, false),
      (e) => e instanceof HttpError && e.status === 404,
    );
  });

  test("the instance publishes its own rules", async () => {
    const rules = await fetchInstanceRules(rest);
    assert.ok(rules.length > 0);
    assert.ok(rules.every((r) => typeof r.text === "string" && r.text.length > 0));
  });
});

describe("markers", () => {
  test("a 409 from a concurrent update is retried, other errors are not", async () => {
    let calls = 0;
    const conflicted = {
      request: async <T>() => {
        calls++;
        if (calls < 3) throw new HttpError(409, "Conflict");
        return {} as T;
      },
    };
    await saveMarkers(conflicted, { home: "5" });
    assert.equal(calls, 3);
    let tries = 0;
    const broken = {
      request: async <T>(): Promise<T> => {
        tries++;
        throw new HttpError(422, "nope");
      },
    };
    await assert.rejects(saveMarkers(broken, { home: "5" }));
    assert.equal(tries, 1);
  });

  test("saving home and notifications against the instance round-trips", async () => {
    await saveMarkers(rest, { home: "123", notifications: "9" });
    const { fetchMarkers } = await import("../../src/api/markers.js");
    const markers = await fetchMarkers(rest);
    assert.equal(markers.home?.lastReadId, "123");
    assert.equal(markers.notifications?.lastReadId, "9");
  });
});
