import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, test } from "node:test";
import { runAccounts } from "../../src/cli/accounts.js";
import { AccountStore } from "../../src/config/accounts.js";
import { Screen, tempConfigDir } from "./login-harness.js";

async function accounts(dir: string, args: string[]) {
  const out = new Screen();
  const err = new Screen();
  const io = { input: new PassThrough(), output: out.stream, err: err.stream, env: {} };
  const code = await runAccounts({ args, configDir: dir }, io);
  return { code, out: out.text, err: err.text };
}

function twoAccounts(): string {
  const dir = tempConfigDir();
  const store = new AccountStore(dir);
  store.add({
    acct: "alice@one.example",
    instance_url: "https://one.example",
    access_token: "secret-alice",
  });
  store.add({
    acct: "bob@two.example",
    instance_url: "https://two.example",
    access_token: "secret-bob",
  });
  return dir;
}

describe("tootty accounts", () => {
  test("lists every account with the default marked, and never a token", async () => {
    const result = await accounts(twoAccounts(), []);
    assert.equal(result.code, 0);
    assert.equal(
      result.out,
      "* alice@one.example  https://one.example\n  bob@two.example  https://two.example\n",
    );
    assert.doesNotMatch(result.out, /secret/);
  });

  test("with no account, says how to log in", async () => {
    const result = await accounts(tempConfigDir(), []);
    assert.equal(result.code, 0);
    assert.match(result.out, /No accounts yet\. Log in with: tootty login HOST/);
  });

  test("default ACCT moves the mark", async () => {
    const dir = twoAccounts();
    assert.equal((await accounts(dir, ["default", "bob@two.example"])).code, 0);
    assert.match((await accounts(dir, [])).out, /^\* bob@two\.example/m);
    const missing = await accounts(dir, ["default", "zed@x.example"]);
    assert.equal(missing.code, 1);
    assert.equal(missing.err, "tootty: no account zed@x.example; `tootty accounts` lists them\n");
  });

  test("token-command checks the command, then deletes the stored token", async () => {
    const dir = twoAccounts();
    const failing = await accounts(dir, ["token-command", "alice@one.example", "exit 3"]);
    assert.equal(failing.code, 1);
    assert.match(failing.err, /token_command failed \(exit 3\)/);
    assert.match(
      readFileSync(join(dir, "accounts.json"), "utf8"),
      /secret-alice/,
      "kept when the command fails",
    );

    const ok = await accounts(dir, ["token-command", "alice@one.example", "echo secret-from-pass"]);
    assert.equal(ok.code, 0, ok.err);
    assert.doesNotMatch(readFileSync(join(dir, "accounts.json"), "utf8"), /secret-alice/);
    assert.match(
      (await accounts(dir, [])).out,
      /alice@one\.example {2}https:\/\/one\.example {2}\(token from token_command\)/,
    );
  });

  test("an unknown sub-command is bad usage (exit 2)", async () => {
    const result = await accounts(twoAccounts(), ["frobnicate"]);
    assert.equal(result.code, 2);
    assert.match(result.err, /^tootty: unknown accounts command/);
  });
});
