// Media uploads through the REST client against a real local server, whose multipart body is
// read back with an independent parser (undici's Response.formData, in this test process
// only): the file's name, type and bytes, the other fields snake_cased and flattened as
// masto's serializer does, the token in the header, a refusal keeping its status; and the
// upload loads no undici into tootty's process.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { promisify } from "node:util";
import { uploadMedia } from "../../src/api/media.js";
import { createRestClient } from "../../src/api/rest.js";

interface Seen {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  form: FormData;
}

let server: Server;
let base = "";
const seen: Seen[] = [];
let answer: { status: number; body: unknown } = { status: 200, body: {} };

before(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const type = req.headers["content-type"] ?? "";
      const form = type.startsWith("multipart/form-data")
        ? await new Response(Buffer.concat(chunks), {
            headers: { "content-type": type },
          }).formData()
        : new FormData();
      seen.push({ method: req.method!, path: req.url!, headers: req.headers, form });
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => new Promise<void>((resolve) => server.close(() => resolve())));

const processed = { id: "42", type: "image", url: "https://files.example/42.png" };
/** A PNG's signature and a few bytes that are not UTF-8, so any text mangling shows. */
const BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00, 0xc3]);

function pictureFile(name: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "tootty-upload-")), name);
  writeFileSync(path, BYTES);
  return path;
}

describe("media uploads over node:http", () => {
  test("the file arrives whole, with its name and type, and the token in the header", async () => {
    answer = { status: 200, body: processed };
    const rest = createRestClient({
      instanceUrl: base,
      accessToken: "upload-token",
      maxRetries: 0,
    });
    const got = await uploadMedia(rest, pictureFile('cat "1".png'));
    assert.deepEqual(got, { id: "42" });
    const req = seen.findLast((r) => r.method === "POST")!;
    assert.equal(req.path, "/api/v2/media");
    assert.equal(req.headers.authorization, "Bearer upload-token");
    const file = req.form.get("file") as File;
    assert.ok(file instanceof Blob, "a file part");
    // Sent as %22 (the HTML standard's multipart encoding), read back as the quote.
    assert.equal(file.name, 'cat "1".png');
    assert.equal(file.type, "image/png");
    assert.deepEqual(Buffer.from(await file.arrayBuffer()), BYTES);
  });

  test("other fields are snake_cased and flattened as masto's serializer does", async () => {
    answer = { status: 200, body: processed };
    const rest = createRestClient({ instanceUrl: base, accessToken: "t", maxRetries: 0 });
    await rest.request({
      method: "POST",
      path: "/api/v2/media",
      params: {
        file: new Blob([BYTES]),
        description: "first line\nsecond",
        focusPoint: { xAxis: 0.5, yAxis: -1 },
        tags: ["a", "b"],
      },
    });
    const form = seen.findLast((r) => r.method === "POST")!.form;
    assert.deepEqual(
      [...form.keys()],
      ["file", "description", "focus_point[x_axis]", "focus_point[y_axis]", "tags[0]", "tags[1]"],
    );
    assert.equal((form.get("file") as File).name, "blob");
    assert.equal((form.get("file") as File).type, "application/octet-stream");
    // Line breaks in a text field travel as CRLF (the HTML standard's encoding).
    assert.equal(form.get("description"), "first line\r\nsecond");
    assert.equal(form.get("focus_point[x_axis]"), "0.5");
    assert.equal(form.get("focus_point[y_axis]"), "-1");
    assert.equal(form.get("tags[1]"), "b");
  });

  test("a refused upload keeps the server's status and message", async () => {
    answer = {
      status: 422,
      body: { error: "Validation failed: File has an extension that is not allowed" },
    };
    const rest = createRestClient({ instanceUrl: base, accessToken: "t", maxRetries: 0 });
    await assert.rejects(uploadMedia(rest, pictureFile("x.png")), (err: unknown) => {
      const e = err as { status?: number; serverMessage?: string };
      assert.equal(e.status, 422);
      assert.match(String(e.serverMessage), /extension that is not allowed/);
      return true;
    });
  });

  test("an upload loads no undici: fetch's HTTP parser stays out of the process", async () => {
    answer = { status: 200, body: processed };
    const url = (p: string) => JSON.stringify(new URL(p, import.meta.url).href);
    const code = `
      const { createRestClient } = await import(${url("../../src/api/rest.ts")});
      const { uploadMedia } = await import(${url("../../src/api/media.ts")});
      const rest = createRestClient({ instanceUrl: ${JSON.stringify(base)}, accessToken: "t", maxRetries: 0 });
      const got = await uploadMedia(rest, ${JSON.stringify(pictureFile("y.png"))});
      const undici = process.moduleLoadList.some((m) => m.includes("undici"));
      process.stdout.write(JSON.stringify({ got, undici }));`;
    // Not spawnSync: this process's server answers the child's upload.
    const run = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "--input-type=module", "-e", code],
      { encoding: "utf8", timeout: 60_000 },
    );
    const out = JSON.parse(run.stdout) as { got: unknown; undici: boolean };
    assert.deepEqual(out.got, { id: "42" });
    assert.equal(out.undici, false, "undici was loaded");
  });
});
