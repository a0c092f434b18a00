// A failure of tootty's own (a server's answer without an id, a dismissal this client cannot
// send) is said in the interface language: in Arabic, no English sentence inside the
// "unexpected error: …" wrapper.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, before, test } from "node:test";
import { flushMicrotasks } from "../../src/api/clock.js";
import { describeError } from "../../src/api/errors.js";
import { uploadMedia } from "../../src/api/media.js";
import type { RestClient } from "../../src/api/rest.js";
import { postStatus } from "../../src/api/statuses.js";
import { loadLanguage, setLocale, tl } from "../../src/i18n/index.js";
import type { Notification } from "../../src/timeline/notifications.js";
import { NotificationFeed } from "../../src/timeline/notifications-feed.js";
import { feedSetup } from "../timeline/helpers/feed-setup.js";

// The Arabic catalogue loads when Arabic is chosen (as tootty does at start-up).
before(() => loadLanguage("ar"));

afterEach(() => setLocale("en"));

/** A server that answers every request with an empty object. */
const answersNothing = { request: async () => ({}) } as unknown as RestClient;

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (err) {
    return err;
  }
  assert.fail("expected a failure");
}

function assertArabic(words: string): void {
  assert.doesNotMatch(words, /[A-Za-z]{2,}\s+[A-Za-z]{2,}/, `English in: ${words}`);
  assert.ok(!words.startsWith(tl("error.unexpected")), `said as unexpected: ${words}`);
}

test("a posted toot answered without an id is said in Arabic", async () => {
  setLocale("ar");
  const err = await failure(() => postStatus(answersNothing, { status: "مرحبا" }, "k1"));
  assertArabic(describeError(err));
});

test("an upload answered without a media id is said in Arabic", async () => {
  setLocale("ar");
  const dir = mkdtempSync(join(tmpdir(), "tootty-media-"));
  try {
    const path = join(dir, "cat.png");
    writeFileSync(path, Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const err = await failure(() => uploadMedia(answersNothing, path));
    assertArabic(describeError(err));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a notification this client cannot dismiss is said in Arabic", async () => {
  setLocale("ar");
  const { stream, rest, socket, changes } = feedSetup("local");
  const one = {
    id: "1",
    type: "follow",
    createdAt: new Date(1_700_000_000_000).toISOString(),
    account: { id: "7", acct: "wei", username: "wei" },
  } as unknown as Notification;
  const feed = new NotificationFeed(
    {
      get state() {
        return rest.state;
      },
      notifications: async () => [one],
    },
    stream,
    changes,
  );
  stream.start();
  await feed.start();
  socket().open();
  await flushMicrotasks();
  const group = feed.groups()[0];
  assert.ok(group, "one group shown");
  const err = await failure(() => feed.dismiss(group));
  assertArabic(describeError(err));
});
