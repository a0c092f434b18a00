import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  type ApiNotification,
  type ApiStatus,
  type DemoInstance,
  startDemoInstance,
} from "../../src/demo/index.js";
import { openSocket, streamingUrl, subscribedSocket, type TestSocket, waitFor } from "./support.js";

describe("streaming: authentication", () => {
  let demo: DemoInstance;
  before(async () => {
    demo = await startDemoInstance({ generate: false, seedCount: 10 });
  });
  after(() => demo.close());

  const transports: Array<[string, (d: DemoInstance) => Promise<TestSocket>]> = [
    [
      "Authorization header",
      (d) => openSocket(streamingUrl(d), { headers: { Authorization: `Bearer ${d.token}` } }),
    ],
    ["Sec-WebSocket-Protocol", (d) => openSocket(streamingUrl(d), { protocols: [d.token] })],
    [
      "access_token query",
      (d) => openSocket(streamingUrl(d, `?access_token=${encodeURIComponent(d.token)}`)),
    ],
  ];
  for (const [name, open] of transports) {
    test(`accepts the token by ${name} and delivers to it`, async () => {
      const socket = await open(demo);
      try {
        socket.subscribe("public:local");
        socket.subscribe("probe:sync");
        await socket.next((f) => f.error !== undefined);
        const status = demo.control.publish("local");
        const frame = await socket.next((f) => f.event === "update");
        assert.equal((JSON.parse(frame.payload ?? "") as ApiStatus).id, status.id);
      } finally {
        socket.close();
      }
    });
  }

  test("echoes the token protocol back, as Mastodon does", async () => {
    const socket = await openSocket(streamingUrl(demo), { protocols: [demo.token] });
    assert.equal(socket.ws.protocol, demo.token);
    socket.close();
  });

  test("refuses a bad token at the upgrade with 401 and X-Error-Message", async () => {
    await assert.rejects(
      openSocket(streamingUrl(demo), { headers: { Authorization: "Bearer nope" } }),
      (err: { statusCode: number; headers: Record<string, string> }) => {
        assert.equal(err.statusCode, 401);
        assert.equal(err.headers["x-error-message"], "Invalid access token");
        return true;
      },
    );
    await assert.rejects(
      openSocket(streamingUrl(demo)),
      (err: { statusCode: number }) => err.statusCode === 401,
    );
  });
});

describe("streaming: subscriptions and frames", () => {
  let demo: DemoInstance;
  before(async () => {
    demo = await startDemoInstance({ generate: false, seedCount: 10 });
  });
  after(() => demo.close());

  test("a published status arrives with its payload as a JSON string, on every matching stream", async () => {
    const socket = await subscribedSocket(demo, ["public:local", "public"]);
    try {
      const status = demo.control.publish("local");
      const local = await socket.next((f) => f.stream?.[0] === "public:local");
      const all = await socket.next((f) => f.stream?.[0] === "public");
      for (const frame of [local, all]) {
        assert.equal(frame.event, "update");
        assert.equal(typeof frame.payload, "string");
        assert.equal((JSON.parse(frame.payload!) as ApiStatus).id, status.id);
      }
    } finally {
      socket.close();
    }
  });

  test("remote statuses go to public:remote and not to public:local", async () => {
    const socket = await subscribedSocket(demo, ["public:local", "public:remote"]);
    try {
      const status = demo.control.publish("federated");
      const frame = await socket.next((f) => f.event === "update");
      assert.deepEqual(frame.stream, ["public:remote"]);
      assert.equal((JSON.parse(frame.payload!) as ApiStatus).id, status.id);
      assert.equal(socket.frames.length, 0);
    } finally {
      socket.close();
    }
  });

  test("a delete arrives as the bare id string, never JSON", async () => {
    const socket = await subscribedSocket(demo, ["public:local"]);
    try {
      const status = demo.control.publish("local");
      await socket.next((f) => f.event === "update");
      demo.control.deleteStatus(status.id);
      const frame = await socket.next((f) => f.event === "delete");
      assert.equal(frame.payload, status.id);
    } finally {
      socket.close();
    }
  });

  test("an edit arrives as status.update with edited_at set", async () => {
    const socket = await subscribedSocket(demo, ["public:local"]);
    try {
      const status = demo.control.publish("local");
      demo.control.editStatus(status.id, "<p>edited</p>");
      const frame = await socket.next((f) => f.event === "status.update");
      const edited = JSON.parse(frame.payload!) as ApiStatus;
      assert.equal(edited.id, status.id);
      assert.equal(edited.content, "<p>edited</p>");
      assert.ok(edited.edited_at);
    } finally {
      socket.close();
    }
  });

  test("home statuses go to user; notifications go to user and user:notification", async () => {
    const socket = await subscribedSocket(demo, ["user", "user:notification"]);
    try {
      const status = demo.control.publish("home", { account: "alice", content: "<p>hi home</p>" });
      const update = await socket.next((f) => f.event === "update");
      assert.deepEqual(update.stream, ["user"]);
      assert.equal((JSON.parse(update.payload!) as ApiStatus).id, status.id);
      const n = demo.control.notify("follow");
      const first = await socket.next((f) => f.event === "notification");
      const second = await socket.next((f) => f.event === "notification");
      assert.deepEqual([first.stream, second.stream].map((s) => s?.[0]).sort(), [
        "user",
        "user:notification",
      ]);
      assert.equal((JSON.parse(first.payload!) as ApiNotification).id, n.id);
    } finally {
      socket.close();
    }
  });

  test("after unsubscribe nothing more arrives on that stream", async () => {
    const socket = await subscribedSocket(demo, ["public:local", "public:remote"]);
    try {
      socket.send({ type: "unsubscribe", stream: "public:local" });
      socket.subscribe("probe:sync");
      await socket.next((f) => f.error !== undefined);
      demo.control.publish("local");
      const remote = demo.control.publish("federated");
      const frame = await socket.next((f) => f.event === "update");
      // Frames are sent in order: had the local one been sent, it would have come first.
      assert.deepEqual(frame.stream, ["public:remote"]);
      assert.equal((JSON.parse(frame.payload!) as ApiStatus).id, remote.id);
    } finally {
      socket.close();
    }
  });

  test("an unknown stream gets an error frame without a stream key, and the socket stays open", async () => {
    const socket = await subscribedSocket(demo, []);
    try {
      socket.subscribe("public:nonsense");
      const error = await socket.next((f) => f.error !== undefined);
      assert.deepEqual(error, { error: "Unknown stream type", status: 400 });
      socket.subscribe("public:local");
      socket.subscribe("probe:sync");
      await socket.next((f) => f.error !== undefined);
      const status = demo.control.publish("local");
      const frame = await socket.next((f) => f.event === "update");
      assert.equal((JSON.parse(frame.payload!) as ApiStatus).id, status.id);
    } finally {
      socket.close();
    }
  });

  test("subscribing twice is ignored: one frame per status", async () => {
    const socket = await subscribedSocket(demo, ["public:local", "public:local", "public:remote"]);
    try {
      demo.control.publish("local");
      const remote = demo.control.publish("federated");
      await socket.next((f) => f.stream?.[0] === "public:local");
      const next = await socket.next((f) => f.event === "update");
      assert.equal((JSON.parse(next.payload!) as ApiStatus).id, remote.id);
    } finally {
      socket.close();
    }
  });

  test("hashtag streams echo the tag as the client sent it", async () => {
    const socket = await subscribedSocket(demo, []);
    try {
      socket.subscribe("hashtag", { tag: "TerminalLife" });
      socket.subscribe("probe:sync");
      await socket.next((f) => f.error !== undefined);
      demo.control.publish("local", { content: "<p>#terminallife</p>", tags: ["terminallife"] });
      const frame = await socket.next((f) => f.event === "update");
      assert.deepEqual(frame.stream, ["hashtag", "TerminalLife"]);
    } finally {
      socket.close();
    }
  });

  test("single-stream mode subscribes from the URL", async () => {
    const socket = await openSocket(streamingUrl(demo, "?stream=public:remote"), {
      protocols: [demo.token],
    });
    try {
      socket.subscribe("probe:sync");
      await socket.next((f) => f.error !== undefined);
      const status = demo.control.publish("federated");
      const frame = await socket.next((f) => f.event === "update");
      assert.deepEqual(frame.stream, ["public:remote"]);
      assert.equal((JSON.parse(frame.payload!) as ApiStatus).id, status.id);
    } finally {
      socket.close();
    }
  });

  test("public payloads leave out the viewer's flags; user payloads include them", async () => {
    const socket = await subscribedSocket(demo, ["public", "user"]);
    try {
      demo.control.publish("home", {
        account: "alice",
        content: "<p>both</p>",
        visibility: "public",
      });
      const pub = await socket.next((f) => f.stream?.[0] === "public");
      const user = await socket.next((f) => f.stream?.[0] === "user");
      assert.equal("favourited" in JSON.parse(pub.payload!), false);
      assert.equal(JSON.parse(user.payload!).favourited, false);
    } finally {
      socket.close();
    }
  });

  test("revoking a token closes its open sockets and refuses it afterwards", async () => {
    const socket = await subscribedSocket(demo, ["user"]);
    demo.control.revokeToken(demo.token);
    const closed = await waitFor(() => socket.closed, 3000, "close");
    assert.equal(closed.code, 1005);
    await assert.rejects(
      openSocket(streamingUrl(demo), { protocols: [demo.token] }),
      (err: { statusCode: number }) => err.statusCode === 401,
    );
    const res = await fetch(`${demo.url}/api/v1/timelines/home`, {
      headers: { Authorization: `Bearer ${demo.token}` },
    });
    assert.equal(res.status, 401);
  });
});

describe("streaming: rarer events", () => {
  let demo: DemoInstance;
  before(async () => {
    demo = await startDemoInstance({ generate: false, seedCount: 10 });
  });
  after(() => demo.close());

  test("filters_changed arrives on user with no payload key at all", async () => {
    const socket = await subscribedSocket(demo, ["user"]);
    try {
      demo.control.filtersChanged();
      const frame = await socket.next((f) => f.event === "filters_changed");
      assert.deepEqual(frame, { stream: ["user"], event: "filters_changed" });
    } finally {
      socket.close();
    }
  });

  test("a direct message reaches the direct stream as a conversation", async () => {
    const socket = await subscribedSocket(demo, ["direct"]);
    try {
      const dm = demo.control.publish("home", {
        account: "alice",
        content: "<p>psst</p>",
        visibility: "direct",
      });
      const frame = await socket.next((f) => f.event === "conversation");
      const conversation = JSON.parse(frame.payload!) as {
        last_status: ApiStatus;
        unread: boolean;
      };
      assert.equal(conversation.last_status.id, dm.id);
      assert.equal(conversation.unread, true);
    } finally {
      socket.close();
    }
  });
});
