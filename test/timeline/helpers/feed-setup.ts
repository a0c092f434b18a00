// A TimelineFeed on a fake clock, a fake socket and a FakeRest: what every feed test starts from.
import { FakeClock } from "../../../src/api/clock.js";
import type { PageParams } from "../../../src/api/rest.js";
import { StreamManager } from "../../../src/api/stream.js";
import { TimelineFeed, type TimelineFeedOptions } from "../../../src/timeline/feed.js";
import type { Notification } from "../../../src/timeline/notifications.js";
import { NotificationFeed } from "../../../src/timeline/notifications-feed.js";
import { StatusBus } from "../../../src/timeline/status-bus.js";
import type { TimelineSpec } from "../../../src/timeline/timeline-spec.js";
import { fakeSocketFactory } from "../../api/helpers/fake-socket.js";
import { FakeRest } from "./fake-rest.js";

export function feedSetup(
  spec: TimelineSpec,
  opts: Partial<
    Pick<TimelineFeedOptions, "pageLimit" | "firstPageLimit" | "storeSize" | "maxGapPages">
  > = {},
) {
  const clock = new FakeClock();
  const { factory, sockets } = fakeSocketFactory();
  const stream = new StreamManager({
    streamingUrl: "wss://x.test",
    accessToken: "t",
    clock,
    socketFactory: factory,
    sseFactory: factory,
    random: () => 0.5,
  });
  const rest = new FakeRest(clock);
  const changes = new StatusBus();
  const feed = new TimelineFeed(spec, {
    rest,
    stream,
    clock,
    random: () => 0.5,
    pageLimit: opts.pageLimit ?? 40,
    ...(opts.firstPageLimit !== undefined ? { firstPageLimit: opts.firstPageLimit } : {}),
    storeSize: opts.storeSize,
    ...(opts.maxGapPages !== undefined ? { maxGapPages: opts.maxGapPages } : {}),
    // The fake serves one timeline: whichever this feed asks for.
    fetchPage: (page) => rest.timeline("local", page),
    changes,
    // As the session wires it: what a feed finds out by itself goes on the bus.
    publish: (change) => changes.publish(change),
  });
  const socket = () => sockets[sockets.length - 1]!;
  return { clock, stream, rest, feed, sockets, socket, changes };
}

/**
 * A NotificationFeed on `setup`'s clock, stream and bus, served from `all` (oldest first) with
 * Mastodon's paging: min_id answers the page just above it, max_id bounds from above. Polls
 * every 20–40 s (30 s with the fixed random). Each page asked for is pushed on `asked`.
 */
export function notificationFeedOn(
  setup: ReturnType<typeof feedSetup>,
  all: Notification[],
  asked: PageParams[] = [],
): NotificationFeed {
  return new NotificationFeed(
    {
      get state() {
        return setup.rest.state;
      },
      async notifications(page: PageParams = {}) {
        asked.push(page);
        const from = page.minId ? all.findIndex((n) => n.id === page.minId) + 1 : 0;
        const to = page.maxId ? all.findIndex((n) => n.id === page.maxId) : all.length;
        const list = all.slice(from, to);
        return (page.minId ? list.slice(0, 40) : list.slice(-40)).reverse();
      },
    },
    setup.stream,
    setup.changes,
    5,
    { clock: setup.clock, pollMinMs: 20_000, pollMaxMs: 40_000, random: () => 0.5 },
  );
}

/** The `n`th follow notification: id 1000 + n, a second after the one before. */
export function followNotification(n: number): Notification {
  return {
    id: String(1000 + n),
    type: "follow",
    createdAt: new Date(Date.UTC(2026, 11, 1) + n * 1000).toISOString(),
    account: { id: `a${n}`, acct: `user${n}`, username: `user${n}` },
  } as unknown as Notification;
}
