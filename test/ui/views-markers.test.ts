// Read position: saved once after a quiet spell, only what changed, on a fake clock.
import assert from "node:assert/strict";
import { test } from "node:test";
import { FakeClock } from "../../src/api/clock.js";
import { HttpError } from "../../src/api/errors.js";
import type { RawRequest } from "../../src/api/rest.js";
import { MarkerSaver } from "../../src/ui/features/read-markers.js";

function setup(failFirst?: number) {
  const clock = new FakeClock();
  const sent: RawRequest[] = [];
  let fail = failFirst;
  const rest = {
    request: async <T>(req: RawRequest): Promise<T> => {
      sent.push(req);
      if (fail !== undefined) {
        const status = fail;
        fail = undefined;
        throw new HttpError(status, "Conflict");
      }
      return {} as T;
    },
  };
  const newest: { home?: string; notifications?: string } = {};
  const listeners = new Set<() => void>();
  const errors: string[] = [];
  const saver = new MarkerSaver({
    rest,
    clock,
    debounceMs: 10_000,
    onError: (m) => errors.push(m),
    sources: {
      newest: () => ({ ...newest }),
      onChange: (l) => {
        listeners.add(l);
        return () => listeners.delete(l);
      },
    },
  });
  const change = (next: typeof newest) => {
    Object.assign(newest, next);
    for (const l of listeners) l();
  };
  return { clock, sent, saver, change, errors };
}

test("a burst of new toots is saved once, ten seconds after the last, with the newest ids", async () => {
  const { clock, sent, change } = setup();
  change({ home: "1" });
  await clock.advanceAsync(5_000);
  change({ home: "2", notifications: "7" });
  await clock.advanceAsync(9_000);
  assert.equal(sent.length, 0, "nothing while toots keep arriving");
  await clock.advanceAsync(1_500);
  assert.equal(sent.length, 1);
  assert.deepEqual(sent[0]?.params, {
    home: { lastReadId: "2" },
    notifications: { lastReadId: "7" },
  });
  change({ notifications: "7" });
  await clock.advanceAsync(11_000);
  assert.equal(sent.length, 1, "nothing new, nothing sent");
});

test("a pane at the top of a feed busier than the quiet time is still saved within 30 s", async () => {
  const { clock, sent, change } = setup();
  // A live pane at its top: each arriving toot is the new top, every 3 s, never 10 s quiet.
  for (let i = 1; i <= 10; i++) {
    change({ home: String(i) });
    await clock.advanceAsync(3_000);
  }
  assert.equal(sent.length, 1, "saved once in 30 s of arrivals");
  assert.deepEqual(sent[0]?.params, { home: { lastReadId: "10" } });
});

test("a 409 from another client saving at the same time is retried", async () => {
  const { clock, sent, change, errors } = setup(409);
  change({ home: "3" });
  await clock.advanceAsync(11_000);
  assert.equal(sent.length, 2);
  assert.deepEqual(errors, []);
});

test("another refusal is reported once and retried with the next change", async () => {
  const { clock, sent, change, errors } = setup(503);
  change({ home: "3" });
  await clock.advanceAsync(11_000);
  assert.match(errors[0] ?? "", /Could not save the read position/);
  change({ home: "4" });
  await clock.advanceAsync(11_000);
  assert.equal(sent.length, 2);
  assert.deepEqual(sent[1]?.params, { home: { lastReadId: "4" } });
});
