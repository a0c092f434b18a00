// A key remapped in the config file works, and the `?` help shows the live keymap.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ACTION_NAMES, type Action } from "../../src/config/keymap.js";
import { validateSettings } from "../../src/config/settings.js";
import type { ApiMediaAttachment } from "../../src/demo/types.js";
import { enActions } from "../../src/i18n/actions-en.js";
import { keyLabel } from "../../src/ui/shell/hints.js";
import { CONNECTED, e2eInstance, openNewest, until } from "../helpers/e2e.js";

const e2e = e2eInstance();

test("favourite remapped to * in the config file: * favourites, f does nothing, ? shows *", async () => {
  const { demo } = e2e;
  const tui = e2e.start({ cols: 100, rows: 40, config: { keymap: { favourite: "*" } } });
  await tui.waitForText(`Home · ${CONNECTED}`, 15_000);
  const favourites = () =>
    demo.control.requestLog().filter((e) => e.method === "POST" && e.path.endsWith("/favourite"));

  tui.send("f");
  // f is no longer bound to favourite: nothing reaches the instance.
  tui.send("?");
  // The help's own row, not any screen with "favourite" and a "*" in it (a toot may have both).
  const helpRow = (s: string) => s.split("\n").find((l) => /favourite or unfavourite/i.test(l));
  const help = await tui.waitFor(
    (s) => helpRow(s) !== undefined,
    "the help overlay's favourite row",
  );
  const line = helpRow(help);
  assert.ok(line?.includes("*"), `the help names * for favourite: ${line}`);
  assert.ok(!/\bf\b/.test(line!.replace(/favourite or unfavourite/i, "")), `f is gone: ${line}`);
  assert.equal(favourites().length, 0, "f sent no favourite");
  tui.send("Escape");
  await tui.waitFor((s) => !s.includes("favourite or unfavourite"), "help closed");

  tui.send("*");
  await until("* to favourite", () => favourites().length > 0, 5000, tui);
  assert.equal(favourites()[0]!.status, 200);
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});

// The keymap table (src/config/keymap.ts) is what `?` lists and what every overlay reads: a
// remap reaches the help panel's own scrolling and closing and the media viewer's keys.
const REMAPS = { down: "J", up: "K", quit: "Z", mediaNext: "N", favourite: "*" };

const media = (n: number): ApiMediaAttachment => ({
  id: `98000${n}`,
  type: "image",
  url: `https://files.example/media/keymap-${n}.png`,
  preview_url: null,
  remote_url: null,
  preview_remote_url: null,
  text_url: null,
  meta: null,
  description: `keymap picture ${n}`,
  blurhash: null,
});

test("? lists every action of the table with its remapped keys; the help panel and the media viewer obey the remap", async () => {
  const { demo } = e2e;
  demo.control.publish("home", {
    spoiler_text: "",
    account: "alice",
    content: "<p>keymapmedia three pictures</p>",
    media_attachments: [media(1), media(2), media(3)],
  });
  const tui = e2e.start({ cols: 120, rows: 30, config: { keymap: REMAPS } });
  await tui.waitForText(`Home · ${CONNECTED}`, 15_000);
  const { settings, warnings } = validateSettings({ keymap: REMAPS });
  assert.deepEqual(warnings, []);

  // The help panel's first content row (row 0 is its border and title).
  const top = (screen: string) => screen.split("\n")[1] ?? "";
  const helpLine = (action: Action) =>
    new RegExp(
      `│ ${escapeRegExp(settings.keymap[action].map(keyLabel).join(", ") || "(unbound)")} +${escapeRegExp(enActions[action])}`,
    );
  tui.send("?");
  let screen = await tui.waitForText(enActions.down);
  const seen = new Set<Action>();
  const collect = (s: string) => {
    for (const action of ACTION_NAMES) if (helpLine(action).test(s)) seen.add(action);
  };
  collect(screen);
  // J (down, remapped) scrolls the help to its end; every action shows up on the way.
  while (!/:help · :quit\s*│/.test(screen)) {
    const before = top(screen);
    tui.send("J");
    screen = await tui.waitFor((s) => top(s) !== before, "J scrolls the help");
    collect(screen);
  }
  assert.deepEqual(
    ACTION_NAMES.filter((a) => !seen.has(a)),
    [],
    "every action is listed with its keys",
  );
  assert.match(screen, /│ N +media viewer: the next picture/, "N replaces n and right");

  // From the top: J J is the third row. Then j (no longer down) and q (no longer quit) do
  // nothing, and K (up, remapped) makes the second row the top: j or q working would not.
  tui.send("g");
  await tui.waitFor((s) => top(s).includes(enActions.down), "g: the help's top");
  tui.send("J", "J");
  await tui.waitFor((s) => top(s).includes(enActions[ACTION_NAMES[2]!]), "J J: the third row");
  tui.send("j", "q", "K");
  await tui.waitFor((s) => top(s).includes(enActions[ACTION_NAMES[1]!]), "j and q ignored, K up");
  // k (no longer up) does nothing: k J J ends on the fourth row, not the third.
  tui.send("k", "J", "J");
  await tui.waitFor((s) => top(s).includes(enActions[ACTION_NAMES[3]!]), "k ignored");
  // Z (quit, remapped) closes the panel; tootty keeps running.
  tui.send("Z");
  await tui.waitFor((s) => !s.includes(enActions.halfPageDown), "Z closed the help");
  assert.equal(tui.exitStatus(), null, "Z in a panel closes it, it does not quit");

  // The media viewer: n (no longer the next picture) does nothing, so n then p (previous)
  // wraps to the third picture; N (remapped) goes on to the first.
  await openNewest(tui, "keymapmedia three pictures");
  tui.send("i");
  await tui.waitForText("image 1 of 3");
  tui.send("n", "p");
  await tui.waitForText("image 3 of 3");
  tui.send("N");
  await tui.waitForText("image 1 of 3");
  tui.send("Escape");
  await tui.waitFor((s) => !s.includes("image 1 of 3"), "the viewer closed");
  tui.send("Z");
  assert.equal(await tui.waitForExit(), 0);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// Hints that name keys read the same table: after a remap the status line, the help panel's
// footer and a view's footer name the user's keys, and no longer the defaults.
test("after a remap the status line, the help footer and a thread's footer name the new keys", async () => {
  const remaps = { down: "J", up: "K", quit: "Z", back: "z", help: "F1" };
  // Tall enough for the whole help: a panel's footer shows in the row below its last line.
  const tui = e2e.start({ cols: 120, rows: 90, config: { keymap: remaps } });
  const bar = (s: string) => s.split("\n").findLast((l) => l.trim() !== "") ?? "";
  let screen = await tui.waitFor(
    (s) => s.includes(`Home · ${CONNECTED}`) && /J\/K move/.test(bar(s)),
    "J/K in the status line",
  );
  assert.match(bar(screen), /J\/K move .*F1 help +Z quit/, bar(screen));
  assert.doesNotMatch(bar(screen), /j\/k move|\? help|q quit/, bar(screen));

  tui.send("F1");
  screen = await tui.waitFor((s) => /J\/K scroll · z back/.test(s), "the help footer");
  assert.doesNotMatch(screen, /j\/k scroll|Esc back/);
  tui.send("z");
  await tui.waitFor((s) => !/J\/K scroll/.test(s), "z closed the help");

  tui.send("Enter");
  screen = await tui.waitFor((s) => /Enter thread · z back/.test(s), "the thread's footer");
  assert.doesNotMatch(screen, /Esc back/);
  tui.send("z");
  await tui.waitFor(
    (s) => /J\/K move/.test(bar(s)) && !/Enter thread/.test(s),
    "back in the panes",
  );
  // The last pane cannot be closed, and the line saying so names the quit key in force.
  for (let i = 0; i < 4; i++) tui.send(":pane close", "Enter");
  await tui.waitForText("The last pane stays open (Z quits)");
  tui.send("Z");
  assert.equal(await tui.waitForExit(), 0);
});

// The composer's pick lists read the same table: with down remapped to J, j no longer moves
// in the language list and J does; Enter picks; the remapped back key closes it.
test("the composer's language list moves with the remapped keys and names them", async () => {
  const remaps = { down: "J", up: "K", back: "z" };
  const tui = e2e.start({
    cols: 100,
    rows: 40,
    config: { keymap: remaps, defaultLanguage: "en" },
  });
  await tui.waitForText(`Home · ${CONNECTED}`, 15_000);
  const fields = (s: string) =>
    s.split("\n").find((l) => /public|unlisted|followers/.test(l) && / · /.test(l)) ?? "";
  tui.send("c");
  await tui.waitForText("-- INSERT --");
  assert.match(fields(tui.capture()), / · en\b/, "the toot starts in English");
  tui.send("Escape", ":lang", "Enter");
  await tui.waitForText("Enter choose · z back");
  // en, de, fr…: j (no longer down) stays, J J goes two down.
  tui.send("j", "J", "J", "Enter");
  await tui.waitFor((s) => / · fr\b/.test(fields(s)) && !/Enter choose/.test(s), "French picked");
  tui.send(":lang", "Enter");
  await tui.waitForText("Enter choose · z back");
  tui.send("z");
  await tui.waitFor((s) => !/Enter choose/.test(s), "z closed the list");
  assert.match(fields(tui.capture()), / · fr\b/, "closing picks nothing");
  tui.send(":q!", "Enter");
  await tui.waitFor((s) => !/-- NORMAL --|-- INSERT --/.test(s), "the composer closed");
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});
