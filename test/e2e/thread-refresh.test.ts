// A thread whose replies Mastodon 4.5 is still fetching from other servers: the context answer
// carries Mastodon-Async-Refresh, the thread view says "fetching more replies…", asks the
// refresh's state after its `retry` seconds, and shows the replies once it has finished.
import assert from "node:assert/strict";
import { test } from "node:test";
import { e2eInstance, NEEDS_ASYNC_REFRESH } from "../helpers/e2e.js";

const e2e = e2eInstance({ generate: false, seedCount: 10 });

test("a thread with an async refresh shows the fetch, then the replies it found", {
  skip: NEEDS_ASYNC_REFRESH,
}, async () => {
  const marker = `ar${Date.now().toString(36)}`;
  const { demo } = e2e;
  const root = demo.control.publish("home", {
    account: "alice",
    content: `<p>a thread to refresh ${marker}</p>`,
  });
  demo.control.refreshThread(root.id, { retrySeconds: 1, runsMs: 1500, replies: 2 });
  const tui = e2e.start({ cols: 110, rows: 34 });
  await tui.waitForText(`a thread to refresh ${marker}`, 15_000);
  tui.send("g");
  const from = e2e.logLength();
  tui.send("Enter");
  const fetching = await tui.waitForText("fetching more replies…", 10_000);
  assert.match(fetching, /Thread · 0 above · 0 replies · fetching more replies…/);

  const done = await tui.waitFor(
    (s) => /Thread · 0 above · 2 replies ·/.test(s) && !s.includes("fetching more replies"),
    "the replies found by the refresh",
    20_000,
  );
  assert.match(done, /Late to this, but: yes\. Exactly this\./);
  assert.match(done, /the fix was in the config, not the code/);
  await tui.waitForText("2 more replies arrived");
  const log = demo.control.requestLog().slice(from);
  const asked = log.filter((e) => e.path.startsWith("/api/v1_alpha/async_refreshes/"));
  const diag = JSON.stringify(log.map((e) => [e.method, e.path, e.status, e.at]));
  assert.ok(asked.length >= 1, `the refresh's state was asked for: ${diag}`);
  assert.ok(
    asked.every((e) => e.status === 200),
    `every ask of the refresh's state answered: ${diag}`,
  );
  const contexts = log.filter((e) => e.path === `/api/v1/statuses/${root.id}/context`);
  assert.equal(contexts.length, 2, "the thread fetched once more, after the refresh finished");
  const first = contexts[0]!.at;
  assert.ok(asked[0]!.at - first >= 900, `the state asked for only after retry=1 s: ${diag}`);
  tui.send("Escape");
  await tui.waitFor((s) => !s.includes("Thread ·"), "back to Home");
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});
