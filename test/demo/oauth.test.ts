import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { type DemoInstance, startDemoInstance } from "../../src/demo/index.js";
import { openSocket, streamingUrl } from "./support.js";

const OOB = "urn:ietf:wg:oauth:2.0:oob";

interface AppReply {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
  scopes: string[];
}

async function post(demo: DemoInstance, path: string, body: Record<string, string>, form = false) {
  const res = await fetch(`${demo.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": form ? "application/x-www-form-urlencoded" : "application/json" },
    body: form ? new URLSearchParams(body).toString() : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

async function registerApp(demo: DemoInstance): Promise<AppReply> {
  const { status, body } = await post(demo, "/api/v1/apps", {
    client_name: "tootty",
    redirect_uris: OOB,
    scopes: "read write push",
    website: "https://tootty.example",
  });
  assert.equal(status, 200);
  return body as unknown as AppReply;
}

/** Opens the authorise page as a browser would and reads the code shown for out-of-band apps. */
async function authorise(demo: DemoInstance, app: AppReply, challenge?: string): Promise<string> {
  const q = new URLSearchParams({
    response_type: "code",
    client_id: app.client_id,
    redirect_uri: OOB,
    scope: "read write",
  });
  if (challenge) {
    q.set("code_challenge", challenge);
    q.set("code_challenge_method", "S256");
  }
  const res = await fetch(`${demo.url}/oauth/authorize?${q}`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get("content-type") ?? "", /text\/html/);
  const code = /class="oauth-code"[^>]*value="([^"]+)"/.exec(await res.text())?.[1];
  assert.ok(code, "the page shows the code");
  return code;
}

describe("OAuth login flow", () => {
  let demo: DemoInstance;
  before(async () => {
    demo = await startDemoInstance({ generate: false, seedCount: 5 });
  });
  after(() => demo.close());

  test("registering an app returns its credentials and redirect URIs", async () => {
    const app = await registerApp(demo);
    assert.ok(app.client_id && app.client_secret);
    assert.deepEqual(app.redirect_uris, [OOB]);
    assert.deepEqual(app.scopes, ["read", "write", "push"]);
  });

  test("an app without a name is refused with 422", async () => {
    const { status } = await post(demo, "/api/v1/apps", { redirect_uris: OOB });
    assert.equal(status, 422);
  });

  test("code + PKCE verifier gives a token that works on REST and on the stream", async () => {
    const app = await registerApp(demo);
    const verifier = randomBytes(32).toString("base64url");
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const code = await authorise(demo, app, challenge);
    const { status, body } = await post(
      demo,
      "/oauth/token",
      {
        grant_type: "authorization_code",
        code,
        client_id: app.client_id,
        client_secret: app.client_secret,
        redirect_uri: OOB,
        code_verifier: verifier,
      },
      true,
    );
    assert.equal(status, 200);
    assert.equal(body.token_type, "Bearer");
    assert.equal(body.scope, "read write");
    const me = await fetch(`${demo.url}/api/v1/accounts/verify_credentials`, {
      headers: { Authorization: `Bearer ${body.access_token}` },
    });
    assert.equal(me.status, 200);
    const socket = await openSocket(streamingUrl(demo), { protocols: [body.access_token!] });
    socket.close();
  });

  test("a wrong PKCE verifier is refused with invalid_grant", async () => {
    const app = await registerApp(demo);
    const challenge = createHash("sha256").update("the right one").digest("base64url");
    const code = await authorise(demo, app, challenge);
    const { status, body } = await post(demo, "/oauth/token", {
      grant_type: "authorization_code",
      code,
      client_id: app.client_id,
      client_secret: app.client_secret,
      redirect_uri: OOB,
      code_verifier: "the wrong one",
    });
    assert.equal(status, 400);
    assert.equal(body.error, "invalid_grant");
    assert.ok(body.error_description);
  });

  test("a code works only once", async () => {
    const app = await registerApp(demo);
    const code = await authorise(demo, app);
    const request = {
      grant_type: "authorization_code",
      code,
      client_id: app.client_id,
      client_secret: app.client_secret,
      redirect_uri: OOB,
    };
    assert.equal((await post(demo, "/oauth/token", request)).status, 200);
    const again = await post(demo, "/oauth/token", request);
    assert.equal(again.status, 400);
    assert.equal(again.body.error, "invalid_grant");
  });

  test("a code for a different redirect URI or client is refused", async () => {
    const app = await registerApp(demo);
    const other = await registerApp(demo);
    const code = await authorise(demo, app);
    const wrongRedirect = await post(demo, "/oauth/token", {
      grant_type: "authorization_code",
      code,
      client_id: app.client_id,
      client_secret: app.client_secret,
      redirect_uri: "https://elsewhere.example/cb",
    });
    assert.equal(wrongRedirect.body.error, "invalid_grant");
    const code2 = await authorise(demo, app);
    const wrongClient = await post(demo, "/oauth/token", {
      grant_type: "authorization_code",
      code: code2,
      client_id: other.client_id,
      client_secret: other.client_secret,
      redirect_uri: OOB,
    });
    assert.equal(wrongClient.body.error, "invalid_grant");
  });

  test("revoking a token makes REST answer 401 and refuses the stream", async () => {
    const app = await registerApp(demo);
    const code = await authorise(demo, app);
    const { body } = await post(demo, "/oauth/token", {
      grant_type: "authorization_code",
      code,
      client_id: app.client_id,
      client_secret: app.client_secret,
      redirect_uri: OOB,
    });
    const token = body.access_token!;
    const revoked = await post(demo, "/oauth/revoke", {
      client_id: app.client_id,
      client_secret: app.client_secret,
      token,
    });
    assert.equal(revoked.status, 200);
    const me = await fetch(`${demo.url}/api/v1/accounts/verify_credentials`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    assert.equal(me.status, 401);
    await assert.rejects(
      openSocket(streamingUrl(demo), { protocols: [token] }),
      (err: { statusCode: number }) => err.statusCode === 401,
    );
  });

  test("authorising an unknown client or an unregistered redirect URI shows an error, not a code", async () => {
    const app = await registerApp(demo);
    const unknown = await fetch(
      `${demo.url}/oauth/authorize?response_type=code&client_id=nope&redirect_uri=${OOB}`,
    );
    assert.notEqual(unknown.status, 200);
    const q = new URLSearchParams({
      response_type: "code",
      client_id: app.client_id,
      redirect_uri: "https://evil.example/",
    });
    const badRedirect = await fetch(`${demo.url}/oauth/authorize?${q}`);
    assert.equal(badRedirect.status, 400);
    assert.doesNotMatch(await badRedirect.text(), /oauth-code/);
  });
});

describe("OAuth codes expire", () => {
  test("a code older than ten minutes is refused", async () => {
    let clock = Date.now();
    const demo = await startDemoInstance({ generate: false, seedCount: 5, now: () => clock });
    try {
      const app = await registerApp(demo);
      const code = await authorise(demo, app);
      clock += 10 * 60_000 + 1;
      const { status, body } = await post(demo, "/oauth/token", {
        grant_type: "authorization_code",
        code,
        client_id: app.client_id,
        client_secret: app.client_secret,
        redirect_uri: OOB,
      });
      assert.equal(status, 400);
      assert.equal(body.error, "invalid_grant");
    } finally {
      await demo.close();
    }
  });
});

describe("revoking", () => {
  test("another app cannot revoke a token; the built-in demo token needs no app", async () => {
    const demo = await startDemoInstance({ generate: false, seedCount: 5 });
    try {
      const app = await registerApp(demo);
      const other = await registerApp(demo);
      const code = await authorise(demo, app);
      const { body } = await post(demo, "/oauth/token", {
        grant_type: "authorization_code",
        code,
        client_id: app.client_id,
        client_secret: app.client_secret,
        redirect_uri: OOB,
      });
      const stolen = await post(demo, "/oauth/revoke", {
        client_id: other.client_id,
        client_secret: other.client_secret,
        token: body.access_token!,
      });
      assert.equal(stolen.status, 403);
      const me = await fetch(`${demo.url}/api/v1/accounts/verify_credentials`, {
        headers: { Authorization: `Bearer ${body.access_token}` },
      });
      assert.equal(me.status, 200);
      assert.equal((await post(demo, "/oauth/revoke", { token: demo.token }, true)).status, 200);
      const gone = await fetch(`${demo.url}/api/v1/accounts/verify_credentials`, {
        headers: { Authorization: `Bearer ${demo.token}` },
      });
      assert.equal(gone.status, 401);
    } finally {
      await demo.close();
    }
  });
});
