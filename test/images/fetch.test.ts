// Picture bytes over node:http, against a real local server: the bytes as sent, redirects,
// a server's refusal, the byte cap (declared and streamed), and what the first picture costs.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { fetchPictureBytes, MAX_BYTES, PictureFetchError } from "../../src/images/fetch.js";

let server: Server;
let base = "";
let handle: (req: IncomingMessage, res: ServerResponse) => void = (_q, r) => r.end();

before(async () => {
  server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 0xff]);

describe("fetchPictureBytes", () => {
  test("gives the bytes the server sent, after a redirect", async () => {
    handle = (req, res) => {
      if (req.url === "/old") {
        res.writeHead(302, { location: "/p.png" }).end();
        return;
      }
      res.writeHead(200, { "content-type": "image/png" }).end(PNG_BYTES);
    };
    const bytes = await fetchPictureBytes(`${base}/old`);
    assert.deepEqual(Buffer.from(bytes), PNG_BYTES);
  });

  test("a refusal names the server's status", async () => {
    handle = (_q, res) => res.writeHead(404).end("gone");
    await assert.rejects(fetchPictureBytes(`${base}/p.png`), (err: unknown) => {
      assert.ok(err instanceof PictureFetchError);
      assert.match(err.message, /404/);
      return true;
    });
  });

  test("a body over the cap is refused, whether it says its length or not", async () => {
    const tooLarge = (err: unknown) =>
      err instanceof PictureFetchError && /large/i.test(err.message);
    handle = (_q, res) => {
      res.writeHead(200, { "content-length": String(MAX_BYTES + 1) });
      res.write(Buffer.alloc(1024));
    };
    await assert.rejects(fetchPictureBytes(`${base}/declared.png`), tooLarge);
    handle = (_q, res) => {
      res.writeHead(200);
      const chunk = Buffer.alloc(1024 * 1024);
      let sent = 0;
      const more = () => {
        while (sent <= MAX_BYTES && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", more);
        }
        res.end();
      };
      more();
    };
    await assert.rejects(fetchPictureBytes(`${base}/endless.png`), tooLarge);
  });

  test("a picture from another server over plain http is refused unread", async () => {
    await assert.rejects(fetchPictureBytes("http://example.com/p.png"), PictureFetchError);
  });

  test("the first picture does not compile fetch's WebAssembly HTTP parser", () => {
    // In a fresh process: undici (Node's fetch) is loaded on first use, and compiling its
    // parser peaks at ~30 MB of V8's malloc, which the allocator keeps as RSS.
    const script = `
      import { createServer } from "node:http";
      import { getHeapStatistics } from "node:v8";
      const { fetchPictureBytes } = await import(${JSON.stringify(new URL("../../src/images/fetch.ts", import.meta.url).href)});
      const server = createServer((_q, r) => r.end("x")).listen(0, "127.0.0.1", async () => {
        // fetch() loads undici as it is called: once the bytes are back, the list is final.
        await fetchPictureBytes("http://127.0.0.1:" + server.address().port + "/p.png");
        const undici = process.moduleLoadList.some((m) => m.includes("undici"));
        process.stdout.write(JSON.stringify({ undici, peakMalloced: getHeapStatistics().peak_malloced_memory }));
        server.close();
      });`;
    const out = JSON.parse(
      execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
        encoding: "utf8",
        timeout: 60_000,
      }),
    ) as { undici: boolean; peakMalloced: number };
    assert.equal(out.undici, false, "undici was loaded");
    assert.ok(
      out.peakMalloced < 16 * 1024 * 1024,
      `${out.peakMalloced} bytes malloced at the peak`,
    );
  });
});
