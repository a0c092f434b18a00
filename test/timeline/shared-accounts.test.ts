// Statuses by one account share one account object in the stores (memory: a held status
// no longer carries its own copy of its author), and the copy that arrived last is what
// every toot by that account shows.
import assert from "node:assert/strict";
import { test } from "node:test";
import { type Status, TimelineStore } from "../../src/timeline/store.js";

const EPOCH = Date.UTC(2026, 0, 1);
function account(id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    acct: `user${id}`,
    url: `https://one.example/@user${id}`,
    displayName: `User ${id}`,
    avatar: `https://one.example/avatars/${id}.png`,
    statusesCount: 1,
    ...extra,
  };
}
function status(id: string, author: object, extra: Record<string, unknown> = {}): Status {
  const createdAt = new Date(EPOCH + Number(id) * 1000).toISOString();
  return {
    id,
    createdAt,
    content: `<p>${id}</p>`,
    reblog: null,
    account: author,
    ...extra,
  } as unknown as Status;
}

test("toots by one account in one or several panes hold one account object", () => {
  const home = new TimelineStore();
  const local = new TimelineStore();
  home.applyPage([status("3", account("a1")), status("2", account("a1"))], "initial");
  local.applyUpdate(status("4", account("a1")));
  const shared = home.get("3")!.account;
  assert.equal(home.get("2")!.account, shared);
  assert.equal(local.get("4")!.account, shared);
});

test("the copy that arrived last is what every toot by the account shows", () => {
  const store = new TimelineStore();
  store.applyUpdate(status("10", account("b1", { displayName: "Old name" })));
  store.applyUpdate(status("11", account("b1", { displayName: "New name", statusesCount: 2 })));
  assert.equal(store.get("10")!.account.displayName, "New name");
  assert.equal(store.get("10")!.account.statusesCount, 2);
  // A field the newest copy no longer has is gone from the shared one too.
  store.applyUpdate(status("12", account("b1", { moved: { id: "x" } })));
  store.applyUpdate(status("13", account("b1")));
  assert.equal("moved" in store.get("12")!.account, false);
});

test("boosted originals and quoted posts share their authors too", () => {
  const store = new TimelineStore();
  const original = status("20", account("c1"));
  const quoted = status("19", account("c2"));
  store.applyPage(
    [
      status("22", account("c3"), { reblog: original }),
      status("21", account("c1"), { quote: { state: "accepted", quotedStatus: quoted } }),
      status("18", account("c2")),
    ],
    "initial",
  );
  const booster = store.get("22")!;
  assert.equal(booster.reblog!.account, store.get("21")!.account);
  const quote = store.get("21") as unknown as { quote: { quotedStatus: Status } };
  assert.equal(quote.quote.quotedStatus.account, store.get("18")!.account);
});

test("accounts of another server (same id, another acct or url) stay apart", () => {
  const store = new TimelineStore();
  store.applyUpdate(status("30", account("d1")));
  store.applyUpdate(status("31", account("d1", { acct: "someone@two.example" })));
  store.applyUpdate(status("32", account("d1", { url: "https://two.example/@user" })));
  const [a, b, c] = ["30", "31", "32"].map((id) => store.get(id)!.account);
  assert.notEqual(a, b);
  assert.notEqual(a, c);
  assert.equal(a!.acct, "userd1");
  assert.equal(b!.acct, "someone@two.example");
});

test("a status without a usable account is kept as it came", () => {
  const store = new TimelineStore();
  store.applyUpdate(status("40", { id: 5 }));
  store.applyUpdate(status("41", null as unknown as object));
  assert.deepEqual(store.get("40")!.account, { id: 5 });
  assert.equal(store.get("41")!.account, null);
});
