// The demo's media host. A real server keeps attachments on a media host (often a CDN) and
// sends absolute URLs; the demo's world is seeded before it has a port, so its attachments
// name the demo domain and every JSON answer and stream frame is rewritten to this server's
// own origin on the way out. Pictures are drawn on request, the same for the same file name,
// and a few are broken on purpose, as pictures on the real network are: a PNG that claims
// 100 000 × 100 000 pixels, a truncated JPEG, an HTML page served as a PNG, and one that never
// finishes arriving.
import { createHash } from "node:crypto";
import type { ServerResponse } from "node:http";
import jpeg from "jpeg-js";
import { PNG } from "pngjs";
import { DEMO_DOMAIN } from "./accounts.js";

const MEDIA_PREFIX = `https://${DEMO_DOMAIN}/system/`;

export function localiseMediaUrls(json: string, origin: string | undefined): string {
  if (!origin || !json.includes(MEDIA_PREFIX)) return json;
  return json.replaceAll(MEDIA_PREFIX, `${origin}/system/`);
}

/** The origin a loopback request reached us at (the Host header), for the rewrite above. */
export function requestOrigin(host: string | undefined): string | undefined {
  return host && /^(127\.\d+\.\d+\.\d+|localhost|\[::1\]):\d+$/.test(host)
    ? `http://${host}`
    : undefined;
}

export const HOSTILE_PICTURES = ["huge", "truncated", "wrong-type", "endless"] as const;
export type HostilePicture = (typeof HOSTILE_PICTURES)[number];

const drawn = new Map<string, Buffer>();
const MAX_DRAWN = 64;

/** A picture for `name`: a gradient and a disc in colours derived from the name. */
function draw(name: string, width: number, height: number, format: "png" | "jpeg"): Buffer {
  const key = `${name}:${width}:${height}:${format}`;
  const found = drawn.get(key);
  if (found) return found;
  const h = createHash("sha256").update(name).digest();
  const data = Buffer.alloc(width * height * 4);
  const [r0, g0, b0, r1, g1, b1, cx, cy] = h;
  const radius = Math.min(width, height) * (0.2 + (h[8]! / 255) * 0.2);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = (x + y) / (width + height);
      const dx = x - (cx! / 255) * width;
      const dy = y - (cy! / 255) * height;
      const inDisc = dx * dx + dy * dy < radius * radius;
      const i = (y * width + x) * 4;
      data[i] = inDisc ? 255 - r0! : r0! + (r1! - r0!) * t;
      data[i + 1] = inDisc ? 255 - g0! : g0! + (g1! - g0!) * t;
      data[i + 2] = inDisc ? 255 - b0! : b0! + (b1! - b0!) * t;
      data[i + 3] = 255;
    }
  }
  let bytes: Buffer;
  if (format === "png") {
    const png = new PNG({ width, height });
    png.data = data;
    bytes = PNG.sync.write(png);
  } else {
    bytes = Buffer.from(jpeg.encode({ data, width, height }, 80).data);
  }
  drawn.set(key, bytes);
  if (drawn.size > MAX_DRAWN) drawn.delete(drawn.keys().next().value as string);
  return bytes;
}

/**
 * A test card whose picture is known cell for cell: red, green, blue and white quadrants
 * (64 × 48 pixels, the 4:3 of a phone photo), so a test can check what the terminal shows.
 */
function quadrants(): Buffer {
  const width = 64;
  const height = 48;
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const right = x >= width / 2;
      const bottom = y >= height / 2;
      const rgb = bottom
        ? right
          ? [255, 255, 255]
          : [0, 0, 255]
        : right
          ? [0, 255, 0]
          : [255, 0, 0];
      const i = (y * width + x) * 4;
      png.data[i] = rgb[0]!;
      png.data[i + 1] = rgb[1]!;
      png.data[i + 2] = rgb[2]!;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

function hostile(which: string): Buffer {
  if (which === "huge") {
    // A valid PNG signature and IHDR that declare 100 000 × 100 000 pixels (40 GB of RGBA).
    const png = draw("huge", 8, 8, "png");
    const out = Buffer.from(png);
    out.writeUInt32BE(100_000, 16);
    out.writeUInt32BE(100_000, 20);
    return out;
  }
  if (which === "truncated") {
    const full = draw("truncated", 320, 240, "jpeg");
    return full.subarray(0, Math.floor(full.length / 3));
  }
  return Buffer.from("<html><body><h1>502 Bad Gateway</h1></body></html>");
}

/** Serves GET /system/…; true when it answered. */
export function servePicture(path: string, res: ServerResponse): boolean {
  if (!path.startsWith("/system/")) return false;
  const name = path.slice("/system/".length);
  const hostileName = /^hostile\/([a-z-]+)\.png$/.exec(name)?.[1];
  if (hostileName === "endless") {
    // Headers, a PNG signature, then a trickle that never ends (until the client gives up).
    res.writeHead(200, { "Content-Type": "image/png" });
    res.write(draw("endless", 8, 8, "png").subarray(0, 16));
    const timer = setInterval(() => res.write(Buffer.alloc(64)), 200);
    res.on("close", () => clearInterval(timer));
    return true;
  }
  let bytes: Buffer;
  let type: string;
  if (name === "testcard/quadrants.png") {
    bytes = quadrants();
    type = "image/png";
  } else if (hostileName) {
    bytes = hostile(hostileName);
    type = "image/png";
  } else if (/^[\w/-]+\.(png|jpe?g)$/.test(name)) {
    // Previews are small (Mastodon's are ≤ 230 400 pixels), originals larger.
    const [w, h] = name.includes("/small/") ? [320, 240] : [800, 600];
    const png = name.endsWith(".png");
    bytes = draw(name, w, h, png ? "png" : "jpeg");
    type = png ? "image/png" : "image/jpeg";
  } else {
    res.writeHead(404, { "Content-Type": "text/plain" });
    res.end("Not found");
    return true;
  }
  res.writeHead(200, {
    "Content-Type": type,
    "Content-Length": String(bytes.length),
    "Cache-Control": "public, max-age=31536000, immutable",
  });
  res.end(bytes);
  return true;
}
