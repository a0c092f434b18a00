// The views' own feeds: bookmarks and favourites page by the Link header's cursors and keep the
// order they were saved in; a profile, bookmarks and favourites say honestly that no stream
// carries them; a blocked or muted account's toots leave every store at once.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { mastodon } from "masto";
import { NotSupportedError } from "../../src/api/errors.js";
import type { PageParams } from "../../src/api/rest.js";
import { quoteView } from "../../src/render/quote.js";
import { TimelineFeed } from "../../src/timeline/feed.js";
import { NotificationStore } from "../../src/timeline/notifications.js";
import {
  derivePaneState,
  describeEmptyPane,
  describePaneState,
} from "../../src/timeline/pane-state.js";
import { type Status, TimelineStore } from "../../src/timeline/store.js";
import { feedSetup } from "./helpers/feed-setup.js";

const EPOCH = Date.UTC(2026, 0, 1);
function status(id: string, account = "a1", extra: Partial<Status> = {}): Status {
  return {
    id,
    createdAt: new Date(EPOCH + Number(id) * 1000).toISOString(),
    content: `<p>${id}</p>`,
    account: { id: account },
    reblog: null,
    ...extra,
  } as unknown as Status;
}

describe("a bookmarks feed", () => {
  test("follows the Link cursor down, keeps the saved order, and stops without asking when there is no next", async () => {
    const { stream, clock, changes } = feedSetup("federated");
    // Saved order is not the toots' own order: 5 was saved last, 9 first.
    const pages: Record<string, { statuses: Status[]; older?: PageParams }> = {
      "": { statuses: [status("5"), status("30")], older: { maxId: "row-2" } },
      "row-2": { statuses: [status("12"), status("9")] },
    };
    const asked: PageParams[] = [];
    const feed = new TimelineFeed("bookmarks", {
      rest: { timeline: async () => [], state: { kind: "ok" }, onStateChange: () => () => {} },
      stream,
      clock,
      changes,
      fetchPage: async (page) => {
        asked.push(page);
        return pages[page.maxId ?? ""] ?? { statuses: [] };
      },
    });
    await feed.start();
    assert.equal(await feed.loadOlder(), 2);
    assert.equal(asked[1]?.maxId, "row-2", "the Link header's cursor, not the oldest toot's id");
    assert.deepEqual(
      feed.store.items.map((i) => (i.kind === "gap" ? "gap" : i.id)),
      ["5", "30", "12", "9"],
      "in the order they were saved",
    );
    assert.equal(feed.reachedEnd, true, "no next link: the end");
    assert.equal(await feed.loadOlder(), 0);
    assert.equal(asked.length, 2, "nothing asked after the end");
    // No stream carries bookmarks: the title says so, whatever the socket does.
    assert.equal(feed.state.kind, "fetched");
    feed.close();
  });
});

describe("a feed no stream carries", () => {
  test("is fetched, not live, while the socket is live, down or reconnecting", () => {
    for (const socket of [
      { kind: "live" },
      { kind: "reconnecting", nextTryAt: 5, attempt: 1 },
      { kind: "connecting" },
    ] as const) {
      const state = derivePaneState(
        { socket, tokenRejected: false },
        { loaded: true, empty: false, polled: false, unstreamed: true },
      );
      assert.deepEqual(state, { kind: "fetched", empty: false }, socket.kind);
    }
    const failing = derivePaneState(
      { socket: { kind: "live" }, tokenRejected: false },
      {
        loaded: true,
        empty: false,
        polled: false,
        unstreamed: true,
        lastRest: { ok: false, problem: { kind: "timeout" } },
      },
    );
    assert.equal(failing.kind, "failing");
  });
});

describe("a feed the server does not have", () => {
  // Hollo has no /api/v1/conversations (fedify-dev/hollo src/api/v1/index.ts routes): :direct
  // there must say so, not "unreadable answer from the server, retrying" and ask forever.
  test("says not supported by this server, and stops asking", async () => {
    const { stream, clock, changes } = feedSetup("direct");
    let asked = 0;
    const feed = new TimelineFeed("direct", {
      rest: { timeline: async () => [], state: { kind: "ok" }, onStateChange: () => () => {} },
      stream,
      clock,
      changes,
      fetchPage: async () => {
        asked++;
        throw new NotSupportedError("conversations");
      },
    });
    // The socket never opens (no streaming here): a feed polls meanwhile, but not this one.
    stream.start();
    await feed.start();
    assert.equal(feed.state.kind, "unsupported");
    assert.equal(describePaneState(feed.state, clock.now()), "not supported by this server");
    assert.equal(
      describeEmptyPane(feed.state, "toots", clock.now()),
      "Nothing loaded: not supported by this server.",
    );
    await clock.advanceAsync(5 * 60_000, 1_000);
    assert.equal(asked, 1, "asked once, never again");
    assert.equal(feed.state.kind, "unsupported");
    feed.close();
  });
});

describe("hiding an account", () => {
  test("takes its toots, its boosts and boosts of its toots from a store; others stay", () => {
    const store = new TimelineStore();
    store.applyPage(
      [
        status("5", "blocked"),
        status("6", "friend", { reblog: status("4", "blocked") }),
        status("7", "blocked", { reblog: status("3", "friend") }),
        status("8", "friend"),
      ],
      "initial",
    );
    assert.equal(
      store.applyChange({ kind: "account-hidden", accountId: "blocked", by: "block" }),
      true,
    );
    assert.deepEqual(
      store.items.map((i) => (i.kind === "gap" ? "gap" : i.id)),
      ["8"],
    );
    assert.equal(
      store.applyChange({ kind: "account-hidden", accountId: "nobody", by: "mute" }),
      false,
    );
  });

  test("takes notifications from it and about its toots", () => {
    const store = new NotificationStore();
    const n = (id: string, account: string, s?: Status) =>
      ({
        id,
        type: s ? "mention" : "follow",
        createdAt: new Date(EPOCH + Number(id) * 1000).toISOString(),
        account: { id: account },
        status: s ?? null,
      }) as unknown as mastodon.v1.Notification;
    store.add([n("3", "blocked"), n("2", "friend", status("9", "blocked")), n("1", "friend")]);
    assert.equal(
      store.applyChange({ kind: "account-hidden", accountId: "blocked", by: "block" }),
      true,
    );
    assert.deepEqual(
      store.items.map((x) => x.id),
      ["1"],
    );
  });

  // Mastodon answers a quote of a blocked or muted author with no quoted post and the state
  // blocked_account / muted_account (docs entities/Quote): the same, here, without a refresh.
  test("a toot quoting it keeps its own words and loses the quoted toot, in the feed and in a notification", () => {
    const quoting = (id: string, account: string, quoted: Status) =>
      status(id, account, {
        quote: { state: "accepted", quotedStatus: quoted },
      } as Partial<Status>);
    const store = new TimelineStore();
    store.applyPage(
      [
        quoting("20", "friend", status("11", "blocked")),
        status("21", "friend", { reblog: quoting("19", "other", status("12", "blocked")) }),
        quoting("22", "friend", status("13", "other")),
      ],
      "initial",
    );
    assert.equal(
      store.applyChange({ kind: "account-hidden", accountId: "blocked", by: "block" }),
      true,
    );
    const shown = new Map(
      store.items.flatMap((i) => (i.kind === "gap" ? [] : [[i.id, i.status] as const])),
    );
    assert.deepEqual([...shown.keys()], ["22", "21", "20"], "the quoting toots stay");
    const views = (id: string) => {
      const s = shown.get(id)!;
      return quoteView(s.reblog ?? s);
    };
    assert.deepEqual(views("20"), {
      kind: "notice",
      text: "quoted post hidden: you blocked its author",
    });
    assert.deepEqual(views("21"), {
      kind: "notice",
      text: "quoted post hidden: you blocked its author",
    });
    assert.equal(views("22").kind, "status", "a quote of someone else stays");
    assert.ok(
      !JSON.stringify([...shown.values()]).includes("<p>11</p>"),
      "no copy of the hidden toot is kept",
    );

    const notifications = new NotificationStore();
    notifications.add([
      {
        id: "1",
        type: "mention",
        createdAt: new Date(EPOCH).toISOString(),
        account: { id: "friend" },
        status: quoting("23", "friend", status("14", "muted")),
      } as unknown as mastodon.v1.Notification,
    ]);
    assert.equal(
      notifications.applyChange({ kind: "account-hidden", accountId: "muted", by: "mute" }),
      true,
    );
    const mention = notifications.items[0] as unknown as { status: Status };
    assert.deepEqual(quoteView(mention.status), {
      kind: "notice",
      text: "quoted post hidden: you muted its author",
    });
  });
});
