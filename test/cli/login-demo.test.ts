// The login flow against the project's simulated instance (src/demo), which implements
// Mastodon's OAuth endpoints the way Doorkeeper does (single-use codes, PKCE, revoke).
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { runLogout } from "../../src/cli/logout.js";
import { AccountStore } from "../../src/config/accounts.js";
import { type DemoInstance, startDemoInstance } from "../../src/demo/index.js";
import {
  AUTHORIZE_URL,
  codeFromDemoPage,
  Screen,
  startLogin,
  tempConfigDir,
} from "./login-harness.js";

describe("login and logout against the simulated instance", () => {
  let demo: DemoInstance;
  before(async () => {
    demo = await startDemoInstance({ generate: false, seedCount: 5 });
  });
  after(() => demo.close());

  test("logs in with PKCE, the token works, and logout revokes it", async () => {
    const dir = tempConfigDir();
    const run = startLogin(demo.url, dir);
    const [, url = ""] = await run.out.waitFor(AUTHORIZE_URL);
    assert.match(url, /code_challenge_method=S256/);
    run.input.write(`${await codeFromDemoPage(url)}\n`);
    assert.equal(await run.exit, 0, run.err.text);
    assert.match(run.out.text, /Logged in as @\w+@[\w.-]+ \(the default account\)/);
    assert.match(run.out.text, /may be up to \d+ characters/);

    const token = new AccountStore(dir).default()?.access_token ?? "";
    const verify = () =>
      fetch(`${demo.url}/api/v1/accounts/verify_credentials`, {
        headers: { authorization: `Bearer ${token}` },
      });
    assert.equal((await verify()).status, 200);

    const out = new Screen();
    const err = new Screen();
    const code = await runLogout(
      { configDir: dir },
      { input: process.stdin, output: out.stream, err: err.stream, env: {} },
    );
    assert.equal(code, 0, err.text);
    assert.equal((await verify()).status, 401, "the revoked token is refused");
    assert.equal(new AccountStore(dir).list().length, 0);
  });

  test("a code pasted twice is refused the second time", async () => {
    const dir = tempConfigDir();
    const first = startLogin(demo.url, dir);
    const [, url = ""] = await first.out.waitFor(AUTHORIZE_URL);
    const code = await codeFromDemoPage(url);
    first.input.write(`${code}\n`);
    assert.equal(await first.exit, 0, first.err.text);
    const second = startLogin(demo.url, tempConfigDir());
    await second.out.waitFor(/Paste the code/);
    second.input.write(`${code}\n`);
    assert.equal(await second.exit, 1);
    assert.match(second.err.text, /did not accept that code \(wrong or expired\)/);
  });
});
