// Grouped notifications from a server that groups them (Mastodon 4.3, /api/v2/notifications):
// reading the page, holding the groups, live notifications joining them, catching up, paging
// by the Link header, and refetching on notifications_merged.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { flushMicrotasks } from "../../src/api/clock.js";
import { HttpError } from "../../src/api/errors.js";
import { parseLinkHeader } from "../../src/api/link-header.js";
import {
  type GroupedPage,
  parseGroupedResults,
  parsePolicy,
  type ServerGroup,
} from "../../src/api/notifications.js";
import type { PageParams } from "../../src/api/rest.js";
import { GroupStore } from "../../src/timeline/grouped-store.js";
import type { Notification } from "../../src/timeline/notifications.js";
import { NotificationFeed } from "../../src/timeline/notifications-feed.js";
import { feedSetup } from "./helpers/feed-setup.js";

const account = (id: string, acct = `user${id}`) => ({
  id,
  acct,
  username: acct,
  displayName: acct,
});
const T0 = Date.parse("2026-12-01T10:00:00.000Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

function group(
  key: string,
  mostRecent: string,
  minutes: number,
  ids: string[],
  count = ids.length,
): ServerGroup {
  return {
    key,
    type: "favourite",
    count,
    mostRecentNotificationId: mostRecent,
    latestAt: at(minutes),
    accounts: ids.map((id) => account(id) as never),
    extra: {},
  };
}

describe("reading a GroupedNotificationsResults page", () => {
  test("accounts, partial accounts and statuses are put into their groups", () => {
    const groups = parseGroupedResults({
      accounts: [account("1", "sara")],
      partialAccounts: [{ id: "2", acct: "taro@x.example", avatar: "a" }],
      statuses: [{ id: "s1", content: "<p>hi</p>" }],
      notificationGroups: [
        {
          groupKey: "favourite-s1-100",
          notificationsCount: 5,
          type: "favourite",
          // The docs' own example sends this one as a number.
          mostRecentNotificationId: 196014,
          pageMinId: "196010",
          pageMaxId: "196014",
          latestPageNotificationAt: at(1),
          sampleAccountIds: ["1", "2", "missing"],
          statusId: "s1",
        },
        { groupKey: 7, type: "follow", mostRecentNotificationId: "1" },
        "not a group",
      ],
    });
    assert.equal(groups.length, 1, "a group without a string key is left out");
    const g = groups[0]!;
    assert.equal(g.mostRecentNotificationId, "196014");
    assert.equal(g.count, 5);
    assert.deepEqual(
      g.accounts.map((a) => a.acct),
      ["sara", "taro@x.example"],
    );
    assert.equal(
      g.accounts[1]!.username,
      "taro",
      "a partial account gets a username from its acct",
    );
    assert.equal(g.status?.id, "s1");
  });

  test("garbage is an empty page, never a throw", () => {
    for (const junk of [
      null,
      3,
      "x",
      [],
      { notificationGroups: "no" },
      { notificationGroups: [null] },
    ])
      assert.deepEqual(parseGroupedResults(junk), []);
  });

  test("the policy: known values only, counts from the summary", () => {
    const p = parsePolicy({
      forNotFollowing: "filter",
      forNotFollowers: "nonsense",
      summary: { pendingRequestsCount: 2, pendingNotificationsCount: -1 },
    });
    assert.equal(p.values.forNotFollowing, "filter");
    assert.equal(p.values.forNotFollowers, undefined);
    assert.equal(p.pendingRequestsCount, 2);
    assert.equal(p.pendingNotificationsCount, 0);
  });
});

describe("the Link header", () => {
  test("only the cursors are taken: the host a server names is never followed", () => {
    const links = parseLinkHeader(
      '<https://evil.example/api/v2/notifications?max_id=9&limit=2>; rel="next", <https://x.test/api/v2/notifications?min_id=12>; rel="prev"',
    );
    assert.deepEqual(links, { next: { maxId: "9" }, prev: { minId: "12" } });
    assert.deepEqual(parseLinkHeader("garbage"), {});
    assert.deepEqual(
      parseLinkHeader(`<https://x.test/?max_id=1>; rel="next"${",".repeat(9000)}`),
      {},
    );
  });
});

describe("the group store", () => {
  test("a newer page replaces a held group; an older page's copy adds nothing", () => {
    const store = new GroupStore();
    store.addPage([group("fav-a", "10", 10, ["1", "2"])], "newer");
    store.addPage([group("fav-a", "4", 2, ["9"], 1), group("fav-b", "3", 1, ["5"])], "older");
    assert.deepEqual(
      store.groups.map((g) => [g.key, g.count]),
      [
        ["fav-a", 2],
        ["fav-b", 1],
      ],
    );
    store.addPage([group("fav-b", "12", 12, ["6", "5"])], "newer");
    assert.deepEqual(
      store.groups.map((g) => [g.key, g.count, g.latest.id]),
      [
        ["fav-b", 2, "12"],
        ["fav-a", 2, "10"],
      ],
      "newest first by the latest notification",
    );
  });

  test("a live notification joins its group once: counted, its account first", () => {
    const store = new GroupStore();
    store.addPage([group("fav-a", "10", 10, ["1", "2"], 12)], "newer");
    const live = {
      id: "11",
      type: "favourite",
      groupKey: "fav-a",
      createdAt: at(11),
      account: account("3"),
    } as unknown as Notification;
    assert.equal(store.addLive(live), true);
    assert.equal(store.addLive(live), false, "the same notification twice is one");
    const g = store.groups[0]!;
    assert.equal(g.count, 13);
    assert.deepEqual(
      g.accounts.map((a) => a.id),
      ["3", "1", "2"],
    );
    // A notification without a key is a group of its own.
    store.addLive({ id: "12", type: "mention", createdAt: at(12), account: account("4") } as never);
    assert.equal(store.groups[0]!.key, "ungrouped-12");
  });
});

describe("a notification feed on a server that groups", () => {
  function setup(pages: (page: PageParams) => GroupedPage) {
    const { stream, rest, socket, changes } = feedSetup("local");
    const asked: PageParams[] = [];
    const feed = new NotificationFeed(
      {
        get state() {
          return rest.state;
        },
        notifications: async () => {
          throw new Error("v1 asked on a v2 server");
        },
      },
      stream,
      changes,
      undefined,
      {},
      {
        page: async (p) => {
          asked.push(p);
          return pages(p);
        },
        accounts: async () => ({ accounts: [], links: {} }),
        dismiss: async () => {},
        unreadCount: async () => 3,
        policy: async () => parsePolicy({ summary: { pendingRequestsCount: 1 } }),
      },
    );
    return { feed, stream, socket, asked };
  }

  test("pages older by the Link header until an empty page, then asks no more", async () => {
    const { feed, stream, asked } = setup((p) => {
      if (!p.maxId)
        return { groups: [group("a", "30", 30, ["1"])], links: { next: { maxId: "30" } } };
      if (p.maxId === "30")
        return { groups: [group("b", "20", 20, ["2"])], links: { next: { maxId: "20" } } };
      return { groups: [], links: {} };
    });
    stream.start();
    await feed.start();
    await flushMicrotasks();
    for (let i = 0; i < 10; i++) await feed.loadOlder();
    assert.deepEqual(
      feed.groups().map((g) => g.key),
      ["a", "b"],
    );
    assert.deepEqual(
      asked.filter((p) => p.maxId).map((p) => p.maxId),
      ["30", "20"],
    );
    assert.deepEqual(feed.counts, { unread: 3, requests: 1 }, "the title's counts");
  });

  test("a refused page is the pane's state; the next page clears it", async () => {
    let fail = true;
    const { feed, stream } = setup(() => {
      if (fail) throw new HttpError(503, "");
      return { groups: [group("a", "30", 30, ["1"])], links: {} };
    });
    stream.start();
    await feed.start();
    await flushMicrotasks();
    assert.equal(feed.facts().lastRest?.ok, false);
    assert.equal(feed.facts().loaded, false);
    fail = false;
    await feed.refresh();
    assert.deepEqual(feed.facts().lastRest, { ok: true });
    assert.deepEqual(
      feed.groups().map((g) => g.key),
      ["a"],
    );
  });

  test("a server that claims grouped notifications but answers 404 gets the v1 list, grouped here", async () => {
    const { stream, rest, changes } = feedSetup("local");
    const feed = new NotificationFeed(
      {
        get state() {
          return rest.state;
        },
        notifications: async () =>
          ["1", "2"].map((id) => ({
            id,
            type: "favourite",
            createdAt: at(Number(id)),
            account: account(id),
            status: { id: "s1" },
          })) as unknown as Notification[],
      },
      stream,
      changes,
      undefined,
      {},
      {
        page: async () => {
          throw new HttpError(404, "Record not found");
        },
        accounts: async () => ({ accounts: [], links: {} }),
        dismiss: async () => {},
        unreadCount: async () => 0,
        policy: async () => parsePolicy({}),
      },
    );
    stream.start();
    await feed.start();
    await flushMicrotasks();
    assert.equal(feed.serverGrouped, false);
    assert.deepEqual(feed.facts().lastRest, { ok: true }, "no error shown");
    assert.equal(feed.groups().length, 1);
    assert.equal(feed.groups()[0]!.count, 2);
  });

  test("on going live it catches up with min_id; notifications_merged refetches the newest page", async () => {
    let merged = false;
    const { feed, stream, socket, asked } = setup((p) => {
      if (p.minId) return { groups: [group("new", "40", 40, ["4"])], links: {} };
      return {
        groups: merged ? [group("old", "5", 1, ["7"])] : [group("a", "30", 30, ["1"])],
        links: { next: { maxId: "30" } },
      };
    });
    stream.start();
    await feed.start();
    socket().open();
    await flushMicrotasks();
    assert.ok(
      asked.some((p) => p.minId === "30"),
      "catch-up from the newest held",
    );
    assert.deepEqual(
      feed.groups().map((g) => g.key),
      ["new", "a"],
    );
    merged = true;
    socket().frame({ stream: ["user"], event: "notifications_merged", payload: "1" });
    await flushMicrotasks();
    assert.deepEqual(
      feed.groups().map((g) => g.key),
      ["new", "a", "old"],
      "the merged-back notification in its place in time",
    );
  });
});
