// The streaming promise, seen on screen: sockets dropped again and again while toots pour in,
// and each pane still shows its newest toot at the top — nothing lost, nothing doubled.
import assert from "node:assert/strict";
import { test } from "node:test";
import { CONNECTED, e2eInstance, NEEDS_STREAM } from "../helpers/e2e.js";
import { findOnScreen, paneLefts } from "../helpers/screen.js";

const e2e = e2eInstance({ generate: false, seedCount: 20 });

const TARGETS = ["home", "local", "federated"] as const;
const ACCOUNTS = { home: "alice", local: "lou", federated: "yuki@kaiju.example" } as const;

test("4 socket drops while 120 toots arrive: every pane's newest toot is on screen, once", {
  skip: NEEDS_STREAM,
}, async () => {
  const { demo } = e2e;
  const tui = e2e.start({ cols: 160, rows: 45 });
  await tui.waitFor(
    (s) => (s.match(new RegExp(`· ${CONNECTED}`, "g")) ?? []).length >= 3,
    "the panes live",
    15_000,
  );
  const run = Date.now().toString(36);
  for (let i = 0; i < 120; i++) {
    const target = TARGETS[i % 3]!;
    demo.control.publish(target, {
      account: ACCOUNTS[target],
      spoiler_text: "",
      content: `<p>b${run}n${i}e</p>`,
    });
    if (i % 30 === 7) demo.control.dropSockets();
    // ~20 toots a second, like a busy federated timeline; the drops land mid-stream, 1.5 s
    // apart (closer drops never let a connection count as healthy, so the capped backoff
    // grows towards 30 s, by design).
    await new Promise((r) => setTimeout(r, 50));
  }

  // What each timeline's newest toot is, according to the server.
  const newest = async (query: string) => {
    const res = await fetch(`${demo.url}/api/v1/timelines/${query}`, {
      headers: { authorization: `Bearer ${demo.token}` },
    });
    const [top] = (await res.json()) as { content: string }[];
    return /b\w+n\d+e/.exec(top!.content)![0];
  };
  const expected = [
    await newest("home?limit=1"),
    await newest("public?local=true&limit=1"),
    await newest("public?limit=1"),
  ];
  // Where a pane's newest toot stands inside that pane. The demo user follows yuki, so the
  // newest federated toot is Home's newest too: anywhere on screen, it can be Home's copy
  // while Federated's catch-up is still on its way. Each pane is waited for on its own.
  const hitsInPane = (screen: string, pane: number) => {
    const lefts = paneLefts(screen);
    return findOnScreen(screen, expected[pane]!).filter(
      (h) => h.col > lefts[pane]! && h.col < (lefts[pane + 1] ?? 160),
    );
  };
  const screen = await tui.waitFor(
    (s) => expected.every((_, pane) => hitsInPane(s, pane).length > 0),
    `the newest toots ${expected.join(", ")} in their panes after the last reconnect`,
    20_000,
  );
  expected.forEach((marker, pane) => {
    const hits = hitsInPane(screen, pane);
    assert.equal(hits.length, 1, `${marker} shown exactly once in pane ${pane + 1}`);
    // The newest toot sits at the top of its pane (row 1 is the first toot's header).
    assert.ok(hits[0]!.row <= 4, `${marker} at the top of pane ${pane + 1} (row ${hits[0]!.row})`);
  });
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});
