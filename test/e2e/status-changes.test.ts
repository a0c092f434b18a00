// Edits and deletes reach every place a toot is drawn: inside a notification, and quoted in
// another toot — on screen, without a key pressed.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ARRIVAL_MS, CONNECTED, e2eInstance, flavourHas, STREAMS } from "../helpers/e2e.js";

const e2e = e2eInstance({ generate: false, seedCount: 20 });
/** A stream's frame comes at once (the terminal's own wait), a poll within ARRIVAL_MS. */
const CHANGE_MS = STREAMS ? undefined : ARRIVAL_MS;

// The edit and the deletion come as stream events (status.update, delete); on a server without
// streaming, each poll of Notifications reads its newest page again (poll-reconcile.ts).
test("a toot in Notifications and a quoted toot in Federated follow its edit and its deletion", async () => {
  const { control } = e2e.demo;
  const mention = control.publish("home", {
    spoiler_text: "",
    account: "yuki",
    content: "<p>@demo mentionfirst words</p>",
    mentions: ["demo"],
  });
  control.notify("mention", { account: "yuki", status_id: mention.id });
  const tui = e2e.start({ cols: 100, rows: 40 });
  await tui.waitForText(`Home · ${CONNECTED}`, 15_000);
  tui.send("4");
  await tui.waitForText("mentionfirst words");
  control.editStatus(mention.id, "<p>@demo mentionsecond words</p>");
  await tui.waitFor(
    (s) => s.includes("mentionsecond words") && !s.includes("mentionfirst"),
    "the edit inside the notification",
    CHANGE_MS,
  );
  control.deleteStatus(mention.id);
  await tui.waitFor(
    (s) => !s.includes("mentionsecond"),
    "the notification gone with its toot",
    CHANGE_MS,
  );

  // The quoted toot's part needs Mastodon's Quote entity (GoToSocial sends no quotes; Akkoma's
  // shape is test/timeline/status-change's) and a stream: polling reconciles a pane's own
  // toots, not the toots they quote.
  if (!STREAMS || !flavourHas("GET", "/api/v1/statuses/1/quotes")) {
    tui.send("q");
    assert.equal(await tui.waitForExit(), 0);
    return;
  }
  // The demo seeds a quote post as the newest public toot: find what it quotes.
  const res = await fetch(`${e2e.demo.url}/api/v1/timelines/public?limit=40`, {
    headers: { Authorization: `Bearer ${e2e.demo.token}` },
  });
  const page = (await res.json()) as Array<{
    id: string;
    content: string;
    quote?: { state: string; quoted_status?: { id: string } | null };
  }>;
  const quoting = page.find((s) => s.quote?.state === "accepted" && s.quote.quoted_status);
  assert.ok(quoting, "a quote post in the first page");
  const text = /<p>([^<]+)<\/p>/.exec(quoting.content)![1]!;
  tui.send("3");
  await tui.waitForText(text);
  const quotedId = quoting.quote!.quoted_status!.id;
  control.editStatus(quotedId, "<p>quotedsecond version</p>");
  await tui.waitForText("quotedsecond version");
  control.deleteStatus(quotedId);
  const after = await tui.waitFor(
    (s) => !s.includes("quotedsecond version"),
    "the quoted toot gone",
  );
  const rows = after.split("\n");
  const at = rows.findIndex((l) => l.includes(text));
  assert.ok(at >= 0, "the toot quoting it stays");
  assert.ok(
    rows.slice(at, at + 4).some((l) => l.includes("the quoted post was deleted")),
    `the quote says its post was deleted:\n${after}`,
  );
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});

// On a server with streaming the frames bring them; on one without (Hollo), polling asks for
// the newest page again and reads the edit and the deletion from it: either way the pane
// follows within the time a new toot takes to arrive.
test("an edited toot shows its edit and a deleted one goes from Home, without a key pressed", async () => {
  const { control } = e2e.demo;
  const toot = control.publish("home", { account: "yuki", content: "<p>pollfirst words</p>" });
  const tui = e2e.start({ cols: 100, rows: 40 });
  await tui.waitForText(`Home · ${CONNECTED}`, 15_000);
  // The read position the test above saved may open Home below the new toot: go to the top.
  tui.send("g");
  await tui.waitForText("pollfirst words");
  control.editStatus(toot.id, "<p>pollsecond words</p>");
  await tui.waitFor(
    (s) => s.includes("pollsecond words") && !s.includes("pollfirst"),
    "the edit in Home",
    ARRIVAL_MS,
  );
  control.deleteStatus(toot.id);
  await tui.waitFor((s) => !s.includes("pollsecond"), "the deleted toot gone", ARRIVAL_MS);
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});
