// A hostile or broken server streams frames no Mastodon sends — an update nested 5 000 levels
// deep, a frame of a megabyte, wrong types, missing fields, escape sequences — into the running
// TUI. tootty keeps running and streaming: a normal toot published after them appears; then the
// server is killed and every pane says it cannot reach it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { CONNECTED, e2eInstance, NEEDS_STREAM } from "../helpers/e2e.js";

const e2e = e2eInstance({ generate: false, seedCount: 20 });

function statusPayload(id: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id,
    created_at: new Date().toISOString(),
    content: "<p>x</p>",
    account: { id: "9", username: "evil", acct: "evil", display_name: "Evil" },
    ...extra,
  });
}

function frame(event: string, payload: unknown, stream: unknown = ["public:local"]): string {
  return JSON.stringify({ stream, event, payload });
}

const deep = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;

const HOSTILE = [
  frame("update", statusPayload("990001", { card: "CARD" }).replace('"CARD"', deep(5_000))),
  frame(
    "update",
    statusPayload("990002", { quote: "Q" }).replace(
      '"Q"',
      `${'{"quoted_status":'.repeat(20_000)}null${"}".repeat(20_000)}`,
    ),
  ),
  deep(20_000),
  frame("update", JSON.stringify({ id: "990003" })),
  frame(
    "update",
    statusPayload("990004", {
      account: 42,
      content: { html: true },
      filtered: "x",
      mentions: 7,
      emojis: "e",
      poll: [],
      media_attachments: {},
    }),
  ),
  frame(
    "update",
    statusPayload("990005", {
      content: `<p>\u001b[2J\u001b]52;c;cHduZWQ=\u0007\u009b31m${"<b>".repeat(3_000)}</p>`,
    }),
  ),
  frame("status.update", statusPayload("990006", { created_at: { x: 1 }, edited_at: [] })),
  frame(
    "notification",
    JSON.stringify({ id: "990007", type: "mention", status: { id: 5 }, account: "a" }),
    ["user"],
  ),
  frame("notification", JSON.stringify({ id: "990008", type: "constructor", created_at: 5 }), [
    "user",
  ]),
  frame("delete", "\u001b[31m"),
  frame("update", "x".repeat(900_000)),
  frame("update", statusPayload("990009", { spoiler_text: "a".repeat(500_000) })),
  JSON.stringify({ error: "\u001b]0;pwned\u0007".repeat(100), status: "400" }),
  "\u0000\u0001 not json",
];

test("hostile frames into the running TUI: it keeps streaming, and a normal toot still appears", {
  skip: NEEDS_STREAM,
}, async () => {
  const { demo } = e2e;
  const tui = e2e.start({ cols: 240, rows: 45 });
  await tui.waitFor(
    (s) => (s.match(new RegExp(`· ${CONNECTED}`, "g")) ?? []).length >= 4,
    "four live panes",
    20_000,
  );
  // One socket on Mastodon, one per stream where the server takes a single `stream` per socket.
  const sockets = demo.control.streamClientCount();
  for (const text of HOSTILE)
    demo.control.sendRawFrame(text.includes('["user"]') ? "user" : "public:local", text);
  // A notification stream frame on ["user"] goes to the user subscription; the rest to Local.
  const marker = `after-hostile-${Date.now().toString(36)}`;
  demo.control.publish("local", { content: `<p>${marker}</p>`, spoiler_text: "" });
  const screen = await tui.waitForText(marker, 20_000);
  assert.equal(tui.exitStatus(), null, "tootty is still running");
  assert.doesNotMatch(screen, /pwned|RangeError|Maximum call stack/);
  assert.match(screen, new RegExp(`Local · ${CONNECTED}`));
  // Keys still work on what arrived: move through the pane and back.
  tui.send("j", "j", "k");
  await tui.waitFor((s) => s.includes(marker), "still drawn after moving");
  assert.equal(demo.control.streamClientCount(), sockets, "the same sockets: none was dropped");

  // Now the server dies: sockets close, REST gets no answer.
  await demo.close();
  const gone = await tui.waitFor(
    (s) =>
      ["Home", "Local", "Federated", "Notifications"].every((p) =>
        new RegExp(`${p} · (reconnecting \\(next try in \\d+s\\)|cannot reach the server)`).test(s),
      ),
    "every pane says the server is gone",
    20_000,
  );
  assert.doesNotMatch(
    gone,
    new RegExp(`· ${CONNECTED}`),
    "nothing claims live with the server gone",
  );
  tui.type("R");
  await tui.waitForText("Could not refresh: cannot reach the server", 30_000);
  const after = await tui.waitFor(
    (s) => /Home · cannot reach the server/.test(s),
    "Home says it cannot reach the server",
  );
  assert.match(after.trimEnd().split("\n").at(-1) ?? "", /· cannot reach the server/);
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});
