// StreamManager on the real `ws` transport against a tiny hostile server of our own, which sends
// the malformed frames the simulated instance never would.
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { WebSocketServer } from "ws";
import { FakeClock } from "../../src/api/clock.js";
import { type StreamEvent, StreamManager } from "../../src/api/stream.js";
import { waitFor } from "../timeline/helpers/wait.js";
import { updateFrame } from "./helpers/fake-socket.js";

let server: WebSocketServer;
let url = "";
const seenAuth: Array<string | undefined> = [];
const seenPaths: string[] = [];

before(async () => {
  server = new WebSocketServer({ port: 0, host: "127.0.0.1" });
  await new Promise<void>((r) => server.once("listening", () => r()));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  server.on("connection", (socket, req) => {
    seenAuth.push(req.headers.authorization);
    seenPaths.push(req.url ?? "");
    socket.on("message", (data) => {
      const msg = JSON.parse(data.toString());
      if (msg.type !== "subscribe") return;
      const s = [msg.stream];
      socket.send("this is not json");
      socket.send(JSON.stringify({ stream: s, payload: "{}" }));
      socket.send(JSON.stringify({ stream: s, event: "update", payload: { id: "1" } }));
      socket.send(JSON.stringify({ stream: s, event: "update", payload: "{broken" }));
      socket.send(JSON.stringify({ stream: s, event: "emoji.rain", payload: "{}" }));
      socket.send(Buffer.from(updateFrame(s, "666")), { binary: true });
      socket.send(JSON.stringify({ stream: s, event: "update", payload: "x".repeat(1_500_000) }));
      socket.send(JSON.stringify({ stream: s, event: "delete", payload: "1099511627776123457" }));
      socket.send(updateFrame(s, "777"));
    });
  });
});

after(async () => {
  for (const c of server.clients) c.terminate();
  await new Promise<void>((r) => server.close(() => r()));
});

test("bad frames are ignored on a real socket, the stream keeps flowing and ids stay exact", async () => {
  const clock = new FakeClock();
  const manager = new StreamManager({ streamingUrl: url, accessToken: "tok", clock });
  const events: StreamEvent[] = [];
  manager.subscribe({ stream: "public" }, (ev) => {
    if (ev.kind !== "error" && ev.kind !== "opened") events.push(ev);
  });
  manager.start();
  try {
    await waitFor(() => events.length >= 2, "the two good frames");
    assert.deepEqual(
      events.map((e) =>
        e.kind === "delete"
          ? `delete ${e.id}`
          : e.kind === "update"
            ? `update ${e.status.id}`
            : e.kind,
      ),
      ["delete 1099511627776123457", "update 777"],
    );
    assert.equal(manager.state.kind, "live");
    assert.equal(manager.connectAttempts, 1);
    assert.equal(seenAuth[0], "Bearer tok");
    assert.equal(seenPaths[0], "/api/v1/streaming");
  } finally {
    manager.close();
  }
});
