// A 404 on a toot's endpoint (edit history, translation) is about the toot or about the
// endpoint. Mastodon says which ("Record not found" is the toot's); GoToSocial answers
// `{"error":"Not Found"}` for both (internal/api/util/errorhandling.go NotFoundHandler), so a
// deleted toot must not teach tootty that the server has no edit history, nor a missing
// endpoint read as a deleted toot.
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { statusHistory } from "../../src/api/actions.js";
import { HttpError, NotSupportedError } from "../../src/api/errors.js";
import { createRestClient } from "../../src/api/rest.js";
import { type DemoInstance, startDemoInstance } from "../../src/demo/index.js";

let server: Server;
let url: string;
let historyHere = true;
const asked: string[] = [];

before(async () => {
  // GoToSocial's answers: "kept" exists, "gone" was deleted; history exists while historyHere.
  server = createServer((req, res) => {
    asked.push(`${req.method} ${req.url}`);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const notFound = () => send(404, { error: "Not Found" });
    const m = /^\/api\/v1\/statuses\/([^/?]+)(\/history)?/.exec(req.url ?? "");
    if (!m || m[1] === "gone") return notFound();
    if (m[2] && !historyHere) return notFound();
    if (m[2]) return send(200, [{ content: "<p>v1</p>", created_at: "2026-01-01T00:00:00Z" }]);
    return send(200, { id: m[1], content: "<p>kept</p>" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

const client = () => createRestClient({ instanceUrl: url, accessToken: "t", maxRetries: 0 });

test("a deleted toot's 404 on a server whose 404s all read 'Not Found' stays the toot's: history is still there", async () => {
  historyHere = true;
  const rest = client();
  await assert.rejects(
    statusHistory(rest, "gone"),
    (e) => e instanceof HttpError && e.status === 404 && !(e instanceof NotSupportedError),
  );
  assert.notEqual(rest.profile.known("statusHistory"), false, "not learned as missing");
  const edits = await statusHistory(rest, "kept");
  assert.equal(edits.length, 1, "the next toot's history is asked and shown");
});

test("a missing history endpoint on such a server is 'not supported', learned once, not a deleted toot", async () => {
  historyHere = false;
  const rest = client();
  await assert.rejects(statusHistory(rest, "kept"), (e) => e instanceof NotSupportedError);
  assert.equal(rest.profile.known("statusHistory"), false);
  asked.length = 0;
  await assert.rejects(statusHistory(rest, "kept"), (e) => e instanceof NotSupportedError);
  assert.deepEqual(asked, [], "not asked again");
});

let demo: DemoInstance;
test("the demo's gotosocial flavour answers 404s as GoToSocial does, a missing route and a missing toot alike", async () => {
  demo = await startDemoInstance({ generate: false, seedCount: 3, flavour: "gotosocial" });
  try {
    const get = async (path: string) => {
      const res = await fetch(`${demo.url}${path}`, {
        headers: { authorization: `Bearer ${demo.token}` },
      });
      return { status: res.status, body: await res.json() };
    };
    const [first] = (await get("/api/v1/timelines/home?limit=1")).body as Array<{ id: string }>;
    assert.ok(first);
    assert.deepEqual(await get(`/api/v1/statuses/${first.id}/history`), {
      status: 404,
      body: { error: "Not Found" },
    });
    assert.deepEqual(await get("/api/v1/statuses/01NOSUCHTOOT0000000000000/"), {
      status: 404,
      body: { error: "Not Found" },
    });
    assert.deepEqual(await get("/api/v1/statuses/01NOSUCHTOOT0000000000000"), {
      status: 404,
      body: { error: "Not Found" },
    });
    const rest = createRestClient({
      instanceUrl: demo.url,
      accessToken: demo.token,
      maxRetries: 0,
    });
    await assert.rejects(statusHistory(rest, first.id), (e) => e instanceof NotSupportedError);
  } finally {
    await demo.close();
  }
});
