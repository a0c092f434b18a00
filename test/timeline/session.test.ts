// openSession against the simulated instance: start-up errors, and events reaching every pane.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { FakeClock } from "../../src/api/clock.js";
import { describeError, NetworkError, UnauthorizedError } from "../../src/api/errors.js";
import { type DemoInstance, startDemoInstance } from "../../src/demo/index.js";
import { openSession, type Session } from "../../src/timeline/session.js";
import { waitFor } from "./helpers/wait.js";

let demo: DemoInstance;
before(async () => {
  demo = await startDemoInstance({ generate: false, seedCount: 30 });
});
after(async () => {
  await demo.close();
});

/** Runs `p` while moving the fake clock, so retries with backoff happen without real waiting. */
async function withTime<T>(clock: FakeClock, p: Promise<T>): Promise<T> {
  let done = false;
  const settled = p.finally(() => {
    done = true;
  });
  await waitFor(() => done, "settled", { clock, stepMs: 500, timeoutMs: 15_000 });
  return settled;
}

describe("openSession", () => {
  test("reads the instance: streaming URL, character limit, title", async () => {
    const session = await openSession({ instanceUrl: demo.url, accessToken: demo.token });
    try {
      assert.equal(session.instance.streamingUrl, demo.url.replace(/^http/, "ws"));
      assert.ok(session.instance.maxCharacters > 0);
      assert.ok(session.account.id);
    } finally {
      session.close();
    }
  });

  test("with streamAfter, the stream connects only once it settles; the feeds fill meanwhile", async () => {
    let release!: () => void;
    const firstFrame = new Promise<void>((resolve) => {
      release = resolve;
    });
    const session = await openSession({
      instanceUrl: demo.url,
      accessToken: demo.token,
      streamAfter: firstFrame,
    });
    try {
      const feed = session.feed("home");
      await waitFor(() => feed.store.size > 0, "the first page");
      assert.equal(demo.control.streamClientCount(), 0, "no socket before the first frame");
      release();
      await waitFor(() => session.stream.state.kind === "live", "the stream live");
    } finally {
      session.close();
    }
  });

  test("giving up (abort) while opening rejects and stops the requests", async () => {
    const giveUp = new AbortController();
    demo.control.slowHttp({ pathPrefix: "/api/", delayMs: 5_000 });
    try {
      const opening = openSession({
        instanceUrl: demo.url,
        accessToken: demo.token,
        signal: giveUp.signal,
      });
      giveUp.abort();
      const err = await opening.catch((e: unknown) => e);
      assert.ok(err instanceof Error, String(err));
    } finally {
      demo.control.clearFaults();
    }
  });

  test("an unreachable host fails with a NetworkError after a few tries", async () => {
    const clock = new FakeClock(Date.now());
    const err = await withTime(
      clock,
      openSession({ instanceUrl: "http://127.0.0.1:9", accessToken: "x", clock }).then(
        () => undefined,
        (e: unknown) => e,
      ),
    );
    assert.ok(err instanceof NetworkError, String(err));
    assert.match(describeError(err), /^cannot reach the server/);
  });

  test("a refused token fails at once with UnauthorizedError", async () => {
    const err = await openSession({ instanceUrl: demo.url, accessToken: "not-a-token" }).catch(
      (e: unknown) => e,
    );
    assert.ok(err instanceof UnauthorizedError);
    assert.equal(describeError(err), "token rejected — run tootty login");
  });

  test("edits and deletes reach every pane that shows the status; notifications arrive", async () => {
    const clock = new FakeClock(Date.now());
    let session: Session | undefined;
    try {
      session = await openSession({ instanceUrl: demo.url, accessToken: demo.token, clock });
      const s = session;
      const local = s.feed("local");
      const federated = s.feed("federated");
      await waitFor(() => s.stream.state.kind === "live" && s.rest.pending === 0, "ready");
      const posted = demo.control.publish("local");
      await waitFor(
        () => local.store.has(posted.id) && federated.store.has(posted.id),
        "posted shown",
      );
      demo.control.editStatus(posted.id, "<p>edited in place</p>");
      await waitFor(
        () =>
          local.store.get(posted.id)?.content === "<p>edited in place</p>" &&
          federated.store.get(posted.id)?.content === "<p>edited in place</p>",
        "edit everywhere",
      );
      demo.control.deleteStatus(posted.id);
      await waitFor(
        () => !local.store.has(posted.id) && !federated.store.has(posted.id),
        "deleted everywhere",
      );
      const n = demo.control.notify("mention");
      await waitFor(() => s.notifications.store.items.some((x) => x.id === n.id), "notification");
    } finally {
      session?.close();
    }
  });
});
