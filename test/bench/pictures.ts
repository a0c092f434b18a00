// Pictures: what a toot with a picture costs on the wire (bytes tootty writes to its terminal
// at 200×50, half blocks, counted with tmux's pipe-pane as in terminal.ts) against the same toot
// without one, what kitty's transmission of a preview weighs, and the paint time of 1000 toots
// with pictures (cold: resampled and painted; warm: from the caches).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";
import { decodePicture } from "../../src/images/decode.js";
import { kittyTransmit } from "../../src/images/kitty.js";
import { Pictures } from "../../src/images/pictures.js";
import { fitCells, resample } from "../../src/images/scale.js";
import { createTheme, RenderCache } from "../../src/render/index.js";
import { makeStatus } from "../render/make-status.js";
import { control, killAll, startTootty } from "../ui/terminal-harness.js";
import { kb, median, settled } from "./terminal.js";

const TOOTS = 9;

function preview(seed: number): Buffer {
  const png = new PNG({ width: 320, height: 240 });
  for (let i = 0; i < 320 * 240; i++) {
    png.data[i * 4] = (i * seed) % 256;
    png.data[i * 4 + 1] = ((i >> 8) * 7) % 256;
    png.data[i * 4 + 2] = (seed * 31) % 256;
    png.data[i * 4 + 3] = 255;
  }
  return PNG.sync.write(png);
}

async function paintTimes(): Promise<{ cold: number; warm: number }> {
  const bytes = new Map<string, Buffer>();
  const statuses = Array.from({ length: 1000 }, (_, i) => {
    const url = `https://files.example/${i % 50}.png`;
    if (!bytes.has(url)) bytes.set(url, preview(i % 50));
    return makeStatus({
      id: String(10_000 + i),
      mediaAttachments: [
        {
          id: `m${i}`,
          type: "image",
          previewUrl: url,
          description: "a picture",
          blurhash: "LEHV6nWB2yk8pyo0adR*.7kCMdnj",
          meta: { small: { width: 320, height: 240 } },
        },
      ] as never,
    });
  });
  let pending = bytes.size;
  let done: () => void = () => {};
  const loaded = new Promise<void>((r) => (done = r));
  const pictures = new Pictures({
    protocol: "blocks",
    level: 2,
    unicode: true,
    tmux: false,
    fetchBytes: async (url) => bytes.get(url)!,
    onChange: () => {
      if (--pending === 0) done();
    },
    maxConcurrent: 50,
  });
  const theme = createTheme("dark", 2);
  const opts = { width: 60, theme, now: Date.now(), pictures };
  const warmUp = new RenderCache(2000);
  for (const s of statuses.slice(0, 50)) warmUp.get(s, opts);
  await loaded;
  const cache = new RenderCache(2000);
  let t = performance.now();
  for (const s of statuses) cache.get(s, opts);
  const cold = performance.now() - t;
  t = performance.now();
  for (const s of statuses) cache.get(s, opts);
  return { cold, warm: performance.now() - t };
}

export async function benchPictures(): Promise<Record<string, string>> {
  const out = join(mkdtempSync(join(tmpdir(), "tootty-picture-bytes-")), "pty.out");
  writeFileSync(out, "");
  const { session, demo } = await startTootty({ cols: 200, rows: 50 });
  const withPicture: number[] = [];
  const without: number[] = [];
  try {
    await session.waitFor((s) => s.includes("Federated ·") && s.includes("▌"), "panes", 15_000);
    await control(demo, "generator", { on: false });
    session.recordOutput(out);
    let last = await settled(out);
    for (let i = 0; i < TOOTS * 2; i++) {
      const picture = i % 2 === 0;
      const before = session.capture();
      const name = `${Date.now().toString(16)}${i.toString(16).padStart(4, "0")}`;
      await control(demo, "publish", {
        target: "local",
        status: {
          account: "alice",
          visibility: "public",
          content: `<p>bench${i} a toot of ordinary length, with a #tag</p>`,
          media_attachments: picture
            ? [
                {
                  id: `bench${i}`,
                  type: "image",
                  url: `https://demo.tootty.example/system/media_attachments/files/original/${name}.jpeg`,
                  preview_url: `https://demo.tootty.example/system/media_attachments/files/small/${name}.png`,
                  remote_url: null,
                  preview_remote_url: null,
                  text_url: null,
                  meta: { small: { width: 320, height: 240, size: "320x240", aspect: 4 / 3 } },
                  description: "a generated picture",
                  blurhash: "LEHV6nWB2yk8pyo0adR*.7kCMdnj",
                },
              ]
            : [],
        },
      });
      await session.waitFor((s) => s !== before, "the streamed toot to show", 5000);
      const size = await settled(out);
      (picture ? withPicture : without).push(size - last);
      last = size;
    }
    session.send("q");
    await session.waitForExit();
  } finally {
    killAll();
  }
  const sample = decodePicture(preview(3))!;
  const cells = fitCells(320, 240, 60, 8);
  const kitty = kittyTransmit(
    1,
    resample(sample, Math.min(320, cells.cols * 10), Math.min(240, cells.rows * 20)),
    cells.cols,
    cells.rows,
  ).length;
  const { cold, warm } = await paintTimes();
  return {
    "bytes per streamed toot with a picture, half blocks, 200×50 (median)": `${kb(median(withPicture))} (without: ${kb(median(without))}; max ${kb(Math.max(...withPicture))} over ${TOOTS})`,
    "kitty transmission of a 320×240 preview at 60 columns (once per picture)": kb(kitty),
    "1000 toots with pictures, painted cold / warm": `${cold.toFixed(1)} / ${warm.toFixed(2)} ms`,
  };
}
