// On a server without streaming (Hollo), edits and deletes reach a feed by polling: each poll
// asks for the newest page again and reads from it what changed in the statuses held.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { pageChanges } from "../../src/timeline/poll-reconcile.js";
import type { StatusChange } from "../../src/timeline/status-change.js";
import type { Status, TimelineItem } from "../../src/timeline/store.js";
import { makeStatus } from "./helpers/fake-rest.js";
import { feedSetup } from "./helpers/feed-setup.js";

const items = (statuses: Status[]): TimelineItem[] =>
  statuses.map((s) => ({ kind: "status", id: s.id, status: s }));
const edit = (s: Status, content: string, editedAt?: string): Status =>
  ({ ...s, content, ...(editedAt ? { editedAt } : {}) }) as Status;
const boost = (id: string, of: Status): Status => ({ ...makeStatus(id), reblog: of }) as Status;

describe("pageChanges", () => {
  test("an edited status, by its edit time or (without one) by its content", () => {
    const [a, b] = [makeStatus("1"), makeStatus("2")];
    const page = [
      edit(b, "<p>two, edited</p>", "2026-01-01T00:10:00.000Z"),
      edit(a, "<p>one!</p>"),
    ];
    const asked = new Set(["1", "2"]);
    assert.deepEqual(pageChanges(items([b, a]), page, asked), [
      { kind: "edit", status: page[0] },
      { kind: "edit", status: page[1] },
    ]);
    assert.deepEqual(
      pageChanges(items([b, a]), [b, a], asked),
      [],
      "nothing changed, nothing said",
    );
  });

  test("a copy older than the one held (asked for before its edit) is not an edit back", () => {
    const now = edit(makeStatus("1"), "<p>new</p>", "2026-01-01T00:10:00.000Z");
    const asked = new Set(["1"]);
    assert.deepEqual(pageChanges(items([now]), [makeStatus("1")], asked), [], "no edit time");
    const older = edit(makeStatus("1"), "<p>mid</p>", "2026-01-01T00:05:00.000Z");
    assert.deepEqual(pageChanges(items([now]), [older], asked), [], "an earlier edit time");
    const later = edit(makeStatus("1"), "<p>newer</p>", "2026-01-01T00:20:00.000Z");
    assert.deepEqual(pageChanges(items([now]), [later], asked), [{ kind: "edit", status: later }]);
  });

  test("a boost's original edited: the edit is of the original", () => {
    const original = makeStatus("1");
    const wrapper = boost("5", original);
    const fresh = boost("5", edit(original, "<p>new words</p>", "2026-01-02T00:00:00.000Z"));
    assert.deepEqual(pageChanges(items([wrapper]), [fresh], new Set(["5"])), [
      { kind: "edit", status: fresh.reblog },
    ]);
  });

  test("a status held above the page's oldest and missing from it is deleted; below, nothing is judged", () => {
    const held = ["9", "8", "7", "6", "5", "4"].map(makeStatus);
    const asked = new Set(["9", "8", "7", "6", "5", "4"]);
    // The newest page reaches from now down to 5: 9 and 7 are gone; 4 is below the page.
    const page = [held[1]!, held[3]!, held[4]!];
    assert.deepEqual(pageChanges(items(held), page, asked), [
      { kind: "delete", id: "9" },
      { kind: "delete", id: "7" },
    ]);
    assert.deepEqual(pageChanges(items(held), [], asked), [], "an empty page judges nothing");
  });

  test("a status that came while the page was asked for is not judged by it", () => {
    const held = ["9", "8", "7"].map(makeStatus);
    assert.deepEqual(pageChanges(items(held), [held[1]!, held[2]!], new Set(["8", "7"])), []);
  });
});

/** A feed on a server whose every form of streaming is refused (404): it polls. */
async function polling() {
  const setup = feedSetup("local", { pageLimit: 20 });
  const { stream, rest, feed, socket, changes } = setup;
  rest.publish(5);
  stream.start();
  await feed.start();
  // The header form, the query-token form, then server-sent events.
  for (let form = 0; form < 3; form++) socket().reject(404);
  assert.equal(stream.state.kind, "unavailable");
  const seen: StatusChange[] = [];
  changes.subscribe((c) => seen.push(c));
  return { ...setup, seen };
}

const content = (feed: ReturnType<typeof feedSetup>["feed"], id: string) =>
  feed.store.allStatuses.find((s) => s.id === id)?.content;

describe("polling without a stream", () => {
  test("an edit shows within one polling interval, and goes on the bus for every place", async () => {
    const { clock, rest, feed, seen } = await polling();
    const at = rest.posted.findIndex((s) => s.id === "1002");
    rest.posted[at] = edit(rest.posted[at]!, "<p>edited</p>", "2026-01-01T01:00:00.000Z");
    await clock.advanceAsync(40_000);
    assert.equal(content(feed, "1002"), "<p>edited</p>");
    assert.ok(seen.some((c) => c.kind === "edit" && c.status.id === "1002"));
  });

  test("deleted toots, the newest among them, leave the pane within one polling interval", async () => {
    const { clock, rest, feed } = await polling();
    for (const id of ["1004", "1002"])
      rest.posted.splice(
        rest.posted.findIndex((s) => s.id === id),
        1,
      );
    await clock.advanceAsync(40_000);
    assert.deepEqual(
      feed.store.allStatuses.map((s) => s.id),
      ["1003", "1001", "1000"],
    );
  });

  test("a poll asks two pages and changes nothing held; a live stream asks none", async () => {
    const { clock, rest, feed } = await polling();
    const held = feed.store.allStatuses;
    const before = rest.requests.length;
    await clock.advanceAsync(40_000);
    // One poll (20–40 s): min_id for new toots, then the newest page.
    assert.equal(rest.requests.length - before, 2);
    assert.deepEqual(feed.store.allStatuses, held, "the same statuses, the same objects");

    const live = feedSetup("local");
    live.rest.publish(3);
    live.stream.start();
    await live.feed.start();
    live.socket().open();
    // Going live catches up once (min_id); after that the stream brings everything.
    await live.clock.advanceAsync(1_000);
    const asked = live.rest.requests.length;
    await live.clock.advanceAsync(30_000);
    assert.equal(live.rest.requests.length, asked, "a live feed does not poll");
  });
});
