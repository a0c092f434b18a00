// What the panes and the status line say, against what is true: the socket, the last REST
// answer of each feed, the first page still on its way, an empty timeline, a refused action.
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { FakeClock, flushMicrotasks } from "../../src/api/clock.js";
import {
  describeError,
  NetworkError,
  ServerUnavailableError,
  UnauthorizedError,
} from "../../src/api/errors.js";
import { RequestQueue } from "../../src/api/request-queue.js";
import { loadLanguage, setLocale } from "../../src/i18n/index.js";
import { TimelineFeed } from "../../src/timeline/feed.js";
import type { Notification } from "../../src/timeline/notifications.js";
import { NotificationFeed } from "../../src/timeline/notifications-feed.js";
import { describePaneState } from "../../src/timeline/pane-state.js";
import { notificationsPane } from "../../src/ui/panes/notifications-pane.js";
import { connectionLabel } from "../../src/ui/shell/connection-label.js";
import type { FakeRest } from "./helpers/fake-rest.js";
import { feedSetup } from "./helpers/feed-setup.js";

// The Arabic catalogue loads when Arabic is chosen (as tootty does at start-up).
before(() => loadLanguage("ar"));

/** A feed on the fake socket and REST, started and live, holding `statuses` toots. */
async function liveFeed(statuses: number) {
  const h = feedSetup("local");
  h.rest.publish(statuses);
  h.stream.start();
  await h.feed.start();
  h.socket().open();
  await flushMicrotasks();
  return h;
}

/** Notifications over the same fake REST: a page of one mention, or the REST's failure. */
function notificationsOf(rest: FakeRest) {
  return {
    get state() {
      return rest.state;
    },
    async notifications() {
      if (rest.failWith) throw rest.failWith;
      return [{ id: "1", type: "mention", status: null } as unknown as Notification];
    },
  };
}

describe("the Notifications pane says the connection's true state", () => {
  test("not live while the socket is down, after the token was revoked, or with the server gone", async () => {
    const { clock, stream, rest, socket, changes } = feedSetup("local");
    const feed = new NotificationFeed(notificationsOf(rest), stream, changes);
    const pane = notificationsPane(feed);
    stream.start();
    await feed.start();
    socket().open();
    await flushMicrotasks();
    assert.equal(pane.state(), "live");

    socket().drop();
    assert.match(pane.state(), /^reconnecting \(next try in \d+s\)$/, "socket down");

    // The server is killed: the socket cannot reconnect and REST gets no answer.
    rest.failWith = new NetworkError("ECONNREFUSED");
    clock.advance(1_000);
    socket().drop();
    await feed.loadOlder();
    assert.match(pane.state(), /cannot reach the server/, "server killed");

    // Back, but the token was revoked meanwhile.
    rest.failWith = undefined;
    clock.advance(2_000);
    socket().reject(401);
    assert.equal(pane.state(), "token rejected — run tootty login", "token revoked");
  });
});

describe("a feed's pane title", () => {
  test("says it is waiting for the server while the first page is on its way, not live", async () => {
    const { stream, rest, socket, changes } = feedSetup("local");
    let answer: (() => void) | undefined;
    const slowRest = Object.assign(Object.create(rest) as FakeRest, {
      timeline: (...args: Parameters<FakeRest["timeline"]>) =>
        new Promise<Awaited<ReturnType<FakeRest["timeline"]>>>((resolve) => {
          answer = () => void rest.timeline(...args).then(resolve);
        }),
    });
    rest.publish(3);
    const feed = new TimelineFeed("local", {
      rest: slowRest,
      stream,
      clock: new FakeClock(),
      changes,
    });
    stream.start();
    const started = feed.start();
    socket().open();
    await flushMicrotasks();
    assert.equal(describePaneState(feed.state, 0), "waiting for the server");
    answer?.();
    await started;
    assert.equal(describePaneState(feed.state, 0), "live");
  });

  test("an empty live timeline says so: live, with no toots yet", async () => {
    const { clock, feed } = await liveFeed(0);
    assert.equal(feed.store.size, 0);
    assert.equal(describePaneState(feed.state, clock.now()), "live, no toots yet");
  });

  test("R after every retry failed rejects with the reason instead of resolving as up to date", async () => {
    const { rest, feed } = await liveFeed(2);
    rest.failWith = new ServerUnavailableError(503);
    await assert.rejects(feed.refresh(), /server unavailable \(HTTP 503\)/);
    rest.failWith = new UnauthorizedError();
    await assert.rejects(feed.refresh(), /token rejected/);
    rest.failWith = undefined;
    await feed.refresh();
  });

  test("R's failure is said in the interface language, as the flash shows it", async () => {
    const { rest, feed } = await liveFeed(2);
    rest.failWith = new ServerUnavailableError(503);
    setLocale("ar");
    try {
      const err = await feed.refresh().then(
        () => assert.fail("resolved as up to date"),
        (e: unknown) => e,
      );
      const said = describeError(err);
      assert.ok(said.startsWith("تعذّر التحديث: الخادم غير متاح"), said);
      assert.match(said, /503/);
    } finally {
      setLocale("en");
    }
  });
});

describe("the status line", () => {
  test("one refused favourite is a message about that action, not the connection's state", async () => {
    const { clock, stream, feed } = await liveFeed(2);
    const queue = new RequestQueue({ clock, random: () => 0.5 });
    const session = { stream, rest: queue, openFeeds: () => [feed] };
    assert.equal(connectionLabel(session, clock.now()), "live");
    // POST /favourite without an Idempotency-Key: one attempt, answered by an nginx 503.
    await assert.rejects(
      queue.run({
        idempotent: false,
        send: () => Promise.reject(new ServerUnavailableError(503)),
      }),
    );
    assert.equal(connectionLabel(session, clock.now()), "live");
  });
});
