import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { MastoHttpError } from "masto";
import { FakeClock, flushMicrotasks } from "../../src/api/clock.js";
import {
  describeError,
  HttpError,
  RateLimitedError,
  RequestAbortedError,
  RequestTimeoutError,
  ServerUnavailableError,
} from "../../src/api/errors.js";
import { type Attempt, RequestQueue, type RestState } from "../../src/api/request-queue.js";

const ok = (data: unknown, headers: Record<string, string> = {}) =>
  Promise.resolve({ data, headers: new Headers(headers) });

function http429(reset: Date): MastoHttpError {
  const res = new Response(null, {
    status: 429,
    headers: { "X-RateLimit-Reset": reset.toISOString(), "X-RateLimit-Remaining": "0" },
  });
  return new MastoHttpError({ statusCode: 429, message: "Too many requests" }, { cause: res });
}
/** What masto throws for nginx's HTML 503 page: a bare TypeError without status. */
const htmlPageError = () =>
  new TypeError("Cannot destructure property 'error' of 'data' as it is undefined.");

function scripted(
  outcomes: Array<() => Promise<{ data: unknown; headers: Headers }>>,
  idempotent = true,
) {
  const sentAt: number[] = [];
  let i = 0;
  const attempt = (clock: FakeClock): Attempt<unknown> => ({
    idempotent,
    send: () => {
      sentAt.push(clock.now());
      const next = outcomes[Math.min(i++, outcomes.length - 1)]!;
      return next();
    },
  });
  return { attempt, sentAt };
}

describe("RequestQueue", () => {
  test("after a 429 sends nothing until the reset, shows the pause, then resumes", async () => {
    const clock = new FakeClock();
    const q = new RequestQueue({ clock, random: () => 0.5 });
    const states: RestState[] = [];
    q.onStateChange((s) => states.push(s));
    const reset = new Date(clock.now() + 10_000);
    const first = scripted([() => Promise.reject(http429(reset)), () => ok("first")]);
    const second = scripted([() => ok("second")]);
    const p1 = q.run(first.attempt(clock));
    await flushMicrotasks();
    assert.equal(q.state.kind, "rate-limited");
    const p2 = q.run(second.attempt(clock));
    await clock.advanceAsync(9_900);
    assert.equal(first.sentAt.length + second.sentAt.length, 1, "nothing sent inside the window");
    await clock.advanceAsync(3_000);
    assert.equal(await p1, "first");
    assert.equal(await p2, "second");
    assert.ok(second.sentAt[0]! >= reset.getTime());
    assert.equal(q.state.kind, "ok");
    const limited = states.find((s) => s.kind === "rate-limited");
    assert.ok(
      limited && limited.kind === "rate-limited" && limited.until.getTime() >= reset.getTime(),
    );
  });

  test("retries a GET through an nginx HTML 503 page and succeeds", async () => {
    const clock = new FakeClock();
    const q = new RequestQueue({ clock, random: () => 0 });
    const s = scripted([
      () => Promise.reject(htmlPageError()),
      () => Promise.reject(htmlPageError()),
      () => ok("fine"),
    ]);
    const p = q.run(s.attempt(clock));
    await flushMicrotasks();
    assert.equal(q.state.kind, "ok", "one request's trouble is not the account's state");
    await clock.advanceAsync(10_000);
    assert.equal(await p, "fine");
    assert.equal(s.sentAt.length, 3);
    assert.ok(s.sentAt[1]! > s.sentAt[0]!, "waits between tries");
    assert.equal(q.state.kind, "ok");
  });

  test("gives up on a GET after its retries with a clear message", async () => {
    const clock = new FakeClock();
    const q = new RequestQueue({ clock, maxRetries: 2, random: () => 0 });
    const s = scripted([() => Promise.reject(htmlPageError())]);
    const p = q.run(s.attempt(clock));
    const settled = p.catch((e: unknown) => e);
    await clock.advanceAsync(30_000);
    const err = await settled;
    assert.ok(err instanceof ServerUnavailableError);
    assert.match(describeError(err), /server unavailable/);
    assert.equal(s.sentAt.length, 3);
  });

  test("never retries a POST without an Idempotency-Key", async () => {
    const clock = new FakeClock();
    const q = new RequestQueue({ clock });
    const s = scripted([() => Promise.reject(htmlPageError()), () => ok("posted twice!")], false);
    const settled = q.run(s.attempt(clock)).catch((e: unknown) => e);
    await clock.advanceAsync(30_000);
    assert.ok((await settled) instanceof ServerUnavailableError);
    assert.equal(s.sentAt.length, 1);
  });

  test("a POST that got 429 is not re-sent and reports the pause", async () => {
    const clock = new FakeClock();
    const q = new RequestQueue({ clock });
    const s = scripted([() => Promise.reject(http429(new Date(clock.now() + 5000)))], false);
    const err = await q.run(s.attempt(clock)).catch((e: unknown) => e);
    assert.ok(err instanceof RateLimitedError);
    assert.match(describeError(err), /^rate-limited until \d\d:\d\d:\d\d$/);
  });

  test("a request that hangs times out after 15 s", async () => {
    const clock = new FakeClock();
    const q = new RequestQueue({ clock, maxRetries: 0 });
    const err = q
      .run({
        idempotent: true,
        send: (signal) =>
          new Promise((_, reject) =>
            signal.addEventListener("abort", () => reject(new Error("aborted"))),
          ),
      })
      .catch((e: unknown) => e);
    await clock.advanceAsync(14_000);
    await clock.advanceAsync(1_500);
    assert.ok((await err) instanceof RequestTimeoutError);
  });

  test("close() aborts what is in flight and what is waiting", async () => {
    const clock = new FakeClock();
    const q = new RequestQueue({ clock, concurrency: 1 });
    let aborted = false;
    const hang = (): Attempt<unknown> => ({
      idempotent: true,
      send: (signal) =>
        new Promise((_, reject) =>
          signal.addEventListener("abort", () => {
            aborted = true;
            reject(new Error("aborted"));
          }),
        ),
    });
    const a = q.run(hang()).catch((e: unknown) => e);
    const b = q.run(hang()).catch((e: unknown) => e);
    await flushMicrotasks();
    q.close();
    assert.ok((await a) instanceof RequestAbortedError);
    assert.ok((await b) instanceof RequestAbortedError);
    assert.ok(aborted);
  });

  test("a 422 is not retried and keeps the server's words", async () => {
    const clock = new FakeClock();
    const q = new RequestQueue({ clock });
    const s = scripted([
      () =>
        Promise.reject(
          new MastoHttpError({
            statusCode: 422,
            message: "Validation failed: Text can't be blank",
          }),
        ),
    ]);
    const err = await q.run(s.attempt(clock)).catch((e: unknown) => e);
    assert.ok(err instanceof HttpError);
    assert.equal(
      describeError(err),
      "server refused (HTTP 422): Validation failed: Text can't be blank",
    );
    assert.equal(s.sentAt.length, 1);
  });

  test("waits for the reset when X-RateLimit-Remaining reaches 0", async () => {
    const clock = new FakeClock();
    const q = new RequestQueue({ clock, random: () => 0 });
    const reset = new Date(clock.now() + 60_000).toISOString();
    await q.run({
      idempotent: true,
      send: () => ok(1, { "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": reset }),
    });
    assert.equal(q.rateLimit.remaining, 0);
    const sent: number[] = [];
    const p = q.run({
      idempotent: true,
      send: () => {
        sent.push(clock.now());
        return ok(2);
      },
    });
    await clock.advanceAsync(59_000);
    assert.equal(sent.length, 0);
    await clock.advanceAsync(2_000);
    assert.equal(await p, 2);
  });
});
