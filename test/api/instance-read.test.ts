// Reading the instance on a server with only /api/v1/instance (Pleroma, Akkoma, Sharkey, snac):
// v1 is asked alongside v2, not after v2's 404, so a slow server costs one delay, not two, before
// the first toots (the session waits for the instance).
import assert from "node:assert/strict";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "node:test";
import { createRestClient } from "../../src/api/rest.js";

const V1 = {
  uri: "pl.example",
  title: "Pleroma",
  version: "2.7.2 (compatible; Pleroma 2.5.2)",
  max_toot_chars: 5000,
  urls: { streaming_api: "wss://pl.example" },
};

test("v1 is asked while v2 is still unanswered, and a v1-only server's instance is read from it", async () => {
  let heldV2: ServerResponse | undefined;
  let v1WhileV2Pending = false;
  const asked: string[] = [];
  const answerV2 = () => {
    heldV2?.writeHead(404, { "content-type": "application/json" });
    heldV2?.end(JSON.stringify({ error: "Not implemented" }));
    heldV2 = undefined;
  };
  const server = createServer((req, res) => {
    asked.push(req.url ?? "");
    if (req.url?.startsWith("/api/v2/instance")) {
      // Held until v1 is asked (or long enough that asking in turn shows).
      heldV2 = res;
      setTimeout(answerV2, 3_000).unref();
      return;
    }
    if (req.url?.startsWith("/api/v1/instance")) {
      if (heldV2) v1WhileV2Pending = true;
      answerV2();
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(V1));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const rest = createRestClient({ instanceUrl: url, accessToken: "t", maxRetries: 0 });
    const info = await rest.instance();
    assert.equal(info.maxCharacters, 5000, "the v1 answer's limit");
    assert.ok(v1WhileV2Pending, `v1 asked alongside v2, not after its 404: ${asked.join(", ")}`);
    rest.close();
  } finally {
    server.close();
  }
});
