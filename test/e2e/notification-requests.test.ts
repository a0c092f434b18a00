// Filtered notifications (Mastodon 4.3) in a real terminal: :policy changes the notification
// policy, a new follower's mention (from an account the user does not follow) is filtered
// into the requests inbox (counted in the pane's title), :requests lists it with its
// notifications, and accepting it brings the notifications back into the pane
// (notifications_merged).
import assert from "node:assert/strict";
import { test } from "node:test";
import { e2eInstance } from "../helpers/e2e.js";

const e2e = e2eInstance({ generate: false, seedCount: 20, flavour: "mastodon" });

test("a policy change filters a new follower's mention into the requests inbox; accepting it brings it back", async () => {
  const api = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${e2e.demo.url}${path}`, {
      headers: { Authorization: `Bearer ${e2e.demo.token}` },
    });
    return (await res.json()) as T;
  };
  const tui = e2e.start({ cols: 110, rows: 34 });
  await tui.waitForText(`Home · ${e2e.connected}`, 15_000);
  tui.send("n");
  await tui.waitForText(`Notifications · ${e2e.connected}`);

  // :policy: "People you don't follow" is the first row; f sets it to filter.
  tui.type(":policy");
  tui.send("Enter");
  await tui.waitForText("People you don't follow");
  await tui.waitFor((s) => /People you don't follow\s+accept/.test(s), "the policy loaded");
  tui.type("f");
  await tui.waitFor((s) => /People you don't follow\s+filter to requests/.test(s), "the new value");
  await e2e.requested("PATCH", "/api/v2/notifications/policy", 200);
  const policy = await api<{ for_not_following: string }>("/api/v2/notifications/policy");
  assert.equal(policy.for_not_following, "filter", "changed on the server");
  tui.send("Escape");

  // Lou (not followed by the demo user) follows, then mentions: both filtered, nothing streamed.
  const words = "filteredmention please read";
  const status = e2e.demo.control.publish("home", {
    account: "lou",
    visibility: "direct",
    content: `<p>@demo ${words}</p>`,
    mentions: ["demo"],
  });
  e2e.demo.control.notify("follow", { account: "lou" });
  e2e.demo.control.notify("mention", { account: "lou", status_id: status.id });
  // R asks again: the title counts the request; the mention is not in the pane.
  tui.send("R");
  const counted = await tui.waitFor(
    (s) => new RegExp(`Notifications · ${e2e.connected} · (\\d+ unread, )?1 request\\b`).test(s),
    "one request counted in the title",
  );
  assert.ok(!counted.includes(words), "filtered out of the pane");

  // :requests lists Lou with two notifications; Enter shows them.
  tui.type(":requests");
  tui.send("Enter");
  const inbox = await tui.waitForText("Notification requests");
  await tui.waitFor((s) => /@lou@demo\.tootty\.example · 2 notifications/.test(s), "Lou's request");
  assert.ok(inbox.includes("Notification requests"));
  tui.send("Enter");
  await tui.waitForText("Notifications from lou");
  const theirs = await tui.waitFor(
    (s) => s.includes("followed you") && s.includes(words),
    "the follow and the mention, filtered",
  );
  assert.ok(theirs.indexOf(words) < theirs.indexOf("followed you"), "newest first");
  tui.send("Escape");
  await tui.waitForText("Notification requests");

  // a accepts: the notifications are merged back and the pane shows the mention.
  tui.type("a");
  await tui.waitForText("Accepted: lou's notifications are back in Notifications");
  tui.send("Escape");
  const back = await tui.waitFor(
    (s) => s.includes(words) && !s.includes("1 request"),
    "the mention back in the pane, no request counted",
    15_000,
  );
  assert.match(back, /Lou.*mentioned you: @demo filteredmention/);
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});
