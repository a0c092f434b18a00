// Views on the stack in a real terminal: thread, profile (follow), notifications with a
// follow request answered in place, the help overlay, the command line (:instance, :tag),
// voting, pinning and reporting.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ARRIVAL_MS, CONNECTED, command, e2eInstance, openCommandLine } from "../helpers/e2e.js";

const e2e = e2eInstance({ generate: false, seedCount: 20 });
const start = (cols = 100, rows = 34) => e2e.start({ cols, rows });
const requested = e2e.requested;
const logLength = e2e.logLength;

describe("views on the stack", () => {
  test("Enter opens the thread, p the author's profile (F follows), Esc goes back each time", async () => {
    const root = e2e.demo.control.publish("home", {
      spoiler_text: "",
      account: "yuki",
      content: "<p>viewroot question</p>",
    });
    const reply = e2e.demo.control.publish("home", {
      spoiler_text: "",
      account: "farid",
      content: "<p>viewreply answer</p>",
      in_reply_to_id: root.id,
    });
    e2e.demo.control.publish("home", {
      spoiler_text: "",
      account: "noa",
      content: "<p>viewreply nested</p>",
      in_reply_to_id: reply.id,
    });
    // Newest on top: the nested reply. Go to the root (third toot).
    e2e.demo.control.publish("home", {
      spoiler_text: "",
      account: "yuki",
      content: "<p>viewtop newest</p>",
    });
    const tui = start();
    await tui.waitForText("viewtop newest", 15_000);
    tui.send("j");
    tui.send("j");
    tui.send("j");
    let from = logLength();
    tui.send("Enter");
    const thread = await tui.waitForText("Thread · 0 above · 2 replies");
    await requested("GET", `/api/v1/statuses/${root.id}/context`, 200, from);
    const rows = thread.split("\n");
    const col = (text: string) => rows.find((l) => l.includes(text))?.indexOf(text) ?? -1;
    assert.ok(col("viewreply answer") > col("viewroot question"), "a reply is indented");
    assert.ok(col("viewreply nested") > col("viewreply answer"), "its reply more so");

    // In the thread, actions work on the selected toot: favourite the first reply.
    tui.send("j");
    from = logLength();
    tui.send("f");
    await requested("POST", `/api/v1/statuses/${reply.id}/favourite`, 200, from);
    await tui.waitForText("favourited");

    tui.send("Escape");
    await tui.waitFor((s) => !s.includes("Thread ·") && s.includes("Home ·"), "back to the panes");

    from = logLength();
    tui.send("p");
    await tui.waitForText("Profile @yuki");
    await tui.waitForText("Relationship:");
    const profile = tui.capture();
    assert.match(profile, /posts? · [\d,]+ following · [\d,]+ followers?/);
    tui.type("F");
    // Unfollowing asks first (confirm.unfollow); following does not.
    const answer = await tui.waitFor(
      (s) => /Followed @yuki|Unfollow @yuki@kaiju\.example\? \(y\/n\)/.test(s),
      "followed, or asked to unfollow",
    );
    if (/Unfollow @yuki/.test(answer)) tui.send("y");
    await tui.waitFor((s) => /Followed @yuki|Unfollowed @yuki/.test(s), "follow toggled");
    const verb = /Unfollowed/.test(tui.capture()) ? "unfollow" : "follow";
    const id = root.account.id;
    await requested("POST", `/api/v1/accounts/${id}/${verb}`, 200, from);
    tui.send("Escape");
    await tui.waitFor((s) => !s.includes("Profile @"), "profile closed");

    // / searches (v2, resolve=true) and lists what it found.
    from = logLength();
    tui.type("/");
    await tui.waitFor(
      (s) => s.trimEnd().split("\n").at(-1)?.startsWith(":search") ?? false,
      "search prompt",
    );
    tui.type("viewroot");
    tui.send("Enter");
    await tui.waitForText("Search: viewroot");
    await tui.waitForText("Toots (1):");
    await requested("GET", "/api/v2/search", 200, from);
    tui.send("Escape");
    await tui.waitFor((s) => !s.includes("Search: viewroot"), "search closed");
    tui.send("q");
    await tui.waitForExit();
  });

  test("n shows notifications; a follow request is accepted in place; ? lists keys; :instance shows rules; :tag opens a hashtag", async () => {
    const request = e2e.demo.control.notify("follow_request", { account: "wei" });
    const tui = start();
    await tui.waitForText("Home ·", 15_000);
    tui.send("n");
    await tui.waitForText("Notifications ·");
    // An earlier session saved its read position (markers); g goes to the newest.
    tui.send("g");
    await tui.waitForText("requested to follow you");
    const from = logLength();
    tui.send("a");
    await tui.waitForText("Follow request accepted");
    await tui.waitForText("request accepted");
    await requested("POST", `/api/v1/follow_requests/${request.account.id}/authorize`, 200, from);

    tui.type("?");
    await tui.waitForText("favourite or unfavourite");
    tui.type("G");
    await tui.waitFor(
      (s) => /P\s+pin or unpin your toot/.test(s),
      "the help scrolled to the pin key",
    );
    tui.send("Escape");
    await tui.waitFor((s) => !s.includes("favourite or unfavourite"), "help closed");

    await openCommandLine(tui);
    tui.type("inst");
    tui.send("Tab");
    await tui.waitForText(":instance");
    tui.send("Enter");
    await tui.waitForText("Rules:");
    assert.match(tui.capture(), /Character limit: \d+/);
    tui.send("Escape");
    await tui.waitFor((s) => !s.includes("Rules:"), "instance closed");

    e2e.demo.control.publish("local", {
      spoiler_text: "",
      account: "alice",
      content: "<p>tagged viewtag</p>",
      tags: ["e2etag"],
    });
    await command(tui, "tag e2etag");
    await tui.waitForText("#e2etag");
    await tui.waitForText("tagged viewtag");
    await tui.waitForText(`#e2etag · ${CONNECTED}`);
    // The hashtag view is live: a new toot with the tag arrives while it is open. The server
    // subscribes asynchronously, so publish again until one lands (each try is a real event);
    // without a stream each try waits for the next poll.
    for (let i = 0; ; i++) {
      e2e.demo.control.publish("local", {
        spoiler_text: "",
        account: "mina",
        content: `<p>livetag arrival ${i}</p>`,
        tags: ["e2etag"],
      });
      try {
        await tui.waitForText("livetag arrival", ARRIVAL_MS);
        break;
      } catch (err) {
        if (i >= 10) throw err;
      }
    }
    tui.send("Escape");
    await tui.waitFor((s) => !s.includes("#e2etag"), "hashtag view closed");
    tui.send("q");
    await tui.waitForExit();
  });

  test("v votes in a poll, P pins your own toot, ! reports with a category and comment", async () => {
    e2e.demo.control.publish("home", {
      spoiler_text: "",
      account: "demo",
      content: "<p>viewpin mine</p>",
    });
    const poll = e2e.demo.control.publish("home", {
      spoiler_text: "",
      account: "wei",
      content: "<p>viewpoll which?</p>",
      poll: {
        id: "880001",
        expires_at: new Date(Date.now() + 3_600_000).toISOString(),
        expired: false,
        multiple: false,
        votes_count: 0,
        voters_count: 0,
        voted: false,
        own_votes: [],
        options: [
          { title: "tabs", votes_count: 0 },
          { title: "spaces", votes_count: 0 },
        ],
        emojis: [],
      },
    });
    const tui = start();
    // An earlier session saved its read position (markers); g goes to the newest.
    await tui.waitForText("Home ·", 15_000);
    tui.send("g");
    await tui.waitForText("viewpoll which?", 15_000);
    let from = logLength();
    tui.send("v");
    await tui.waitForText("[ ] 2. spaces");
    tui.send("2");
    await tui.waitForText("[x] 2. spaces");
    tui.send("Enter");
    await tui.waitForText("Voted");
    await requested("POST", `/api/v1/polls/${poll.poll!.id}/votes`, 200, from);

    from = logLength();
    tui.type("!");
    await tui.waitForText("Why are you reporting");
    tui.send("1");
    await tui.waitForText("Category: Spam");
    tui.type("sells pills");
    tui.send("Enter");
    await tui.waitForText("Reported");
    await requested("POST", "/api/v1/reports", 200, from);

    tui.send("j");
    from = logLength();
    tui.type("P");
    await tui.waitForText("Pinned to your profile");
    const mine = e2e.demo.control
      .requestLog()
      .slice(from)
      .find((e) => e.path.endsWith("/pin"));
    assert.equal(mine?.status, 200);
    tui.send("q");
    await tui.waitForExit();
  });
});
