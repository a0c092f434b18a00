import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import jpeg from "jpeg-js";
import omggif from "omggif";
import { PNG } from "pngjs";
import { declaredSize, decodePicture, MAX_PIXELS, sniffFormat } from "../../src/images/decode.js";

function png(width: number, height: number, rgba: [number, number, number, number]): Buffer {
  const img = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) img.data.set(rgba, i * 4);
  return PNG.sync.write(img);
}

describe("decoding pictures from a server", () => {
  test("PNG, JPEG and GIF decode to RGBA of their own size", () => {
    const p = decodePicture(png(7, 5, [10, 200, 30, 255]));
    assert.equal(p?.format, "png");
    assert.deepEqual([p?.width, p?.height], [7, 5]);
    assert.deepEqual([...(p?.data.slice(0, 4) ?? [])], [10, 200, 30, 255]);

    const data = Buffer.alloc(16 * 8 * 4, 255);
    const j = decodePicture(jpeg.encode({ data, width: 16, height: 8 }, 90).data);
    assert.equal(j?.format, "jpeg");
    assert.deepEqual([j?.width, j?.height], [16, 8]);

    const gifBytes = Buffer.alloc(1024);
    const writer = new omggif.GifWriter(gifBytes, 4, 3, { palette: [0xff0000, 0x00ff00], loop: 0 });
    writer.addFrame(0, 0, 4, 3, new Array(12).fill(1), { delay: 10 });
    writer.addFrame(0, 0, 4, 3, new Array(12).fill(0), { delay: 10 });
    const g = decodePicture(gifBytes.subarray(0, writer.end()));
    assert.equal(g?.format, "gif");
    assert.equal(g?.animated, true, "two frames: an animation, of which the first is shown");
    assert.deepEqual([...(g?.data.slice(0, 3) ?? [])], [0, 255, 0]);
  });

  test("the format comes from the bytes, not from what the server calls them", () => {
    assert.equal(sniffFormat(Buffer.from("<html>502 Bad Gateway</html>")), "unknown");
    assert.equal(decodePicture(Buffer.from("<html>502 Bad Gateway</html>")), null);
  });

  test("a PNG declaring 100 000 × 100 000 pixels is refused before anything is allocated", () => {
    const bytes = png(8, 8, [0, 0, 0, 255]);
    bytes.writeUInt32BE(100_000, 16);
    bytes.writeUInt32BE(100_000, 20);
    assert.deepEqual(declaredSize(bytes), { width: 100_000, height: 100_000 });
    assert.ok(100_000 * 100_000 > MAX_PIXELS);
    assert.equal(decodePicture(bytes), null);
  });

  test("truncated pictures decode to null, never throw", () => {
    const full = jpeg.encode(
      { data: Buffer.alloc(64 * 64 * 4, 128), width: 64, height: 64 },
      80,
    ).data;
    for (const cut of [3, 10, 100, Math.floor(full.length / 2), full.length - 2]) {
      assert.doesNotThrow(() => decodePicture(full.subarray(0, cut)));
    }
    const p = png(32, 32, [1, 2, 3, 255]);
    for (const cut of [8, 20, 33, p.length - 5])
      assert.doesNotThrow(() => decodePicture(p.subarray(0, cut)));
  });

  test("any bytes at all: null or a picture within bounds, never an exception", () => {
    const magic = fc.constantFrom(
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      [0xff, 0xd8, 0xff],
      [0x47, 0x49, 0x46, 0x38, 0x39, 0x61],
      [],
    );
    fc.assert(
      fc.property(magic, fc.uint8Array({ maxLength: 600 }), (head, tail) => {
        const out = decodePicture(Uint8Array.from([...head, ...tail]));
        if (out) assert.ok(out.width * out.height <= MAX_PIXELS);
      }),
      { numRuns: 800 },
    );
  });
});
