// Async refreshes (Mastodon-Async-Refresh, GET /api/v1_alpha/async_refreshes/:id) and home's
// 206 while the feed is regenerated are Mastodon's alone (4.4+, methods/async_refreshes.md).
// GoToSocial answers a thread's context with a plain 200 (internal/api/client/statuses/
// statuscontext.go: c.JSON(http.StatusOK, statusContext)) and has no v1_alpha routes; no other
// flavour's server sends the header either. A flavour that sent it would test tootty against a
// server that does not exist.
import assert from "node:assert/strict";
import { test } from "node:test";
import { DEMO_FLAVOURS, startDemoInstance } from "../../src/demo/index.js";

for (const flavour of DEMO_FLAVOURS) {
  const has = flavour === "mastodon";
  test(`${flavour}: ${has ? "sends" : "never sends"} Mastodon-Async-Refresh`, async () => {
    const demo = await startDemoInstance({ generate: false, seedCount: 3, flavour });
    try {
      const auth = { headers: { authorization: `Bearer ${demo.token}` } };
      const root = demo.control.publish("home", { account: "alice", content: "<p>root</p>" });
      const id = demo.control.refreshThread(root.id, { runsMs: 60_000 });
      demo.control.regenerateHome(1, 1);
      const context = await fetch(`${demo.url}/api/v1/statuses/${root.id}/context`, auth);
      assert.equal(context.status, 200);
      assert.equal(context.headers.has("mastodon-async-refresh"), has, "the thread's answer");
      const home = await fetch(`${demo.url}/api/v1/timelines/home`, auth);
      assert.equal(home.status, has ? 206 : 200, "home while regenerated");
      assert.equal(home.headers.has("mastodon-async-refresh"), has, "home's answer");
      const state = await fetch(
        `${demo.url}/api/v1_alpha/async_refreshes/${encodeURIComponent(id)}`,
        auth,
      );
      assert.equal(state.status, has ? 200 : 404, "the refresh's state");
    } finally {
      await demo.close();
    }
  });
}
