// The REST client over real HTTP against a server that answers what a hostile or overloaded
// one would: a page nested 5 000 levels deep, and nginx's HTML 503 page.
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import {
  describeError,
  HttpError,
  NotSupportedError,
  ServerUnavailableError,
} from "../../src/api/errors.js";
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

describe("error answers that are not JSON", () => {
  test("Hollo's text/plain 404 reads as a missing endpoint, asked once, not as an unavailable server", async () => {
    let asked = 0;
    const plain = createServer((_req, res) => {
      asked++;
      // Hono's default notFound handler (Hollo is built on Hono): text/plain "404 Not Found".
      res.writeHead(404, { "content-type": "text/plain; charset=UTF-8" });
      res.end("404 Not Found");
    });
    await new Promise<void>((resolve) => plain.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
    const rest = createRestClient({ instanceUrl: base, accessToken: "t" });
    try {
      await assert.rejects(
        rest.request({ method: "GET", path: "/api/v1/conversations" }),
        (err: unknown) => err instanceof HttpError && err.status === 404,
      );
      assert.equal(asked, 1, "a 404 is an answer: it is not retried like an outage");
      await assert.rejects(
        rest.request({ method: "GET", path: "/api/v1/markers", feature: "markers" }),
        (err: unknown) =>
          err instanceof NotSupportedError && describeError(err) === "not supported by this server",
      );
      assert.equal(rest.profile.supports("markers"), false);
    } finally {
      rest.close();
      await new Promise<void>((resolve) => plain.close(() => resolve()));
    }
  });

  test("a text/plain 502 keeps its status", async () => {
    answer = { status: 502, type: "text/plain", body: "Bad Gateway" };
    const rest = createRestClient({ instanceUrl: url, accessToken: "t", maxRetries: 0 });
    await assert.rejects(
      rest.timeline("home"),
      (err: unknown) => err instanceof ServerUnavailableError && err.status === 502,
    );
    rest.close();
  });
  // Sharkey's Mastodon API (MastodonLogger.ts) and Doorkeeper's OAuth errors put a code in
  // `error` and the sentence in `error_description`.
  test("a refusal with error_description says the server's sentence, not only its code", async () => {
    answer = {
      status: 400,
      type: "application/json",
      body: JSON.stringify({
        error: "MAX_LENGTH",
        error_description: "You tried posting a note which is too long.",
      }),
    };
    const rest = createRestClient({ instanceUrl: url, accessToken: "t", maxRetries: 0 });
    await assert.rejects(rest.timeline("home"), (err: unknown) => {
      const said = describeError(err);
      return (
        err instanceof HttpError &&
        said.includes("You tried posting a note which is too long.") &&
        said.includes("MAX_LENGTH")
      );
    });
    answer = { status: 422, type: "application/json", body: '{"error":"Validation failed"}' };
    await assert.rejects(
      rest.timeline("home"),
      (err: unknown) => err instanceof HttpError && err.serverMessage === "Validation failed",
    );
    rest.close();
  });
});
