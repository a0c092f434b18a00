// Pictures in toots, in a real terminal: half blocks cell for cell, nothing but the alt text
// with `images: off`, no debris after scrolling past a picture and back, and broken pictures
// from the network neither crash nor hang tootty.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { DEMO_DOMAIN } from "../../src/demo/accounts.js";
import type { ApiMediaAttachment } from "../../src/demo/types.js";
import { CONNECTED, e2eInstance, until } from "../helpers/e2e.js";
import { cellsOf } from "../helpers/sgr-cells.js";

const e2e = e2eInstance({ generate: false, seedCount: 20 });

const BLURHASH = "LEHV6nWB2yk8pyo0adR*.7kCMdnj";

function attachment(id: string, preview: string, description: string): ApiMediaAttachment {
  return {
    id,
    type: "image",
    url: `https://${DEMO_DOMAIN}/system/${preview}`,
    preview_url: `https://${DEMO_DOMAIN}/system/${preview}`,
    remote_url: null,
    preview_remote_url: null,
    text_url: null,
    meta: { small: { width: 64, height: 48, size: "64x48", aspect: 4 / 3 } },
    description,
    blurhash: BLURHASH,
  } as ApiMediaAttachment;
}

function publishTestCard(marker: string): void {
  e2e.demo.control.publish("local", {
    account: "lou",
    spoiler_text: "",
    sensitive: false,
    content: `<p>${marker}</p>`,
    media_attachments: [
      attachment(
        `card${marker}`,
        "testcard/quadrants.png",
        `Quadrants ${marker}: red, green, blue, white`,
      ),
    ],
  });
}

/** The picture's rows: the ▀ lines between the toot's text and its alt-text line. */
function pictureRows(coloured: string, marker: string): ReturnType<typeof cellsOf>[] {
  const rows = coloured.split("\n").map(cellsOf);
  const top = rows.findIndex((r) =>
    r
      .map((c) => c.ch)
      .join("")
      .includes(marker),
  );
  if (top < 0) return [];
  const picture: ReturnType<typeof cellsOf>[] = [];
  for (let y = top + 1; y < rows.length; y++) {
    const blocks = rows[y]!.filter((c) => c.ch === "▀");
    if (blocks.length === 0) break;
    picture.push(blocks);
  }
  return picture;
}

test("a toot's picture shows in half blocks, cell for cell as the picture is", async () => {
  const tui = e2e.start({ cols: 100, rows: 34, emulator: "xterm" });
  await tui.waitForText(`Home · ${CONNECTED}`, 15_000);
  tui.send("2");
  await tui.waitFor(
    (s) => new RegExp(`Local · ${CONNECTED}`).test(s) && !/Home ·/.test(s),
    "the Local tab",
  );
  const marker = `card${Date.now().toString(36)}`;
  publishTestCard(marker);
  await tui.waitForText(`Quadrants ${marker}`);
  // The blurhash shows first; the picture replaces it once fetched: red at the top left.
  let picture: ReturnType<typeof pictureRows> = [];
  await tui.waitFor(() => {
    picture = pictureRows(tui.captureWithColours(), marker);
    return picture[0]?.[0]?.fg === 196;
  }, "the picture in place of its blurhash");
  // 64×48 pixels in at most 8 rows: 8 rows of 21 cells (a cell is twice as high as wide).
  assert.equal(picture.length, 8);
  for (const row of picture) assert.equal(row.length, 21);
  const corner = (y: number, x: number) => [picture.at(y)!.at(x)!.fg, picture.at(y)!.at(x)!.bg];
  // xterm's 256 colours: red 196, green 46, blue 21, white 231 — upper dot fg, lower dot bg.
  assert.deepEqual(corner(0, 0), [196, 196]);
  assert.deepEqual(corner(0, -1), [46, 46]);
  assert.deepEqual(corner(-1, 0), [21, 21]);
  assert.deepEqual(corner(-1, -1), [231, 231]);
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});

test("images: off leaves the alt-text line and draws no picture", async () => {
  const tui = e2e.start({ cols: 100, rows: 34, config: { images: "off" } });
  await tui.waitForText(`Home · ${CONNECTED}`, 15_000);
  tui.send("2");
  await tui.waitFor(
    (s) => new RegExp(`Local · ${CONNECTED}`).test(s) && !/Home ·/.test(s),
    "the Local tab",
  );
  const marker = `off${Date.now().toString(36)}`;
  const from = e2e.logLength();
  publishTestCard(marker);
  const screen = await tui.waitForText(`Quadrants ${marker}`);
  assert.ok(!screen.includes("▀"), `no picture cells:\n${screen}`);
  // Nothing was fetched either.
  assert.ok(
    !e2e.demo.control
      .requestLog()
      .slice(from)
      .some((e) => e.path.startsWith("/system/")),
  );
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});

test("scrolling past a picture and back draws it again without debris", async () => {
  const tui = e2e.start({ cols: 100, rows: 34, emulator: "xterm" });
  await tui.waitForText(`Home · ${CONNECTED}`, 15_000);
  tui.send("2");
  await tui.waitFor(
    (s) => new RegExp(`Local · ${CONNECTED}`).test(s) && !/Home ·/.test(s),
    "the Local tab",
  );
  const marker = `scroll${Date.now().toString(36)}`;
  publishTestCard(marker);
  // The toot's rows, from its text to its alt line. A frame is written top to bottom, so the
  // alt line under a red picture means the rows above it are this frame's; the rest of the
  // screen is not compared: toots below fetch their own pictures meanwhile.
  const tootRows = (coloured: string): string | undefined => {
    const rows = coloured.split("\n");
    const plain = rows.map((r) =>
      cellsOf(r)
        .map((c) => c.ch)
        .join(""),
    );
    const top = plain.findIndex((r) => r.includes(marker) && !r.includes("Quadrants"));
    const end = plain.findIndex((r) => r.includes(`Quadrants ${marker}`));
    if (top < 0 || end < top || pictureRows(coloured, marker)[0]?.[0]?.fg !== 196) return;
    return rows.slice(top, end + 1).join("\n");
  };
  await tui.waitFor(() => tootRows(tui.captureWithColours()) !== undefined, "the picture");
  const before = tootRows(tui.captureWithColours());
  for (let i = 0; i < 8; i++) tui.send("j");
  await tui.waitFor((s) => !s.includes(marker), "the picture's toot scrolled away");
  tui.send("g");
  await tui.waitForText(marker);
  await tui.waitFor(
    () => tootRows(tui.captureWithColours()) === before,
    "the toot drawn as before, picture and all",
  );
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});

test("broken pictures from the network say so and never crash or hang tootty", async () => {
  const tui = e2e.start({ cols: 100, rows: 40 });
  await tui.waitForText(`Home · ${CONNECTED}`, 15_000);
  tui.send("2");
  await tui.waitFor(
    (s) => new RegExp(`Local · ${CONNECTED}`).test(s) && !/Home ·/.test(s),
    "the Local tab",
  );
  const marker = `broken${Date.now().toString(36)}`;
  e2e.demo.control.publish("local", {
    account: "lou",
    spoiler_text: "",
    sensitive: false,
    content: `<p>${marker}</p>`,
    media_attachments: ["huge", "truncated", "wrong-type", "endless"].map((kind) =>
      attachment(`${kind}${marker}`, `hostile/${kind}.png`, `${kind} picture`),
    ),
  });
  // The endless picture's line comes after the three refusals in the same frame: waiting for
  // it too never reads a frame half written.
  const screen = await tui.waitFor(
    (s) =>
      (s.match(/not shown: not a picture tootty can decode/g) ?? []).length === 3 &&
      /endless picture/.test(s),
    "three pictures refused, the endless one still shown as loading",
    15_000,
  );
  // Still reading and streaming: another toot arrives and j moves.
  const next = `after${Date.now().toString(36)}`;
  e2e.demo.control.publish("local", {
    account: "lou",
    spoiler_text: "",
    sensitive: false,
    content: `<p>${next}</p>`,
  });
  await tui.waitForText(next);
  tui.send("j");
  await tui.waitFor((s) => s !== screen, "j to move");
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});

test("kitty graphics where the terminal answers kitty's query: transmitted once, shown through placeholders, freed on quit", async () => {
  const out = join(mkdtempSync(join(tmpdir(), "tootty-kitty-")), "pty.out");
  writeFileSync(out, "");
  // xterm.js answers DA1 itself; kitty's graphics query is answered here, as kitty does.
  const tui = e2e.start({
    cols: 100,
    rows: 34,
    emulator: "xterm",
    answer: (written) => (written.includes("\x1b_Gi=31,") ? "\x1b_Gi=31;OK\x1b\\" : undefined),
  });
  tui.recordOutput(out);
  await tui.waitForText(`Home · ${CONNECTED}`, 15_000);
  tui.send("2");
  await tui.waitFor(
    (s) => new RegExp(`Local · ${CONNECTED}`).test(s) && !/Home ·/.test(s),
    "the Local tab",
  );
  const marker = `kitty${Date.now().toString(36)}`;
  publishTestCard(marker);
  const screen = await tui.waitFor((s) => s.includes("\u{10eeee}"), "placeholder cells");
  // 8 rows of 21 placeholder cells, each with its row and column diacritics.
  const rows = screen.split("\n").filter((l) => l.includes("\u{10eeee}"));
  assert.equal(rows.length, 8);
  for (const row of rows) assert.equal(row.split("\u{10eeee}").length - 1, 21);
  await until("the picture's transmission", () =>
    /\x1b_Ga=T,U=1,q=2,i=\d+,f=24,o=z,s=\d+,v=\d+,c=21,r=8,m=[01];/.test(readFileSync(out, "utf8")),
  );
  const sent = readFileSync(out, "utf8");
  assert.equal((sent.match(/\x1b_Ga=T,/g) ?? []).length, 1, "transmitted once");
  // The picture's own rows are placeholders only (other toots' blurhashes may still be loading).
  for (const row of rows) assert.ok(!row.includes("▀"), row);
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
  assert.match(readFileSync(out, "utf8"), /\x1b_Ga=d,d=I,q=2,i=\d+\x1b\\/, "freed on quit");
});

/** The cells left of the toot's text on the marker's row and the row above (its header). */
function avatarCells(coloured: string, marker: string): ReturnType<typeof cellsOf>[] {
  const rows = coloured.split("\n").map(cellsOf);
  const y = rows.findIndex((r) =>
    r
      .map((c) => c.ch)
      .join("")
      .includes(marker),
  );
  if (y < 1) return [];
  return [rows[y - 1]!, rows[y]!].map((r) => {
    const text = r.map((c) => c.ch).join("");
    // The pane's left border and the selection gutter (two cells), then the avatar's four.
    const x = text.indexOf("│") + 3;
    return r.slice(x, x + 4);
  });
}

test("avatars are off by default: the toot's text starts at the border and none is fetched", async () => {
  const tui = e2e.start({ cols: 100, rows: 34, emulator: "xterm" });
  await tui.waitForText(`Home · ${CONNECTED}`, 15_000);
  tui.send("2");
  await tui.waitFor(
    (s) => new RegExp(`Local · ${CONNECTED}`).test(s) && !/Home ·/.test(s),
    "the Local tab",
  );
  const from = e2e.logLength();
  const marker = `avoff${Date.now().toString(36)}`;
  e2e.demo.control.publish("local", {
    account: "lou",
    spoiler_text: "",
    sensitive: false,
    content: `<p>${marker}</p>`,
  });
  const screen = await tui.waitForText(marker);
  const row = screen.split("\n").find((r) => r.includes(marker))!;
  assert.match(row, new RegExp(`│. ${marker}`), `the text after the gutter:\n${screen}`);
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
  assert.ok(
    !e2e.demo.control
      .requestLog()
      .slice(from)
      .some((e) => e.path.includes("/avatars/")),
    "no avatar was fetched",
  );
});

test("avatars: true draws each author's avatar in four by two cells beside the toot", async () => {
  const tui = e2e.start({ cols: 100, rows: 34, emulator: "xterm", config: { avatars: true } });
  await tui.waitForText(`Home · ${CONNECTED}`, 15_000);
  tui.send("2");
  await tui.waitFor(
    (s) => new RegExp(`Local · ${CONNECTED}`).test(s) && !/Home ·/.test(s),
    "the Local tab",
  );
  const stamp = Date.now().toString(36);
  const [a, b, c] = [`ava${stamp}`, `avb${stamp}`, `avc${stamp}`];
  const plain = { spoiler_text: "", sensitive: false, quote: null };
  e2e.demo.control.publish("local", { ...plain, account: "lou", content: `<p>${a}</p>` });
  e2e.demo.control.publish("local", { ...plain, account: "mina", content: `<p>${b}</p>` });
  e2e.demo.control.publish("local", { ...plain, account: "lou", content: `<p>${c}</p>` });
  const painted = (cells: ReturnType<typeof cellsOf>[]) =>
    cells.length === 2 &&
    cells.every((r) => r.length === 4 && r.every((x) => x.ch === "▀" && x.fg !== undefined));
  let cells: Record<string, ReturnType<typeof cellsOf>[]> = {};
  await tui.waitFor(() => {
    const coloured = tui.captureWithColours();
    cells = {
      a: avatarCells(coloured, a),
      b: avatarCells(coloured, b),
      c: avatarCells(coloured, c),
    };
    return painted(cells.a!) && painted(cells.b!) && painted(cells.c!);
  }, "three avatars drawn");
  const colours = (rows: ReturnType<typeof cellsOf>[]) =>
    JSON.stringify(rows.map((r) => r.map((x) => [x.fg, x.bg])));
  // The same author's picture on both of her toots; another author's is another picture.
  assert.equal(colours(cells.a!), colours(cells.c!));
  assert.notEqual(colours(cells.a!), colours(cells.b!));
  // The text starts after the avatar's column.
  const row = tui
    .capture()
    .split("\n")
    .find((r) => r.includes(a))!;
  assert.match(row, new RegExp(`│. ▀▀▀▀ ${a}`), row);
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});
