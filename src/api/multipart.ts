// A multipart/form-data body (RFC 7578) for the REST client's uploads, encoded as the HTML
// standard's "multipart/form-data encoding algorithm" does and as undici's FormData sent it:
// in a name or file name `"` becomes %22 and CR, LF %0D, %0A; a text value's line breaks
// become CRLF; a file part names its file ("blob" for a bare Blob) and its type
// (application/octet-stream when it has none). Built here so an upload does not go through
// fetch: Node 20's FormData and fetch are undici's, and the first fetch compiles its
// WebAssembly HTTP parser, ~12 MB of RSS that stays (http-exchange.ts).

export type FormValue = string | Blob;

const escapeName = (s: string) =>
  s.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const crlf = (s: string) => s.replace(/\r(?!\n)|(?<!\r)\n/g, "\r\n");

/**
 * `bytes` random bytes as hex, from Web Crypto's global rather than node:crypto, which would
 * load at every start (~3.5 ms) for what only an upload needs.
 */
export function randomHex(bytes: number): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(bytes))).toString("hex");
}

export async function multipartBody(
  fields: ReadonlyArray<readonly [string, FormValue]>,
): Promise<{ body: Buffer; contentType: string }> {
  const boundary = `----tootty-${randomHex(16)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of fields) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(crlf(name))}"`;
    if (typeof value === "string") {
      parts.push(Buffer.from(`${head}\r\n\r\n${crlf(value)}\r\n`));
      continue;
    }
    const fileName = value instanceof File ? value.name : "blob";
    head += `; filename="${escapeName(fileName)}"\r\nContent-Type: ${value.type || "application/octet-stream"}\r\n\r\n`;
    parts.push(Buffer.from(head), Buffer.from(await value.arrayBuffer()), Buffer.from("\r\n"));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
