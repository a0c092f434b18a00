import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { PNG } from "pngjs";
import { Pictures } from "../../src/images/pictures.js";
import { stripAnsi } from "../../src/render/width.js";

const BLURHASH = "LEHV6nWB2yk8pyo0adR*.7kCMdnj";

function png(width: number, height: number): Buffer {
  const img = new PNG({ width, height });
  img.data.fill(200);
  return PNG.sync.write(img);
}

function setup(protocol: "blocks" | "kitty", fetchBytes: (url: string) => Promise<Uint8Array>) {
  let changes = 0;
  let wake: () => void = () => {};
  const pictures = new Pictures({
    protocol,
    level: 2,
    unicode: true,
    tmux: false,
    fetchBytes,
    onChange: () => {
      changes++;
      wake();
    },
  });
  const changed = () => new Promise<void>((resolve) => (wake = resolve));
  return { pictures, changes: () => changes, changed };
}

const attachment = (url: string) => ({
  type: "image",
  previewUrl: url,
  blurhash: BLURHASH,
  meta: { small: { width: 640, height: 480 } },
});

describe("the pictures of the toots on screen", () => {
  test("the blurhash shows at once; the picture replaces it when it has arrived", async () => {
    const asked: string[] = [];
    const { pictures, changed } = setup("blocks", async (url) => {
      asked.push(url);
      return png(64, 48);
    });
    const m = attachment("https://files.example/a.png");
    const before = pictures.key(m);
    const arrived = changed();
    const first = pictures.rows(m, 40, 8, false);
    assert.equal(first?.kind, "placeholder");
    assert.equal(first?.lines.length, 8);
    await arrived;
    assert.deepEqual(asked, ["https://files.example/a.png"]);
    assert.notEqual(pictures.key(m), before, "the render cache sees the change");
    const second = pictures.rows(m, 40, 8, false);
    assert.equal(second?.kind, "picture");
    assert.equal(second?.lines.length, 8);
    assert.equal(stripAnsi(second!.lines[0]!), "▀".repeat(21));
    pictures.rows(m, 40, 8, false);
    assert.equal(asked.length, 1, "fetched once");
  });

  test("hidden media show only the blurhash and are not fetched", () => {
    const { pictures } = setup("blocks", async () => assert.fail("fetched a hidden picture"));
    const view = pictures.rows(attachment("https://files.example/s.png"), 40, 8, true);
    assert.equal(view?.kind, "placeholder");
  });

  test("a picture that cannot be had says why, once, and is not asked for again", async () => {
    let asked = 0;
    const { pictures, changed } = setup("blocks", async () => {
      asked++;
      return new TextEncoder().encode("<html>502</html>");
    });
    const m = attachment("https://files.example/bad.png");
    const arrived = changed();
    pictures.rows(m, 40, 8, false);
    await arrived;
    const view = pictures.rows(m, 40, 8, false);
    assert.deepEqual([view?.kind, view?.reason], ["failed", "not a picture tootty can decode"]);
    assert.equal(asked, 1);
  });

  test("a hostile blurhash or attachment without a preview is no picture, not an error", () => {
    const { pictures } = setup("blocks", async () => png(1, 1));
    assert.equal(pictures.rows({ type: "image", blurhash: "\u001b[2J" }, 40, 8, false), null);
    assert.equal(pictures.rows({ type: "image", blurhash: "x".repeat(5000) }, 40, 8, true), null);
  });

  test("kitty: the picture is transmitted once, shown through placeholders, freed on quit", async () => {
    const { pictures, changed } = setup("kitty", async () => png(64, 48));
    const m = attachment("https://files.example/k.png");
    const arrived = changed();
    pictures.rows(m, 40, 8, false);
    await arrived;
    const view = pictures.rows(m, 40, 8, false);
    assert.equal(view?.kind, "picture");
    assert.match(view!.lines[0]!, /^\x1b\[38;5;1m\u{10eeee}/u);
    const writes = pictures.takeTerminalWrites();
    assert.match(writes, /^\x1b_Ga=T,U=1,q=2,i=1,f=24,o=z,/);
    pictures.rows(m, 40, 8, false);
    assert.equal(pictures.takeTerminalWrites(), "", "not transmitted twice");
    assert.equal(pictures.farewell(), "\x1b_Ga=d,d=I,q=2,i=1\x1b\\");
  });

  test("however many pictures stream past, what is remembered stays bounded", async () => {
    let fetched = 0;
    const { pictures } = setup("blocks", async () => {
      fetched++;
      await new Promise((r) => setImmediate(r));
      return png(8, 6);
    });
    // As a pane streaming fast draws them: each toot's preview once, while earlier ones load.
    for (let i = 0; i < 3000; i++) {
      pictures.rows(attachment(`https://files.example/${i}.png`), 40, 8, false);
      assert.ok(pictures.held.waiting <= 64, `${pictures.held.waiting} waiting`);
      if (i % 50 === 0) await new Promise((r) => setImmediate(r));
    }
    const deadline = Date.now() + 20_000;
    while (pictures.held.unsettled > 0 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 5));
    const { known, decoded, unsettled } = pictures.held;
    assert.equal(unsettled, 0, "every request kept has settled");
    assert.ok(known <= 1024, `${known} remembered`);
    assert.ok(decoded <= 4, `${decoded} decoded`);
    assert.ok(fetched < 3000, "requests for toots long gone were dropped");
    // The newest is still there; one whose request was dropped is asked for when drawn again.
    assert.equal(
      pictures.rows(attachment("https://files.example/2999.png"), 40, 8, false)?.kind,
      "picture",
    );
    const before = fetched;
    pictures.rows(attachment("https://files.example/1.png"), 40, 8, false);
    const again = Date.now() + 5_000;
    while (fetched === before && Date.now() < again) await new Promise((r) => setTimeout(r, 5));
    assert.equal(fetched, before + 1);
  });
});
