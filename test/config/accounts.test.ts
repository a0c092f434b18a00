import assert from "node:assert/strict";
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { AccountStore } from "../../src/config/accounts.js";
// Writing stored accounts goes through conf, as `tootty login` does.
import "../../src/config/conf-writer.js";
import { noAccountMessage, resolveAccount } from "../../src/config/resolve-account.js";
import { tempConfigDir } from "./temp-dir.js";

const alice = {
  acct: "alice@one.example",
  instance_url: "https://one.example",
  access_token: "tok-alice",
};
const bob = {
  acct: "bob@two.example",
  instance_url: "https://two.example",
  access_token: "tok-bob",
};

const modes = (dir: string) => ({
  dir: statSync(dir).mode & 0o777,
  file: statSync(join(dir, "accounts.json")).mode & 0o777,
});

describe("AccountStore", () => {
  test("the first account becomes the default; later ones do not take over", () => {
    const store = new AccountStore(tempConfigDir());
    store.add(alice);
    store.add(bob);
    assert.deepEqual(
      store.list().map((a) => a.acct),
      ["alice@one.example", "bob@two.example"],
    );
    assert.equal(store.default()?.acct, "alice@one.example");
  });

  test("setDefault and remove: removing the default hands it to the next account", () => {
    const store = new AccountStore(tempConfigDir());
    store.add(alice);
    store.add(bob);
    store.setDefault("@bob@TWO.example");
    assert.equal(store.default()?.acct, "bob@two.example");
    assert.equal(store.remove("bob@two.example"), true);
    assert.equal(store.default()?.acct, "alice@one.example");
    assert.equal(store.remove("nobody@x.example"), false);
  });

  test("logging in again replaces the account's token instead of adding a duplicate", () => {
    const store = new AccountStore(tempConfigDir());
    store.add(alice);
    store.add({ ...alice, access_token: "tok-new" });
    assert.equal(store.list().length, 1);
    assert.equal(store.list()[0]?.access_token, "tok-new");
  });

  test("finds by bare user name only when it is unambiguous", () => {
    const store = new AccountStore(tempConfigDir());
    store.add(alice);
    store.add({ ...bob, acct: "alice@two.example" });
    store.add(bob);
    assert.equal(store.find("bob")?.acct, "bob@two.example");
    assert.equal(store.find("alice"), undefined);
  });

  test("accounts.json is 0600 in a 0700 folder, and is made so again after every write", () => {
    const dir = tempConfigDir();
    const store = new AccountStore(dir);
    store.add(alice);
    assert.deepEqual(modes(dir), { dir: 0o700, file: 0o600 });
    // Someone loosens the modes (a copy, a backup restore…); the next write tightens them.
    chmodSync(dir, 0o755);
    chmodSync(join(dir, "accounts.json"), 0o644);
    store.add(bob);
    assert.deepEqual(modes(dir), { dir: 0o700, file: 0o600 });
    chmodSync(join(dir, "accounts.json"), 0o640);
    store.remove(bob.acct);
    assert.deepEqual(modes(dir), { dir: 0o700, file: 0o600 });
  });

  test("a write replaces the file whole: another reader sees the accounts, no temporary file stays", () => {
    const dir = tempConfigDir();
    new AccountStore(dir).add(alice);
    new AccountStore(dir).add(bob);
    assert.deepEqual(readdirSync(dir), ["accounts.json"]);
    assert.deepEqual(
      new AccountStore(dir).list().map((a) => a.acct),
      [alice.acct, bob.acct],
    );
    // conf's tab-indented JSON.
    const text = readFileSync(join(dir, "accounts.json"), "utf8");
    assert.match(text, /^\{\n\t"/);
  });

  test("without the writer loaded (the TUI's start), the store reads but refuses to write", async () => {
    const dir = tempConfigDir();
    new AccountStore(dir).add(alice);
    const fresh = await import(`../../src/config/private-store.js?fresh=${Date.now()}`);
    const store = new fresh.PrivateJsonStore(dir, "accounts");
    assert.equal(store.read().accounts?.[0]?.acct, alice.acct);
    assert.throws(() => store.write({}), /read-only here/);
  });

  test("a loosened file is tightened as soon as tootty opens it", () => {
    const dir = tempConfigDir();
    new AccountStore(dir).add(alice);
    chmodSync(join(dir, "accounts.json"), 0o644);
    new AccountStore(dir).list();
    assert.equal(modes(dir).file, 0o600);
  });

  test("a hand-broken accounts.json is reported, not silently emptied", () => {
    const dir = tempConfigDir();
    new AccountStore(dir).add(alice);
    writeFileSync(join(dir, "accounts.json"), "{ not json");
    assert.throws(
      () => new AccountStore(dir).list(),
      /accounts\.json is not valid JSON.*fix or remove it/,
    );
    assert.equal(readFileSync(join(dir, "accounts.json"), "utf8"), "{ not json");
  });
});

describe("token_command", () => {
  test("runs the command and uses the first line it prints as the token", async () => {
    const store = new AccountStore(tempConfigDir());
    const token = await store.resolveToken({
      ...alice,
      access_token: undefined,
      token_command: "printf 'tok-from-pass\\nsecond line\\n'",
    });
    assert.equal(token, "tok-from-pass");
  });

  test("a failing command names the account and the command's complaint, not a token", async () => {
    const store = new AccountStore(tempConfigDir());
    await assert.rejects(
      store.resolveToken({ ...alice, token_command: "echo 'gpg: decryption failed' >&2; exit 2" }),
      /^TokenCommandError: alice@one\.example: token_command failed \(exit 2\): gpg: decryption failed$/,
    );
  });

  test("output that is not token-shaped is refused and never echoed", async () => {
    const store = new AccountStore(tempConfigDir());
    await assert.rejects(
      store.resolveToken({ ...alice, token_command: "echo 'Enter passphrase: hunter2 x'" }),
      (error: Error) => /not a token/.test(error.message) && !error.message.includes("hunter2"),
    );
    await assert.rejects(
      store.resolveToken({ ...alice, token_command: "true" }),
      /printed nothing/,
    );
  });

  test("setTokenCommand deletes the stored token from the file", () => {
    const dir = tempConfigDir();
    const store = new AccountStore(dir);
    store.add(alice);
    store.setTokenCommand("alice@one.example", "pass show mastodon/alice");
    const text = readFileSync(join(dir, "accounts.json"), "utf8");
    assert.ok(!text.includes("tok-alice"));
    assert.equal(store.list()[0]?.token_command, "pass show mastodon/alice");
  });
});

describe("resolveAccount", () => {
  test("TOOTTY_INSTANCE and TOOTTY_ACCESS_TOKEN need no stored login", async () => {
    const result = await resolveAccount(
      {
        TOOTTY_INSTANCE: "http://127.0.0.1:4000",
        TOOTTY_ACCESS_TOKEN: "t",
        TOOTTY_CONFIG_DIR: tempConfigDir(),
      },
      undefined,
    );
    assert.ok(!("error" in result));
    assert.equal(result.instanceUrl.origin, "http://127.0.0.1:4000");
    assert.equal(result.accessToken, "t");
    assert.equal(result.source, "environment");
  });

  test("TOOTTY_INSTANCE over plain http to another host is refused", async () => {
    const result = await resolveAccount(
      { TOOTTY_INSTANCE: "http://example.com", TOOTTY_ACCESS_TOKEN: "t" },
      undefined,
    );
    assert.ok("error" in result);
    assert.match(result.error, /^TOOTTY_INSTANCE: plain http is only allowed/);
  });

  test("only one of the two variables is an error naming both", async () => {
    const result = await resolveAccount({ TOOTTY_ACCESS_TOKEN: "t" }, undefined);
    assert.deepEqual(result, {
      error: "TOOTTY_INSTANCE and TOOTTY_ACCESS_TOKEN must be set together",
    });
  });

  test("no account: the message names tootty login HOST and tootty --demo", async () => {
    const result = await resolveAccount({ TOOTTY_CONFIG_DIR: tempConfigDir() }, undefined);
    assert.deepEqual(result, { error: noAccountMessage() });
    assert.match(noAccountMessage(), /tootty login HOST/);
    assert.match(noAccountMessage(), /tootty --demo/);
  });

  test("the default account, or the one --account names, with token_command run", async () => {
    const dir = tempConfigDir();
    const store = new AccountStore(dir);
    store.add(alice);
    store.add({
      acct: bob.acct,
      instance_url: bob.instance_url,
      token_command: "echo tok-bob-from-cmd",
    });
    const env = { TOOTTY_CONFIG_DIR: dir };
    const byDefault = await resolveAccount(env, undefined);
    assert.ok(!("error" in byDefault));
    assert.equal(byDefault.acct, "alice@one.example");
    assert.equal(byDefault.accessToken, "tok-alice");
    const chosen = await resolveAccount(env, "bob@two.example");
    assert.ok(!("error" in chosen));
    assert.equal(chosen.accessToken, "tok-bob-from-cmd");
    assert.equal(chosen.instanceUrl.origin, "https://two.example");
    assert.deepEqual(await resolveAccount(env, "carol@x.example"), {
      error: "no account carol@x.example: `tootty accounts` lists them",
    });
  });
});
