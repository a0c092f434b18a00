// Picture bytes from a server: https only (http to loopback, as everywhere in tootty), a
// timeout, and a byte cap enforced while reading, so a huge or endless body is cut off
// instead of filling memory. Over node:http (api/http-exchange.ts), not fetch: the first
// fetch compiles undici's WebAssembly HTTP parser, ~12 MB of RSS that stays.
import { NetworkError } from "../api/errors.js";
import { exchangeBytes, type HttpBytesAnswer, TOO_LARGE } from "../api/http-exchange.js";
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
  let answer: HttpBytesAnswer;
  try {
    answer = await exchangeBytes({
      method: "GET",
      url,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      headers: { accept: "image/png,image/jpeg,image/gif;q=0.9,*/*;q=0.1" },
      maxBytes: MAX_BYTES,
    });
  } catch (err) {
    if (err instanceof NetworkError && err.detail === TOO_LARGE)
      throw new PictureFetchError(tl("picture.tooLarge"));
    throw err;
  }
  if (answer.status < 200 || answer.status > 299)
    throw new PictureFetchError(tl("picture.serverAnswered", { status: String(answer.status) }));
  return new Uint8Array(answer.bytes.buffer, answer.bytes.byteOffset, answer.bytes.byteLength);
}
