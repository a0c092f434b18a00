// iTerm2's inline images (OSC 1337 File=…; https://iterm2.com/documentation-images.html) and
// sixel (DEC's bitmap graphics, through the `sixel` package's quantising encoder). Both paint
// pixels at the cursor, outside the text grid: the UI reserves blank cells for them and draws
// them after a frame only where their cells changed (see ui/shell/picture-overlay.ts).
import type { Rgb } from "./scale.js";

function rgba(dots: Rgb): Uint8Array {
  const out = new Uint8Array(dots.width * dots.height * 4);
  for (let i = 0, o = 0; i < dots.data.length; i += 3, o += 4) {
    out[o] = dots.data[i]!;
    out[o + 1] = dots.data[i + 1]!;
    out[o + 2] = dots.data[i + 2]!;
    out[o + 3] = 255;
  }
  return out;
}

export type ItermEncoder = (dots: Rgb, cols: number, rows: number) => string;

/** The encoder, loaded only where iTerm2's protocol is in use: pngjs is not needed elsewhere. */
export async function loadItermEncoder(): Promise<ItermEncoder> {
  const { PNG } = await import("pngjs");
  return (dots, cols, rows) => {
    const png = new PNG({ width: dots.width, height: dots.height });
    png.data = Buffer.from(rgba(dots));
    const data = PNG.sync.write(png).toString("base64");
    return `\x1b]1337;File=inline=1;size=${Math.ceil((data.length * 3) / 4)};width=${cols};height=${rows};preserveAspectRatio=0:${data}\x07`;
  };
}

export type SixelEncoder = (dots: Rgb) => string;

/**
 * The encoder, loaded only where sixel is in use. The `sixel` package's bundled UPNG assigns
 * an undeclared global, which a strict-mode ESM bundle refuses: it stays outside the bundle
 * (scripts/build.mjs) and loads as the CommonJS module it is.
 */
export async function loadSixelEncoder(): Promise<SixelEncoder> {
  const { image2sixel } = await import("sixel");
  return (dots) => image2sixel(rgba(dots), dots.width, dots.height, 256, 1);
}
