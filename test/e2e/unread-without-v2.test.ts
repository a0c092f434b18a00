// The Notifications title's unread count on a server without /api/v2/notifications/unread_count
// (GoToSocial here): counted from the notifications marker and the notifications held, as
// Mastodon counts groups.
import assert from "node:assert/strict";
import { test } from "node:test";
import { e2eInstance } from "../helpers/e2e.js";

const e2e = e2eInstance({ generate: false, seedCount: 10, flavour: "gotosocial" });

test("v1 server: '3 unread' from the marker (two favourites of one post are one), without the v2 endpoint", async () => {
  const { control } = e2e.demo;
  const read = control.notify("mention", { account: "wei" });
  const res = await fetch(`${e2e.demo.url}/api/v1/markers`, {
    method: "POST",
    headers: { authorization: `Bearer ${e2e.demo.token}`, "content-type": "application/json" },
    body: JSON.stringify({ notifications: { last_read_id: read.id } }),
  });
  assert.ok(res.ok, `markers → ${res.status}`);
  const mine = control.publish("local", {
    account: "demo",
    spoiler_text: "",
    content: "<p>unreadcount my words</p>",
  });
  control.notify("mention", { account: "alice" });
  control.notify("favourite", { account: "lou", status_id: mine.id });
  control.notify("favourite", { account: "mina", status_id: mine.id });
  control.notify("mention", { account: "alice" });

  const tui = e2e.start({ cols: 120, rows: 40, config: { panes: ["notifications"] } });
  await tui.waitFor((s) => /Notifications · .*3 unread/.test(s), "3 unread in the title", 15_000);
  assert.ok(
    !e2e.demo.control.requestLog().some((r) => r.path === "/api/v2/notifications/unread_count"),
    "no v2 endpoint was needed",
  );
  // To the top: the window's top is the newest notification, saved as the marker (the saver
  // waits out its 10 s debounce first).
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});
