// Posting through the real REST client against the simulated instance: the draft's key
// makes a retried POST safe, edits PUT the source, completion finds accounts and emojis.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { completer } from "../../src/api/completion.js";
import { createRestClient, type RestClient } from "../../src/api/rest.js";
import { editStatus, postingApi, postStatus, statusSource } from "../../src/api/statuses.js";
import { newDraft } from "../../src/compose/drafts.js";
import { submitDraft } from "../../src/compose/post.js";
import { type DemoInstance, startDemoInstance } from "../../src/demo/index.js";
import { htmlToText } from "../../src/render/plain-text.js";

let demo: DemoInstance;
let rest: RestClient;
before(async () => {
  demo = await startDemoInstance({ generate: false, seedCount: 20 });
  rest = createRestClient({ instanceUrl: demo.url, accessToken: demo.token, random: () => 0 });
  // The session reads NodeInfo at start; a retry with the key is trusted only on a known server.
  await rest.software();
});
after(async () => {
  rest.close();
  await demo.close();
});

const statusPosts = () =>
  demo.control.requestLog().filter((e) => e.method === "POST" && e.path === "/api/v1/statuses");

describe("posting", () => {
  test("a dropped answer is retried with the same key and the toot exists once", async () => {
    const before = statusPosts().length;
    demo.control.dropPostAfterStore(1);
    const draft = newDraft({ text: "retry me once" });
    const result = await submitDraft(draft, postingApi(rest), 500);
    assert.equal(result.ok, true);
    assert.equal(statusPosts().length - before, 2, "sent twice");
    const home = await rest.timeline("home", { limit: 40 });
    assert.equal(home.filter((s) => s.content.includes("retry me once")).length, 1);
  });

  test("the server's 422 text reaches the user and the draft is not removed", async () => {
    let removed = false;
    const draft = newDraft({
      text: "x",
      inReplyToId: null,
      poll: { options: ["a"], expiresIn: 600, multiple: false },
    });
    const result = await submitDraft(draft, postingApi(rest), 500, {
      store: { remove: () => (removed = true) },
    });
    assert.equal(result.ok, false);
    assert.match(
      !result.ok ? result.message : "",
      /Not posted: .*Poll options must have more than one item/,
    );
    assert.equal(removed, false);
  });

  test("a scheduled toot answers with its ScheduledStatus", async () => {
    const at = new Date(Date.now() + 2 * 3_600_000).toISOString();
    const posted = await postStatus(rest, { status: "tomorrow", scheduledAt: at }, "sched-key-1");
    assert.equal(posted.scheduled, true);
  });

  test("an edit reads the source and PUTs the new text", async () => {
    const posted = await postStatus(rest, { status: "first version" }, "edit-key-1");
    const source = await statusSource(rest, posted.id);
    assert.equal(source.text, "first version");
    await editStatus(rest, posted.id, {
      status: "second version",
      spoilerText: "",
      sensitive: false,
      mediaIds: [],
      mediaAttributes: [],
    });
    assert.equal((await statusSource(rest, posted.id)).text, "second version");
  });
});

/** `run` against a demo instance of its own, with a REST client on it; both closed after. */
async function onInstance(
  opts: Parameters<typeof startDemoInstance>[0],
  run: (other: DemoInstance, client: RestClient) => Promise<void>,
): Promise<void> {
  const other = await startDemoInstance(opts);
  const client = createRestClient({
    instanceUrl: other.url,
    accessToken: other.token,
    random: () => 0,
  });
  try {
    await run(other, client);
  } finally {
    client.close();
    await other.close();
  }
}

describe("posting before NodeInfo has answered", () => {
  test("a dropped answer on Mastodon is still retried with its key: the post waits for what the server is", async () => {
    await onInstance({ generate: false, seedCount: 5 }, async (other, client) => {
      // A slow NodeInfo, as on a busy server: the toot is sent while it is still unread.
      other.control.slowHttp({ pathPrefix: "/nodeinfo", delayMs: 400 });
      void client.software();
      other.control.dropPostAfterStore(1);
      const draft = newDraft({ text: "posted in the first second" });
      const result = await submitDraft(draft, postingApi(client), 500);
      assert.equal(result.ok, true, !result.ok ? result.message : "");
      const home = await client.timeline("home", { limit: 40 });
      assert.equal(home.filter((s) => s.content.includes("posted in the first second")).length, 1);
    });
  });
});

describe("posting where the server ignores Idempotency-Key", () => {
  for (const flavour of ["sharkey", "snac"] as const) {
    test(`${flavour}: a dropped answer is not sent again, the toot exists once, the user is told it may be out`, async () => {
      await onInstance({ flavour, generate: false, seedCount: 5 }, async (other, client) => {
        await client.software();
        const sent = () =>
          other.control
            .requestLog()
            .filter((e) => e.method === "POST" && e.path === "/api/v1/statuses").length;
        other.control.dropPostAfterStore(1);
        let removed = false;
        const draft = newDraft({ text: `only once on ${flavour}` });
        const result = await submitDraft(draft, postingApi(client), 3000, {
          store: { remove: () => (removed = true) },
        });
        assert.equal(result.ok, false);
        assert.match(!result.ok ? result.message : "", /May have been posted/);
        assert.equal(removed, false, "the draft is kept");
        assert.equal(sent(), 1, "the POST went once");
        const home = await client.timeline("home", { limit: 40 });
        assert.equal(home.filter((s) => s.content.includes(`only once on ${flavour}`)).length, 1);
      });
    });
  }
});

describe("a lost answer where the server ignores Idempotency-Key: the profile tells", () => {
  for (const flavour of ["sharkey", "snac"] as const) {
    test(`${flavour}: the toot stored before the answer was lost is found on the profile, posted once`, async () => {
      await onInstance({ flavour, generate: false, seedCount: 5 }, async (other, client) => {
        await client.software();
        const me = await client.verifyCredentials();
        other.control.dropPostAfterStore(1);
        let removed = false;
        const text = `found on ${flavour}: @alice see https://example.com/a?b=1 #tootty`;
        const result = await submitDraft(
          newDraft({ text }),
          postingApi(client, { accountId: me.id, textOf: htmlToText }),
          3000,
          {
            store: { remove: () => (removed = true) },
          },
        );
        assert.equal(result.ok, true, !result.ok ? result.message : "");
        const home = await client.timeline("home", { limit: 40 });
        const copies = home.filter((s) => s.content.includes(`found on ${flavour}`));
        assert.equal(copies.length, 1, "one toot");
        assert.equal(result.ok && result.id, copies[0]!.id, "the one on the profile");
        assert.equal(removed, true, "the draft is done with");
      });
    });
  }

  test("a toot the server never stored is not on the profile: the user is told so, the draft kept", async () => {
    await onInstance(
      { flavour: "sharkey", generate: false, seedCount: 5 },
      async (other, client) => {
        await client.software();
        const me = await client.verifyCredentials();
        other.control.failHttp({ pathPrefix: "/api/v1/statuses", status: 503, count: 1 });
        let removed = false;
        const result = await submitDraft(
          newDraft({ text: "never stored" }),
          postingApi(client, { accountId: me.id, textOf: htmlToText }),
          3000,
          { store: { remove: () => (removed = true) } },
        );
        assert.equal(result.ok, false);
        assert.match(!result.ok ? result.message : "", /Not on your profile/);
        assert.equal(removed, false);
        const home = await client.timeline("home", { limit: 40 });
        assert.equal(home.filter((s) => s.content.includes("never stored")).length, 0);
      },
    );
  });
});

describe("completion", () => {
  test("@prefix completes to accounts, :prefix to the instance's emojis", async () => {
    const complete = completer(rest);
    const people = await complete("@ali");
    assert.ok(people.length > 0 && people.every((p) => /^@ali/i.test(p)), JSON.stringify(people));
    const emojis = await complete(":blob");
    assert.ok(
      emojis.length > 0 && emojis.every((e) => /^:blob\w*:$/.test(e)),
      JSON.stringify(emojis),
    );
  });
});
