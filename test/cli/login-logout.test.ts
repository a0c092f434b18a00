import assert from "node:assert/strict";
import { PassThrough } from "node:stream";
import { after, before, describe, test } from "node:test";
import { runLogout } from "../../src/cli/logout.js";
import { AccountStore } from "../../src/config/accounts.js";
import { AUTHORIZE_URL, Screen, startLogin, tempConfigDir } from "./login-harness.js";
import { StubInstance } from "./login-stub-instance.js";

async function login(stub: StubInstance, dir: string, username?: string) {
  if (username) stub.options.username = username;
  const run = startLogin(stub.origin, dir);
  const [, url = ""] = await run.out.waitFor(AUTHORIZE_URL);
  run.input.write(`${await stub.codeFromAuthorizePage(url)}\n`);
  assert.equal(await run.exit, 0, run.err.text);
}

async function logout(dir: string, account?: string, fetchImpl?: typeof fetch) {
  const out = new Screen();
  const err = new Screen();
  const io = { input: new PassThrough(), output: out.stream, err: err.stream, env: {} };
  const code = await runLogout(
    { account, configDir: dir },
    io,
    fetchImpl ? { fetch: fetchImpl } : {},
  );
  return { code, out: out.text, err: err.text };
}

describe("tootty logout", () => {
  let stub: StubInstance;
  before(async () => {
    stub = await new StubInstance().start();
  });
  after(() => stub.stop());

  test("revokes the token on the server, forgets it, and names the new default", async () => {
    const dir = tempConfigDir();
    await login(stub, dir, "alice");
    await login(stub, dir, "bob");
    const token = new AccountStore(dir).find("alice@stub.example")?.access_token ?? "";
    const result = await logout(dir);
    assert.equal(result.code, 0, result.err);
    assert.equal(
      result.out,
      "Logged out of alice@stub.example: token revoked and forgotten. Default account: bob@stub.example.\n",
    );
    assert.ok(stub.revoked.includes(token));
    assert.ok(!stub.tokens.has(token), "the server no longer accepts the token");
    assert.deepEqual(
      new AccountStore(dir).list().map((a) => a.acct),
      ["bob@stub.example"],
    );
  });

  test("logs out the account named, revoking the token its token_command prints", async () => {
    const dir = tempConfigDir();
    await login(stub, dir, "carol");
    const store = new AccountStore(dir);
    const token = store.default()?.access_token ?? "";
    store.setTokenCommand("carol@stub.example", `echo ${token}`);
    const result = await logout(dir, "carol@stub.example");
    assert.equal(result.code, 0, result.err);
    assert.ok(stub.revoked.includes(token));
    assert.equal(new AccountStore(dir).list().length, 0);
  });

  test("server unreachable: forgets the token here, says it was not revoked, exit 1", async () => {
    const dir = tempConfigDir();
    await login(stub, dir, "dave");
    const down: typeof fetch = async () => {
      throw new TypeError("fetch failed", {
        cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
      });
    };
    const result = await logout(dir, undefined, down);
    assert.equal(result.code, 1);
    assert.match(
      result.err,
      /^tootty: forgot dave@stub\.example here, but its token was not revoked \(cannot reach .* \(ECONNREFUSED\).*Authorized apps\n$/,
    );
    assert.equal(new AccountStore(dir).list().length, 0);
  });

  test("no such account: one line, exit 1, nothing removed", async () => {
    const dir = tempConfigDir();
    await login(stub, dir, "erin");
    const result = await logout(dir, "nobody@stub.example");
    assert.equal(result.code, 1);
    assert.equal(
      result.err,
      "tootty: no account nobody@stub.example; `tootty accounts` lists them\n",
    );
    assert.equal(new AccountStore(dir).list().length, 1);
  });
});
