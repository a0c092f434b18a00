// The command line's collections in a real terminal: :bookmarks, :favourites and :direct
// show what the user saved or was sent, :list (picker or ID) opens a list's timeline, and
// :pane add list:1 adds a live pane titled after the list.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { ARRIVAL_MS, CONNECTED, command, e2eInstance, flavourHas } from "../helpers/e2e.js";
import type { TerminalSession } from "../helpers/terminal.js";

const e2e = e2eInstance({ generate: false, seedCount: 20 });
const requested = e2e.requested;
const logLength = e2e.logLength;

async function backToPanes(tui: TerminalSession, viewTitle: string): Promise<void> {
  tui.send("Escape");
  await tui.waitFor((s) => !s.includes(viewTitle) && s.includes("Home ·"), "back to the panes");
}

describe("collections on the command line", () => {
  test(":bookmarks and :favourites show what was bookmarked and favourited; :direct shows DMs; Esc goes back", async () => {
    const saved = e2e.demo.control.publish("home", {
      spoiler_text: "",
      account: "alice",
      content: "<p>colltarget saved</p>",
    });
    e2e.demo.control.publish("home", {
      spoiler_text: "",
      account: "yuki",
      visibility: "direct",
      content: "<p>colldm whisper</p>",
      mentions: ["demo"],
    });
    e2e.demo.control.publish("home", {
      spoiler_text: "",
      account: "mina",
      content: "<p>colltop not saved</p>",
    });
    const tui = e2e.start();
    await tui.waitForText("colltop not saved", 15_000);
    tui.send("g");
    // The DM is second, the saved toot third.
    tui.send("j");
    tui.send("j");
    let from = logLength();
    tui.type("B");
    await requested("POST", `/api/v1/statuses/${saved.id}/bookmark`, 200, from);
    tui.send("f");
    await requested("POST", `/api/v1/statuses/${saved.id}/favourite`, 200, from);

    for (const [name, title] of [
      ["bookmarks", "Bookmarks"],
      ["favourites", "Favourites"],
    ] as const) {
      from = logLength();
      await command(tui, name);
      if (!flavourHas("GET", `/api/v1/${name}`)) {
        // snac's favourites are an empty list whatever was favourited: the view says so.
        await tui.waitFor(
          (s) =>
            s.includes(`${title} · not supported by this server`) &&
            s.includes("Nothing loaded: not supported by this server."),
          `${title} saying the server has none`,
        );
        await backToPanes(tui, title);
        continue;
      }
      const view = await tui.waitFor(
        (s) => s.includes(title) && !s.includes("loading…") && s.includes("colltarget saved"),
        `${title} with the saved toot`,
      );
      await requested("GET", `/api/v1/${name}`, 200, from);
      assert.ok(!view.includes("colltop not saved"), `only saved toots in ${title}`);
      await backToPanes(tui, title);
    }

    from = logLength();
    await command(tui, "direct");
    if (flavourHas("GET", "/api/v1/conversations")) {
      const dms = await tui.waitFor(
        (s) => s.includes("Direct messages") && s.includes("colldm whisper"),
        "the DM in Direct messages",
      );
      await requested("GET", "/api/v1/conversations", 200, from);
      assert.ok(!dms.includes("colltop not saved"), "only direct toots");
    } else {
      // Hollo has no conversations: the view says so, once, and does not keep asking.
      await tui.waitFor(
        (s) =>
          s.includes("Direct messages · not supported by this server") &&
          s.includes("Nothing loaded: not supported by this server."),
        "Direct messages saying the server has none",
      );
    }
    await backToPanes(tui, "Direct messages");
    tui.send("q");
    await tui.waitForExit();
  });

  test(":list picks a list, :list 1 opens it, :pane add list:1 adds a live pane named Friends", async () => {
    // "Friends" is everyone the demo user follows: alice is in, lou is not.
    e2e.demo.control.publish("home", {
      spoiler_text: "",
      account: "alice",
      content: "<p>listfriend hello</p>",
    });
    e2e.demo.control.publish("local", {
      spoiler_text: "",
      account: "lou",
      content: "<p>liststranger hello</p>",
    });
    const tui = e2e.start({ cols: 120, rows: 34 });
    await tui.waitForText("Home ·", 15_000);

    let from = logLength();
    await command(tui, "list");
    await tui.waitForText("1  Friends  (list:1)");
    await requested("GET", "/api/v1/lists", 200, from);
    from = logLength();
    tui.send("1");
    let view = await tui.waitFor(
      (s) => s.includes(`List Friends · ${CONNECTED}`) && s.includes("listfriend hello"),
      "the list's timeline, titled after the list",
    );
    await requested("GET", "/api/v1/timelines/list/1", 200, from);
    assert.ok(!view.includes("liststranger hello"), `not a member's toot: ${view}`);
    tui.send("Escape");
    await tui.waitFor((s) => !s.includes(`List Friends · ${CONNECTED}`), "list closed");

    from = logLength();
    await command(tui, "list 1");
    view = await tui.waitFor(
      (s) => s.includes(`List Friends · ${CONNECTED}`) && s.includes("listfriend hello"),
      "the list's timeline by id, titled after the list",
    );
    await requested("GET", "/api/v1/timelines/list/1", 200, from);
    tui.send("Escape");
    await tui.waitFor((s) => !s.includes(`List Friends · ${CONNECTED}`), "list closed");

    await command(tui, "pane add list:1");
    // The new pane has focus and fills the screen: what it shows is the list's.
    await tui.waitForText(`List Friends · ${CONNECTED}`);
    const pane = await tui.waitForText("listfriend hello");
    assert.ok(!pane.includes("liststranger hello"), `not a member's toot: ${pane}`);
    // Live: a friend's new toot arrives in the pane, from the stream or by the next poll (the
    // subscription is asynchronous on the server, so publish again until one lands; each try
    // is a real event).
    for (let i = 0; ; i++) {
      e2e.demo.control.publish("home", {
        spoiler_text: "",
        account: "alice",
        content: `<p>listlive arrival ${i}</p>`,
      });
      try {
        await tui.waitForText("listlive arrival", ARRIVAL_MS);
        break;
      } catch (err) {
        if (i >= (ARRIVAL_MS > 500 ? 2 : 10)) throw err;
      }
    }
    tui.send("q");
    await tui.waitForExit();
  });
});
