// The panes' first pages are asked for while the session reads the instance and the account.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type DemoInstance, startDemoInstance } from "../../src/demo/index.js";
import { openSession } from "../../src/timeline/session.js";
import { waitFor } from "./helpers/wait.js";

let demo: DemoInstance;
before(async () => {
  demo = await startDemoInstance({ generate: false, seedCount: 30 });
});
after(async () => {
  await demo.close();
});

const pagesOf = (path: string) => demo.control.requestLog().filter((r) => r.path === path).length;
const homePages = () => pagesOf("/api/v1/timelines/home");

describe("opening a session with its panes' timelines", () => {
  test("the home page is on its way before the session is open, and asked for only once", async () => {
    const before = homePages();
    const session = await openSession({
      instanceUrl: demo.url,
      accessToken: demo.token,
      prefetch: ["home"],
    });
    try {
      await waitFor(() => homePages() > before, "home page requested");
      const home = session.feed("home");
      await waitFor(() => home.store.size > 0, "home toots in the pane");
      assert.equal(homePages() - before, 1, "the pane used the page already asked for");
      const newest = (await session.rest.timeline("home", { limit: 40 }))[0];
      assert.ok(newest && home.store.has(newest.id), "the pane holds the newest toot");
    } finally {
      session.close();
    }
  });

  test("a second ask for the first page goes to the server again", async () => {
    const session = await openSession({
      instanceUrl: demo.url,
      accessToken: demo.token,
      prefetch: ["local"],
    });
    try {
      const first = await session.rest.timeline("local", { limit: 40 });
      const count = pagesOf("/api/v1/timelines/public");
      const second = await session.rest.timeline("local", { limit: 40 });
      assert.equal(pagesOf("/api/v1/timelines/public"), count + 1);
      assert.deepEqual(
        second.map((s) => s.id),
        first.map((s) => s.id),
      );
    } finally {
      session.close();
    }
  });
});
