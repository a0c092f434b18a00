import assert from "node:assert/strict";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { AccountStore } from "../../src/config/accounts.js";
import { AUTHORIZE_URL, startLogin, tempConfigDir } from "./login-harness.js";
import { StubInstance } from "./login-stub-instance.js";

async function loginAs(stub: StubInstance, dir: string, env: NodeJS.ProcessEnv = {}) {
  const run = startLogin(stub.origin, dir, {}, env);
  const [, url = ""] = await run.out.waitFor(AUTHORIZE_URL);
  await run.out.waitFor(/Paste the code/);
  run.input.write(`${await stub.codeFromAuthorizePage(url)}\n`);
  const code = await run.exit;
  return { ...run, code, url };
}

describe("tootty login against a 4.3 server (PKCE)", () => {
  let stub: StubInstance;
  before(async () => {
    stub = await new StubInstance({
      rules: ["No spam.", "Alt text \u001b]0;evil\u0007please."],
      maxCharacters: 1000,
    }).start();
  });
  after(() => stub.stop());

  test("stores the account as default, with the verified handle, and prints no token", async () => {
    const dir = tempConfigDir();
    const run = await loginAs(stub, dir);
    assert.equal(run.code, 0, run.err.text);
    assert.match(run.out.text, /Logged in as @alice@stub\.example \(the default account\)/);
    const store = new AccountStore(dir);
    const account = store.default();
    assert.equal(account?.acct, "alice@stub.example");
    assert.equal(account?.instance_url, stub.origin);
    assert.ok(account?.access_token && stub.tokens.has(account.access_token));
    assert.ok(!run.out.text.includes(account.access_token), "token must not be printed");
    assert.ok(!run.err.text.includes(account.access_token));
  });

  test("sends an S256 challenge and asks for read write push, not follow", async () => {
    await loginAs(stub, tempConfigDir());
    assert.equal(stub.lastAuthorize?.get("code_challenge_method"), "S256");
    assert.match(stub.lastAuthorize?.get("code_challenge") ?? "", /^[A-Za-z0-9_-]{43}$/);
    assert.equal(stub.lastAuthorize?.get("scope"), "read write push");
    assert.equal(stub.lastAuthorize?.get("redirect_uri"), "urn:ietf:wg:oauth:2.0:oob");
  });

  test("a code exchanged without the matching verifier is refused by the server", async () => {
    const dir = tempConfigDir();
    // Tamper with the verifier on the way out: the server must then refuse the code.
    const tamperingFetch: typeof fetch = (input, init) => {
      if (String(input).endsWith("/oauth/token") && typeof init?.body === "string") {
        const form = new URLSearchParams(init.body);
        form.set("code_verifier", "not-the-verifier-that-made-the-challenge-0000");
        return fetch(input, { ...init, body: form.toString() });
      }
      return fetch(input, init);
    };
    const run = startLogin(stub.origin, dir, { fetch: tamperingFetch });
    const [, url = ""] = await run.out.waitFor(AUTHORIZE_URL);
    run.input.write(`${await stub.codeFromAuthorizePage(url)}\n`);
    assert.equal(await run.exit, 1);
    assert.match(run.err.text, /^tootty: .*did not accept that code \(wrong or expired\)/);
    assert.equal(new AccountStore(dir).list().length, 0);
  });

  test("shows the server's rules and character limit, cleaned of escape sequences, once", async () => {
    const dir = tempConfigDir();
    const first = await loginAs(stub, dir);
    assert.match(first.out.text, /1\. No spam\./);
    assert.match(first.out.text, /2\. Alt text please\./);
    assert.ok(
      !first.out.text.includes("\u001b"),
      "no escape sequence from the server reaches the terminal",
    );
    assert.match(first.out.text, /up to 1,000 characters/);
    const second = await loginAs(stub, dir);
    assert.equal(second.code, 0);
    assert.doesNotMatch(second.out.text, /No spam/);
  });

  test("registers the app once per instance and reuses it", async () => {
    const dir = tempConfigDir();
    const before = stub.apps.size;
    await loginAs(stub, dir);
    await loginAs(stub, dir);
    assert.equal(stub.apps.size, before + 1);
  });

  test("an app registration the server forgot is dropped, and the next login registers afresh", async () => {
    const dir = tempConfigDir();
    await loginAs(stub, dir);
    stub.apps.clear(); // the server lost tootty's app (database restored, app deleted…)
    const run = startLogin(stub.origin, dir);
    await run.out.waitFor(/Paste the code/);
    run.input.write("whatever-the-page-said\n");
    assert.equal(await run.exit, 1);
    assert.match(
      run.err.text,
      /no longer knows tootty's app registration; run tootty login .* again/,
    );
    const again = await loginAs(stub, dir);
    assert.equal(again.code, 0, again.err.text);
    assert.equal(stub.apps.size, 1);
  });

  test("logging in again to the same server asks the server for a fresh sign-in", async () => {
    const dir = tempConfigDir();
    await loginAs(stub, dir);
    assert.equal(stub.lastAuthorize?.get("force_login"), null);
    await loginAs(stub, dir);
    assert.equal(stub.lastAuthorize?.get("force_login"), "true");
  });

  test("token file is 0600 and its folder 0700", async () => {
    const dir = tempConfigDir();
    await loginAs(stub, dir);
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    assert.equal(statSync(join(dir, "accounts.json")).mode & 0o777, 0o600);
    assert.equal(statSync(join(dir, "apps.json")).mode & 0o777, 0o600);
  });

  test("a wrong code is one line on stderr, exit 1, nothing stored", async () => {
    const dir = tempConfigDir();
    const run = startLogin(stub.origin, dir);
    await run.out.waitFor(/Paste the code/);
    run.input.write("not-a-real-code\n");
    assert.equal(await run.exit, 1);
    assert.match(
      run.err.text,
      /^tootty: 127\.0\.0\.1:\d+ did not accept that code \(wrong or expired\): run tootty login .* again for a new one\n$/,
    );
    assert.equal(new AccountStore(dir).list().length, 0);
  });

  test("a code used twice (expired) is refused", async () => {
    const dir = tempConfigDir();
    const run = startLogin(stub.origin, dir);
    const [, url = ""] = await run.out.waitFor(AUTHORIZE_URL);
    const code = await stub.codeFromAuthorizePage(url);
    const grant = stub.grants.get(code);
    if (grant) grant.used = true;
    run.input.write(`${code}\n`);
    assert.equal(await run.exit, 1);
    assert.match(run.err.text, /wrong or expired/);
  });

  test("asks for the host when none is given", async () => {
    const dir = tempConfigDir();
    const run = startLogin(undefined, dir);
    await run.out.waitFor(/Instance \(for example mastodon\.social\): /);
    run.input.write(`${stub.origin}\n`);
    const [, url = ""] = await run.out.waitFor(AUTHORIZE_URL);
    run.input.write(`${await stub.codeFromAuthorizePage(url)}\n`);
    assert.equal(await run.exit, 0, run.err.text);
  });

  test("opens $BROWSER only when there is a local display", async () => {
    const launched: string[] = [];
    const launchBrowser = (_cmd: string, url: string) => {
      launched.push(url);
    };
    const local = startLogin(
      stub.origin,
      tempConfigDir(),
      { launchBrowser },
      { BROWSER: "firefox", DISPLAY: ":0" },
    );
    await local.out.waitFor(/opened in your browser/);
    local.input.end();
    await local.exit;
    assert.equal(launched.length, 1);
    assert.match(launched[0] ?? "", /\/oauth\/authorize\?/);

    const overSsh = startLogin(
      stub.origin,
      tempConfigDir(),
      { launchBrowser },
      { BROWSER: "firefox", DISPLAY: ":0", SSH_CONNECTION: "1 2 3 4" },
    );
    await overSsh.out.waitFor(/Paste the code/);
    overSsh.input.end();
    assert.equal(await overSsh.exit, 1);
    assert.equal(launched.length, 1, "no browser launched over SSH");
    assert.match(overSsh.err.text, /no code entered/);
  });
});

describe("tootty login against older servers", () => {
  test("a 4.2 server gets no PKCE challenge and the login still works", async () => {
    const stub = await new StubInstance({ version: "4.2.10" }).start();
    try {
      const dir = tempConfigDir();
      const run = await loginAs(stub, dir);
      assert.equal(run.code, 0, run.err.text);
      assert.equal(stub.lastAuthorize?.get("code_challenge"), null);
      assert.equal(new AccountStore(dir).default()?.acct, "alice@stub.example");
    } finally {
      await stub.stop();
    }
  });

  test("a server with only /api/v1/instance is accepted", async () => {
    const stub = await new StubInstance({ v1Only: true, version: "3.5.3" }).start();
    try {
      const run = await loginAs(stub, tempConfigDir());
      assert.equal(run.code, 0, run.err.text);
      assert.deepEqual(stub.requests.slice(0, 2), ["GET /api/v2/instance", "GET /api/v1/instance"]);
    } finally {
      await stub.stop();
    }
  });
});

describe("tootty login failures, one line each", () => {
  async function failingLogin(host: string, deps = {}) {
    const dir = tempConfigDir();
    const run = startLogin(host, dir, deps);
    const code = await run.exit;
    const lines = run.err.text.split("\n").filter(Boolean);
    assert.equal(lines.length, 1, `one line on stderr, got: ${run.err.text}`);
    return { code, line: lines[0] ?? "", dir };
  }

  test("not a Mastodon-API server", async () => {
    const stub = await new StubInstance({ notMastodon: true }).start();
    try {
      const { code, line } = await failingLogin(stub.origin);
      assert.equal(code, 1);
      assert.match(line, /^tootty: 127\.0\.0\.1:\d+ does not look like a Mastodon-API server/);
    } finally {
      await stub.stop();
    }
  });

  test("network down (connection refused)", async () => {
    const stub = await new StubInstance().start();
    const origin = stub.origin;
    await stub.stop();
    const { code, line } = await failingLogin(origin);
    assert.equal(code, 1);
    assert.match(
      line,
      /^tootty: cannot reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\): network down or server not answering/,
    );
  });

  test("TLS failure (self-signed certificate)", async () => {
    const { createServer } = await import("node:https");
    const fixtures = new URL("./login-fixtures/", import.meta.url);
    const server = createServer(
      {
        key: readFileSync(new URL("selfsigned-key.pem", fixtures)),
        cert: readFileSync(new URL("selfsigned-cert.pem", fixtures)),
      },
      (_req, res) => res.end("{}"),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const port = (server.address() as { port: number }).port;
      const { code, line } = await failingLogin(`https://127.0.0.1:${port}`);
      assert.equal(code, 1);
      assert.match(
        line,
        /^tootty: TLS failure talking to 127\.0\.0\.1:\d+ \(DEPTH_ZERO_SELF_SIGNED_CERT\)/,
      );
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  test("unknown host (the DNS answer undici gives for a name that does not exist)", async () => {
    // Real DNS is not available everywhere tests run, so reproduce fetch's rejection shape.
    const nxdomain: typeof fetch = async () => {
      const cause = Object.assign(new Error("getaddrinfo ENOTFOUND mastodon.socal"), {
        code: "ENOTFOUND",
      });
      throw new TypeError("fetch failed", { cause });
    };
    const { code, line } = await failingLogin("mastodon.socal", { fetch: nxdomain });
    assert.equal(code, 1);
    assert.equal(
      line,
      "tootty: unknown host mastodon.socal: no such name in DNS (check the spelling)",
    );
  });

  test("plain http to another machine is refused before any request (exit 2)", async () => {
    let requests = 0;
    const counting: typeof fetch = async () => {
      requests++;
      throw new Error("unreachable");
    };
    const { code, line } = await failingLogin("http://mastodon.social", { fetch: counting });
    assert.equal(code, 2);
    assert.match(
      line,
      /^tootty: plain http is only allowed to this machine .*use https:\/\/mastodon\.social$/,
    );
    assert.equal(requests, 0);
  });
});
