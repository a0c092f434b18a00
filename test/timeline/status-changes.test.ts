// Status changes against the simulated instance: an edit or delete reaches every place a
// status is shown (feeds, boosts, quotes, notifications), and each place applies it once.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { FakeClock } from "../../src/api/clock.js";
import { type DemoInstance, startDemoInstance } from "../../src/demo/index.js";
import { openSession, type Session } from "../../src/timeline/session.js";
import type { Status } from "../../src/timeline/store.js";
import { waitFor } from "./helpers/wait.js";

let demo: DemoInstance;
let session: Session;
before(async () => {
  demo = await startDemoInstance({ generate: false, seedCount: 30 });
  session = await openSession({
    instanceUrl: demo.url,
    accessToken: demo.token,
    clock: new FakeClock(Date.now()),
  });
});
after(async () => {
  session.close();
  await demo.close();
});

async function ready(feeds: Array<{ store: { size: number } }>) {
  await waitFor(
    () =>
      session.stream.state.kind === "live" &&
      session.rest.pending === 0 &&
      feeds.every((f) => f.store.size > 0),
    "feeds loaded and live",
  );
}

const quoted = (s: Status | undefined) =>
  (s as { quote?: { state?: string; quotedStatus?: Status | null } } | undefined)?.quote;

describe("status changes reach everywhere", () => {
  test("a quoted toot's edit shows in the toot quoting it, and its deletion says it was deleted", async () => {
    const federated = session.feed("federated");
    await ready([federated]);
    const quoting = federated.store.allStatuses.find((s) => quoted(s)?.quotedStatus?.id);
    assert.ok(quoting, "the demo seeds a quote post");
    const target = quoted(quoting)!.quotedStatus!.id;
    demo.control.editStatus(target, "<p>quoted and edited</p>");
    await waitFor(
      () =>
        quoted(federated.store.get(quoting.id))?.quotedStatus?.content ===
        "<p>quoted and edited</p>",
      "the edit inside the quote",
    );
    demo.control.deleteStatus(target);
    await waitFor(
      () => quoted(federated.store.get(quoting.id))?.state === "deleted",
      "the quote says deleted",
    );
    assert.ok(federated.store.has(quoting.id), "the toot quoting it stays");
    assert.equal(quoted(federated.store.get(quoting.id))?.quotedStatus, null);
  });

  test("a toot inside a notification is edited and deleted there, and the pane hears of it", async () => {
    await ready([session.feed("home")]);
    const n = demo.control.notify("mention");
    const id = n.status!.id;
    await waitFor(() => session.notifications.store.items.some((x) => x.id === n.id), "notified");
    let heard = 0;
    const off = session.notifications.onChange(() => heard++);
    const shown = () =>
      session.notifications.store.items.find((x) => x.id === n.id)?.status?.content;
    demo.control.editStatus(id, "<p>mention edited</p>");
    await waitFor(() => shown() === "<p>mention edited</p>" && heard > 0, "the edit, announced");
    heard = 0;
    demo.control.deleteStatus(id);
    await waitFor(
      () => !session.notifications.store.items.some((x) => x.id === n.id) && heard > 0,
      "the notification goes with its toot, announced",
    );
    off();
  });

  test("an edit that arrives on several streams is applied once by each feed", async () => {
    const local = session.feed("local");
    const federated = session.feed("federated");
    await ready([local, federated]);
    const posted = demo.control.publish("local", { spoiler_text: "", content: "<p>once</p>" });
    await waitFor(() => local.store.has(posted.id) && federated.store.has(posted.id), "shown");
    const before = { local: local.store.version, federated: federated.store.version };
    demo.control.editStatus(posted.id, "<p>once, edited</p>");
    // Frames on one socket arrive in order: once a later toot is in, every copy of the edit is.
    const fence = demo.control.publish("local", { spoiler_text: "", content: "<p>fence</p>" });
    await waitFor(() => local.store.has(fence.id) && federated.store.has(fence.id), "fence");
    assert.equal(local.store.get(posted.id)?.content, "<p>once, edited</p>");
    // One change for the edit, one for the fence.
    assert.equal(local.store.version - before.local, 2, "local applied the edit once");
    assert.equal(federated.store.version - before.federated, 2, "federated applied it once");
  });
});
