// Picture bytes → RGBA pixels. The bytes come from a server and are hostile until proven
// otherwise: the format is sniffed from the magic bytes (never from a Content-Type or a file
// name), the pixel count is bounded before anything is allocated, and every decoder failure
// becomes `null`, never an exception that reaches the caller. The decoders are loaded with the
// first picture (src/images/pictures.ts), not at start-up.
import jpeg from "jpeg-js";
import omggif from "omggif";
import { PNG } from "pngjs";
import { MAX_BYTES } from "./fetch.js";

export interface Rgba {
  width: number;
  height: number;
  /** width × height × 4 bytes, row-major, straight (not premultiplied) alpha. */
  data: Uint8Array;
}

export type PictureFormat = "png" | "jpeg" | "gif" | "webp" | "unknown";

/** Mastodon's own cap for originals is 8 294 400 pixels (3840×2160); previews are far smaller. */
export const MAX_PIXELS = 16_000_000;

export function sniffFormat(bytes: Uint8Array): PictureFormat {
  const b = bytes;
  if (b.length >= 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47)
    return "png";
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
  if (b.length >= 6 && b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) return "gif";
  if (
    b.length >= 12 &&
    b[0] === 0x52 &&
    b[1] === 0x49 &&
    b[2] === 0x46 &&
    b[3] === 0x46 &&
    b[8] === 0x57 &&
    b[9] === 0x45 &&
    b[10] === 0x42 &&
    b[11] === 0x50
  )
    return "webp";
  return "unknown";
}

/** The declared size, read from the header alone, so a decompression bomb is refused unread. */
export function declaredSize(bytes: Uint8Array): { width: number; height: number } | null {
  const format = sniffFormat(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (format === "png" && bytes.length >= 24)
      return { width: view.getUint32(16), height: view.getUint32(20) };
    if (format === "gif" && bytes.length >= 10)
      return { width: view.getUint16(6, true), height: view.getUint16(8, true) };
    if (format === "jpeg") return jpegSize(bytes, view);
  } catch {
    return null;
  }
  return null;
}

function jpegSize(bytes: Uint8Array, view: DataView): { width: number; height: number } | null {
  // Walk the markers to the first start-of-frame (SOF0–SOF15 but DHT/JPG/DAC).
  let at = 2;
  for (let guard = 0; guard < 10_000 && at + 9 < bytes.length; guard++) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    const length = view.getUint16(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    if (length < 2) return null;
    at += 2 + length;
  }
  return null;
}

export interface Decoded extends Rgba {
  format: PictureFormat;
  /** An animated GIF (only its first frame is decoded). */
  animated: boolean;
}

export function decodePicture(bytes: Uint8Array): Decoded | null {
  if (bytes.length === 0 || bytes.length > MAX_BYTES) return null;
  const format = sniffFormat(bytes);
  const size = declaredSize(bytes);
  if (!size || size.width <= 0 || size.height <= 0) return null;
  if (size.width * size.height > MAX_PIXELS) return null;
  try {
    if (format === "png") {
      const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return { format, animated: false, width: png.width, height: png.height, data: png.data };
    }
    if (format === "jpeg") {
      const img = jpeg.decode(bytes, {
        useTArray: true,
        formatAsRGBA: true,
        maxResolutionInMP: MAX_PIXELS / 1_000_000,
        maxMemoryUsageInMB: 256,
      });
      return { format, animated: false, width: img.width, height: img.height, data: img.data };
    }
    if (format === "gif") {
      const gif = new omggif.GifReader(
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      );
      const data = new Uint8Array(gif.width * gif.height * 4);
      gif.decodeAndBlitFrameRGBA(0, data);
      return { format, animated: gif.numFrames() > 1, width: gif.width, height: gif.height, data };
    }
  } catch {
    return null;
  }
  return null;
}
