// Following a thread's Mastodon-Async-Refresh with a fake clock: asked after `retry`, again while
// running, the thread fetched again once finished; nothing fetched when nothing was found; the
// thread's own header followed where the status endpoint is missing; bounded; cancellable.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { AsyncRefreshHint, AsyncRefreshStatus } from "../../src/api/async-refresh.js";
import { parseAsyncRefresh } from "../../src/api/async-refresh.js";
import { FakeClock } from "../../src/api/clock.js";
import {
  followThreadRefresh,
  MAX_CHECKS,
  type ThreadRefreshEnd,
} from "../../src/timeline/thread-refresh.js";

const hint: AsyncRefreshHint = { id: "r1", retrySeconds: 3 };

function harness(
  states: Array<AsyncRefreshStatus | Error>,
  reloads: Array<AsyncRefreshHint | undefined> = [],
) {
  const clock = new FakeClock();
  const asked: number[] = [];
  const reloadedAt: number[] = [];
  const ends: ThreadRefreshEnd[] = [];
  const start = clock.now();
  const following = followThreadRefresh(hint, {
    clock,
    async status(id) {
      assert.equal(id, "r1");
      asked.push(clock.now() - start);
      const next = states.shift() ?? new Error("no more states");
      if (next instanceof Error) throw next;
      return next;
    },
    async reload() {
      reloadedAt.push(clock.now() - start);
      return reloads.shift();
    },
    onEnd: (end) => ends.push(end),
  });
  return { clock, asked, reloadedAt, ends, following };
}

describe("thread async refresh", () => {
  test("asks after retry seconds, again while running, and fetches the thread once it finished", async () => {
    const h = harness([
      { id: "r1", status: "running", resultCount: 0 },
      { id: "r1", status: "finished", resultCount: 2 },
    ]);
    await h.clock.advanceAsync(2_900);
    assert.deepEqual(h.asked, [], "not before retry");
    await h.clock.advanceAsync(10_000);
    assert.deepEqual(h.asked, [3000, 6000]);
    assert.deepEqual(h.reloadedAt, [6000]);
    assert.deepEqual(h.ends, ["reloaded"]);
  });

  test("a refresh that found nothing leaves the thread as it is", async () => {
    const h = harness([{ id: "r1", status: "finished", resultCount: 0 }]);
    await h.clock.advanceAsync(10_000);
    assert.deepEqual(h.reloadedAt, []);
    assert.deepEqual(h.ends, ["nothing-new"]);
  });

  test("without the status endpoint the thread's own header is followed until it is gone", async () => {
    const h = harness(
      [new Error("404"), new Error("404")],
      [{ id: "r1", retrySeconds: 3 }, undefined],
    );
    await h.clock.advanceAsync(20_000);
    assert.deepEqual(h.reloadedAt, [3000, 6000]);
    assert.deepEqual(h.ends, ["reloaded"]);
  });

  test("a refresh that never ends is given up; a closed view asks nothing more", async () => {
    const running = Array.from({ length: 50 }, () => ({ id: "r1", status: "running" as const }));
    const h = harness(running);
    await h.clock.advanceAsync(MAX_CHECKS * 3000 + 60_000, 1000);
    assert.equal(h.asked.length, MAX_CHECKS);
    assert.deepEqual(h.ends, ["gave-up"]);

    const c = harness([...running]);
    await c.clock.advanceAsync(3_500);
    c.following.cancel();
    await c.clock.advanceAsync(60_000, 1000);
    assert.equal(c.asked.length, 1);
    assert.deepEqual(c.ends, []);
  });

  test("the header: id, retry and result_count read; hostile values bounded or refused", () => {
    assert.deepEqual(parseAsyncRefresh('id="ImNvbnRleHQi--c5", retry=3, result_count=2'), {
      id: "ImNvbnRleHQi--c5",
      retrySeconds: 3,
      resultCount: 2,
    });
    assert.deepEqual(parseAsyncRefresh('id="x", retry=5'), { id: "x", retrySeconds: 5 });
    assert.equal(parseAsyncRefresh('id="x", retry=0')?.retrySeconds, 1);
    assert.equal(parseAsyncRefresh('id="x", retry=99999999')?.retrySeconds, 300);
    assert.equal(parseAsyncRefresh("retry=3"), undefined);
    assert.equal(parseAsyncRefresh('id="\u001b[2J", retry=3'), undefined);
    assert.equal(parseAsyncRefresh(null), undefined);
  });
});
