// Path segments arrive percent-encoded (a client encodes each id with encodeURIComponent) and a
// server matches its routes on the decoded value, as Rails does: an async refresh id with
// base64 padding ("=", sent as %3D) must find its refresh. Before, the demo compared the raw
// segment, so a thread refresh on the gotosocial flavour (ULIDs make the id padded) was a 404
// at every ask and never finished.
import assert from "node:assert/strict";
import { test } from "node:test";
import { startDemoInstance } from "../../src/demo/index.js";

test("a refresh id with base64 padding, percent-encoded in the path, finds its refresh", async () => {
  const demo = await startDemoInstance({ generate: false, seedCount: 3, flavour: "gotosocial" });
  try {
    const auth = { headers: { authorization: `Bearer ${demo.token}` } };
    const root = demo.control.publish("home", { account: "alice", content: "<p>root</p>" });
    const id = demo.control.refreshThread(root.id, { runsMs: 60_000 });
    assert.match(id, /=/, "the id carries base64 padding");
    const context = await fetch(`${demo.url}/api/v1/statuses/${root.id}/context`, auth);
    assert.match(context.headers.get("mastodon-async-refresh") ?? "", /retry=/);
    const res = await fetch(
      `${demo.url}/api/v1_alpha/async_refreshes/${encodeURIComponent(id)}`,
      auth,
    );
    assert.equal(res.status, 200);
    const body = (await res.json()) as { async_refresh?: { id?: string; status?: string } };
    assert.deepEqual(body.async_refresh?.id, id);
    assert.equal(body.async_refresh?.status, "running");
    // A segment that is not valid percent-encoding is a 404, not a crash.
    const broken = await fetch(`${demo.url}/api/v1/statuses/%E0%A4%A`, auth);
    assert.equal(broken.status, 404);
  } finally {
    await demo.close();
  }
});
