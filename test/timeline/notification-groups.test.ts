import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { groupNotifications, unreadGroupsAbove } from "../../src/timeline/notification-groups.js";
import type { Notification } from "../../src/timeline/notifications.js";

const T0 = Date.parse("2026-12-01T08:00:00Z");
let next = 1000;
function n(
  type: string,
  who: string,
  minutes: number,
  status?: string,
  groupKey?: string,
): Notification {
  return {
    id: String(next++),
    type,
    createdAt: new Date(T0 + minutes * 60_000).toISOString(),
    account: { id: who, acct: who, username: who, displayName: who },
    ...(status ? { status: { id: status } } : {}),
    ...(groupKey ? { groupKey } : {}),
  } as unknown as Notification;
}
/** Newest first, as the store holds them. */
const newestFirst = (...list: Notification[]) => [...list].reverse();
const shape = (list: Notification[]) =>
  groupNotifications(list).map((g) => [g.type, g.accounts.map((a) => a.acct).join(",")]);

describe("notifications grouped as Mastodon 4.3 groups them", () => {
  test("three favourites of one post are one group; a favourite of another post is another", () => {
    const list = newestFirst(
      n("favourite", "sara", 0, "p1"),
      n("favourite", "taro", 5, "p1"),
      n("favourite", "ana", 9, "p2"),
      n("favourite", "lou", 10, "p1"),
    );
    assert.deepEqual(shape(list), [
      ["favourite", "lou,taro,sara"],
      ["favourite", "ana"],
    ]);
  });

  test("mentions never group; boosts and favourites of one post are apart; follows group", () => {
    const list = newestFirst(
      n("mention", "sara", 0, "p1"),
      n("mention", "taro", 1, "p1"),
      n("reblog", "ana", 2, "p1"),
      n("favourite", "ana", 3, "p1"),
      n("follow", "wei", 4),
      n("follow", "mina", 5),
    );
    assert.deepEqual(shape(list), [
      ["follow", "mina,wei"],
      ["favourite", "ana"],
      ["reblog", "ana"],
      ["mention", "taro"],
      ["mention", "sara"],
    ]);
  });

  test("a group reaches back 12 hours at most; the same person counts once", () => {
    const list = newestFirst(
      n("favourite", "sara", 0, "p1"),
      n("favourite", "taro", 11 * 60, "p1"),
      n("favourite", "ana", 13 * 60, "p1"),
      n("reblog", "wei", 13 * 60 + 1, "p9"),
      n("reblog", "wei", 13 * 60 + 2, "p9"),
    );
    assert.deepEqual(shape(list), [
      ["reblog", "wei"],
      ["favourite", "ana"],
      ["favourite", "taro,sara"],
    ]);
  });

  test("the server's group_key is taken at its word, and ungrouped ones stand alone", () => {
    const list = newestFirst(
      n("favourite", "sara", 0, "p1", "favourite-p1-500"),
      n("favourite", "taro", 1, "p1", "favourite-p1-501"),
      n("follow", "wei", 2, undefined, "ungrouped-77"),
      n("follow", "mina", 3, undefined, "ungrouped-78"),
    );
    assert.equal(groupNotifications(list).length, 3, "two server groups, the follows computed");
  });

  test("hostile fields: no status, bad times, odd types, no account — never a throw", () => {
    const odd = [
      { id: "1", type: "favourite", createdAt: "not a time", account: null },
      { id: "2", type: "constructor", createdAt: "2026-01-01T00:00:00Z" },
      { id: "3", type: "reblog", createdAt: "2026-01-01T00:00:00Z", status: { id: 5 } },
      { id: "4", groupKey: 7, type: "follow", createdAt: "2026-01-01T00:00:00Z" },
    ] as unknown as Notification[];
    assert.equal(groupNotifications(odd).length, 4);
  });
});

describe("the unread count without unread_count (v1 servers): groups above the marker", () => {
  const read = n("mention", "wei", 0);
  const fav1 = n("favourite", "sara", 1, "p1");
  const m1 = n("mention", "ana", 2);
  const fav2 = n("favourite", "taro", 3, "p1");
  const m2 = n("mention", "lou", 4);
  const list = newestFirst(read, fav1, m1, fav2, m2);
  const groups = groupNotifications(list);

  test("counts each group with a notification newer than the marker once", () => {
    // m2, the p1 favourites (two, one group) and m1 are newer than `read`.
    assert.equal(unreadGroupsAbove(list, groups, read.id), 3);
    assert.equal(unreadGroupsAbove(list, groups, m2.id), 0, "read up to the newest");
    // The marker on the older favourite: its group got a newer one since, so it counts.
    assert.equal(unreadGroupsAbove(list, groups, fav1.id), 3);
    assert.equal(unreadGroupsAbove(list, groups, fav2.id), 1);
  });

  test("no marker, or a marker on a notification not held: not known, not guessed", () => {
    assert.equal(unreadGroupsAbove(list, groups, undefined), undefined);
    assert.equal(unreadGroupsAbove(list, groups, ""), undefined);
    assert.equal(unreadGroupsAbove(list, groups, "no-such-id"), undefined);
  });
});
