// The REST client over real HTTP against a server that answers what a hostile or overloaded
// one would: a page nested 5 000 levels deep, and nginx's HTML 503 page.
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { ServerUnavailableError } from "../../src/api/errors.js";
import { createRestClient } from "../../src/api/rest.js";
import { statusJson } from "./helpers/fake-socket.js";

let server: Server;
let url = "";
let answer: { status: number; type: string; body: string } = { status: 200, type: "", body: "" };

before(async () => {
  server = createServer((_req, res) => {
    res.writeHead(answer.status, { "content-type": answer.type });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("REST bodies a server should never send", () => {
  test("a timeline page nested 5 000 levels deep reads as its toots, cut below the bound", async () => {
    const deep = `${"[".repeat(5_000)}${"]".repeat(5_000)}`;
    const status = JSON.stringify(statusJson("91", { spoiler_text: "cw", card: "CARD" }));
    answer = { status: 200, type: "application/json", body: `[${status.replace('"CARD"', deep)}]` };
    const rest = createRestClient({ instanceUrl: url, accessToken: "t", maxRetries: 0 });
    const page = await rest.timeline("local");
    assert.deepEqual(
      page.map((s) => s.id),
      ["91"],
    );
    assert.equal(page[0]!.spoilerText, "cw", "keys are camelCased as masto does");
    rest.close();
  });

  test("nginx's HTML 503 page keeps its status", async () => {
    answer = {
      status: 503,
      type: "text/html",
      body: "<html><head><title>503 Service Temporarily Unavailable</title></head></html>",
    };
    const rest = createRestClient({ instanceUrl: url, accessToken: "t", maxRetries: 0 });
    await assert.rejects(
      rest.timeline("home"),
      (err: unknown) => err instanceof ServerUnavailableError && err.status === 503,
    );
    rest.close();
  });
});
