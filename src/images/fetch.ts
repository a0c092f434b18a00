// Picture bytes from a server: https only (http to loopback, as everywhere in tootty), a
// timeout, and a byte cap enforced while reading, so a huge or endless body is cut off
// instead of filling memory.
import { isLoopback } from "../config/instance-url.js";
import { tl } from "../i18n/index.js";

/** Bytes accepted from a server for one picture. */
export const MAX_BYTES = 16 * 1024 * 1024;

export class PictureFetchError extends Error {}

export async function fetchPictureBytes(
  href: string,
  signal?: AbortSignal,
  timeoutMs = 15_000,
): Promise<Uint8Array> {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    throw new PictureFetchError("not a link");
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopback(url.hostname)))
    throw new PictureFetchError(tl("picture.notHttps"));
  const timeout = AbortSignal.timeout(timeoutMs);
  const res = await fetch(url, {
    signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    redirect: "follow",
    headers: { accept: "image/png,image/jpeg,image/gif;q=0.9,*/*;q=0.1" },
  });
  if (!res.ok || !res.body) {
    await res.body?.cancel().catch(() => {});
    throw new PictureFetchError(tl("picture.serverAnswered", { status: String(res.status) }));
  }
  const declared = Number(res.headers.get("content-length") ?? "0");
  if (declared > MAX_BYTES) {
    await res.body.cancel().catch(() => {});
    throw new PictureFetchError(tl("picture.tooLarge"));
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BYTES) {
      await reader.cancel().catch(() => {});
      throw new PictureFetchError(tl("picture.tooLarge"));
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
