// Resampling to the cells a picture gets: an area average (each target pixel is the mean of
// the source pixels it covers), composited over the pane's background, so a 640×480 preview
// folds to 80×40 dots without aliasing and transparent PNGs do not turn black.
import type { Rgba } from "./decode.js";

export interface Rgb {
  width: number;
  height: number;
  /** width × height × 3 bytes. */
  data: Uint8Array;
}

export function resample(
  src: Rgba,
  width: number,
  height: number,
  background: readonly [number, number, number] = [0, 0, 0],
): Rgb {
  const w = Math.max(1, Math.floor(width));
  const h = Math.max(1, Math.floor(height));
  const out = new Uint8Array(w * h * 3);
  const sx = src.width / w;
  const sy = src.height / h;
  for (let y = 0; y < h; y++) {
    const y0 = y * sy;
    const y1 = Math.max(y0 + 1e-9, (y + 1) * sy);
    for (let x = 0; x < w; x++) {
      const x0 = x * sx;
      const x1 = Math.max(x0 + 1e-9, (x + 1) * sx);
      let r = 0;
      let g = 0;
      let b = 0;
      let total = 0;
      for (let yy = Math.floor(y0); yy < Math.min(src.height, Math.ceil(y1)); yy++) {
        const wy = Math.min(y1, yy + 1) - Math.max(y0, yy);
        for (let xx = Math.floor(x0); xx < Math.min(src.width, Math.ceil(x1)); xx++) {
          const wx = Math.min(x1, xx + 1) - Math.max(x0, xx);
          const weight = wx * wy;
          const i = (yy * src.width + xx) * 4;
          const a = src.data[i + 3]! / 255;
          r += weight * (src.data[i]! * a + background[0] * (1 - a));
          g += weight * (src.data[i + 1]! * a + background[1] * (1 - a));
          b += weight * (src.data[i + 2]! * a + background[2] * (1 - a));
          total += weight;
        }
      }
      const o = (y * w + x) * 3;
      out[o] = Math.round(r / total);
      out[o + 1] = Math.round(g / total);
      out[o + 2] = Math.round(b / total);
    }
  }
  return { width: w, height: h, data: out };
}

/**
 * The cells a picture of `pw`×`ph` pixels takes at most `maxCols` wide and `maxRows` high,
 * keeping its aspect: a terminal cell is about twice as high as it is wide.
 */
export function fitCells(
  pw: number,
  ph: number,
  maxCols: number,
  maxRows: number,
): { cols: number; rows: number } {
  const aspect = pw > 0 && ph > 0 ? ph / pw : 0.75;
  let cols = Math.max(1, Math.floor(maxCols));
  let rows = Math.max(1, Math.round((cols * aspect) / 2));
  if (rows > maxRows) {
    rows = Math.max(1, Math.floor(maxRows));
    cols = Math.max(1, Math.min(cols, Math.round((rows * 2) / aspect)));
  }
  return { cols, rows };
}
