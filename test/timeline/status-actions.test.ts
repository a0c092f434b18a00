// Status actions without a terminal: shown at once wherever the status is held, sent in order,
// rolled back field by field when refused.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { HttpError, ServerUnavailableError } from "../../src/api/errors.js";
import type { RawRequest } from "../../src/api/rest.js";
import { StatusActions } from "../../src/timeline/status-actions.js";
import { StatusBus } from "../../src/timeline/status-bus.js";
import { type Status, TimelineStore } from "../../src/timeline/store.js";

const ME = "1";

function status(id: string, extra: Record<string, unknown> = {}): Status {
  return {
    id,
    content: `<p>${id}</p>`,
    reblog: null,
    account: { id: "2" },
    favourited: false,
    favouritesCount: 3,
    reblogged: false,
    reblogsCount: 0,
    bookmarked: false,
    ...extra,
  } as unknown as Status;
}

/** Answers each action request when told to: `answer(i, body)` or `fail(i, err)`. */
class FakeActionsRest {
  readonly sent: string[] = [];
  private readonly pending: Array<{ resolve(v: unknown): void; reject(e: unknown): void }> = [];

  request<T>(req: RawRequest): Promise<T> {
    this.sent.push(`${req.method} ${req.path}`);
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ resolve: resolve as (v: unknown) => void, reject });
    });
  }

  answer(i: number, body: unknown): void {
    this.pending[i]!.resolve(body);
  }

  fail(i: number, err: unknown): void {
    this.pending[i]!.reject(err);
  }
}

function setup(...held: Status[]) {
  const rest = new FakeActionsRest();
  const changes = new StatusBus();
  const stores = [new TimelineStore(), new TimelineStore()];
  for (const store of stores) {
    store.applyPage(held, "initial");
    changes.subscribe((c) => store.applyChange(c));
  }
  const actions = new StatusActions({ rest, changes, accountId: ME });
  const shown = (i: number, id: string) => stores[i]!.get(id)!;
  return { rest, changes, stores, actions, shown };
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 100 && !cond(); i++) await Promise.resolve();
  assert.ok(cond());
};

describe("StatusActions", () => {
  test("a favourite shows at once in every store, inside boosts too, and takes the server's count", async () => {
    const original = status("9");
    const boost = status("10", { reblog: original, account: { id: "3" } });
    const { rest, actions, shown, stores } = setup(original);
    stores[1]!.applyPage([boost], "initial");
    const outcome = actions.toggle(boost, "favourite");
    assert.equal(shown(0, "9").favourited, true, "before any answer");
    assert.equal(shown(0, "9").favouritesCount, 4);
    assert.equal(shown(1, "10").reblog?.favourited, true, "the boost shows it too");
    await until(() => rest.sent.length === 1);
    assert.deepEqual(rest.sent, ["POST /api/v1/statuses/9/favourite"]);
    rest.answer(0, { ...original, favourited: true, favouritesCount: 7 });
    assert.deepEqual(await outcome, { ok: true, message: "Favourited" });
    assert.equal(shown(0, "9").favouritesCount, 7);
  });

  test("a refused favourite rolls back the favourite only: an edit and a bookmark made meanwhile stay", async () => {
    const { rest, changes, actions, shown } = setup(status("9"));
    const fav = actions.toggle(status("9"), "favourite");
    const mark = actions.toggle(shown(0, "9"), "bookmark");
    changes.publish({ kind: "edit", status: status("9", { content: "<p>edited</p>" }) });
    await until(() => rest.sent.length === 1);
    rest.fail(0, new HttpError(500, "boom"));
    const refused = await fav;
    assert.equal(refused.ok, false);
    assert.match(refused.message, /^Could not favourite: /);
    await until(() => rest.sent.length === 2);
    rest.answer(1, status("9", { bookmarked: true }));
    assert.equal((await mark).message, "Bookmarked");
    const s = shown(0, "9");
    assert.deepEqual(
      [s.favourited, s.favouritesCount, s.bookmarked, s.content],
      [false, 3, true, "<p>edited</p>"],
    );
  });

  test("two quick presses reach the server in order: on, then off", async () => {
    const { rest, actions, shown } = setup(status("9"));
    const first = actions.toggle(status("9"), "boost");
    const second = actions.toggle(shown(0, "9"), "boost");
    assert.equal(shown(0, "9").reblogged, false, "shown off again at once");
    await until(() => rest.sent.length === 1);
    assert.deepEqual(rest.sent, ["POST /api/v1/statuses/9/reblog"], "the second waits");
    rest.answer(0, { id: "99", reblog: status("9", { reblogged: true, reblogsCount: 1 }) });
    assert.equal((await first).message, "Boosted");
    await until(() => rest.sent.length === 2);
    assert.equal(rest.sent[1], "POST /api/v1/statuses/9/unreblog");
    rest.answer(1, status("9", { reblogsCount: 0 }));
    assert.equal((await second).message, "Unboosted");
    assert.deepEqual([shown(0, "9").reblogged, shown(0, "9").reblogsCount], [false, 0]);
  });

  test("pin and delete are for your own toots: others' are refused without a request", async () => {
    const mine = status("5", { account: { id: ME } });
    const { rest, actions, stores } = setup(status("9"), mine);
    assert.deepEqual(await actions.toggle(status("9"), "pin"), {
      ok: false,
      message: "Only your own toots can be pinned",
    });
    assert.equal((await actions.delete(status("9"))).message, "Only your own toots can be deleted");
    assert.deepEqual(rest.sent, []);
    const refused = actions.delete(mine);
    await until(() => rest.sent.length === 1);
    rest.fail(0, new HttpError(503, "down"));
    assert.equal((await refused).ok, false);
    assert.ok(stores[0]!.has("5"), "a refused delete leaves the toot");
    const done = actions.delete(mine);
    await until(() => rest.sent.length === 2);
    rest.answer(1, mine);
    assert.deepEqual(await done, { ok: true, message: "Deleted" });
    assert.ok(!stores[0]!.has("5") && !stores[1]!.has("5"), "gone from every store");
  });
});

describe("a server that refuses a toggle already in place", () => {
  async function untilSent(rest: FakeActionsRest, n: number): Promise<void> {
    for (let i = 0; i < 200 && rest.sent.length < n; i++) await new Promise((r) => setImmediate(r));
    assert.equal(rest.sent.length, n, rest.sent.join(", "));
  }

  test("a second favourite answered 500 (GoToSocial) is a success when the toot is favourited there", async () => {
    const { rest, actions, shown } = setup(status("9"));
    const done = actions.toggle(shown(0, "9"), "favourite");
    await untilSent(rest, 1);
    rest.fail(0, new ServerUnavailableError(500));
    await untilSent(rest, 2);
    assert.equal(rest.sent[1], "GET /api/v1/statuses/9", "the server's truth is asked for");
    rest.answer(1, status("9", { favourited: true, favouritesCount: 7 }));
    const outcome = await done;
    assert.equal(outcome.ok, true, outcome.message);
    assert.equal(shown(1, "9").favourited, true);
    assert.equal(shown(1, "9").favouritesCount, 7, "the server's count");
  });

  test("a 404 when the toot is not favourited there rolls back to the server's state", async () => {
    const { rest, actions, shown } = setup(status("9"));
    const done = actions.toggle(shown(0, "9"), "favourite");
    await untilSent(rest, 1);
    rest.fail(0, new HttpError(404, "Record not found"));
    await untilSent(rest, 2);
    rest.answer(1, status("9", { favourited: false, favouritesCount: 3 }));
    const outcome = await done;
    assert.equal(outcome.ok, false);
    assert.equal(shown(0, "9").favourited, false);
    assert.equal(shown(0, "9").favouritesCount, 3);
  });
});
