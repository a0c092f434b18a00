// Everything that stops tootty before the first paint: one line on stderr, exit code 1 (2 for
// bad usage), and nothing written to the terminal.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { type DemoInstance, startDemoInstance } from "../../src/demo/index.js";
import { runCli } from "../helpers/run-cli.js";

const run = runCli;

function assertOneLine(stderr: string) {
  assert.equal(stderr.trim().split("\n").length, 1, `one line on stderr, got:\n${stderr}`);
  assert.doesNotMatch(stderr, /\x1b/, "no escape sequences");
}

describe("tootty fails cleanly before the screen opens", () => {
  let demo: DemoInstance;
  before(async () => {
    demo = await startDemoInstance({ generate: false, seedCount: 5 });
  });
  after(() => demo.close());

  test("no account: names tootty login HOST and tootty --demo", async () => {
    const r = await run([]);
    assert.equal(r.code, 1);
    assertOneLine(r.stderr);
    assert.match(r.stderr, /tootty login/);
    assert.match(r.stderr, /tootty --demo/);
    assert.equal(r.stdout, "", "nothing drawn on the terminal");
  });

  test("plain http to a non-loopback host is refused", async () => {
    const r = await run([], {
      TOOTTY_INSTANCE: "http://mastodon.example",
      TOOTTY_ACCESS_TOKEN: "x",
    });
    assert.equal(r.code, 1);
    assertOneLine(r.stderr);
    assert.match(r.stderr, /https/);
    assert.equal(r.stdout, "");
  });

  test("an unreachable host is reported in one line", async () => {
    const r = await run([], { TOOTTY_INSTANCE: "http://127.0.0.1:9", TOOTTY_ACCESS_TOKEN: "x" });
    assert.equal(r.code, 1);
    assertOneLine(r.stderr);
    assert.equal(r.stdout, "");
  });

  test("a refused token (401) is reported in one line and the token is never printed", async () => {
    const token = "not-a-valid-token-3f9a";
    const r = await run([], { TOOTTY_INSTANCE: demo.url, TOOTTY_ACCESS_TOKEN: token });
    assert.equal(r.code, 1);
    assertOneLine(r.stderr);
    assert.match(r.stderr, /token|unauthori[sz]ed|login/i);
    assert.ok(!r.stderr.includes(token));
    assert.equal(r.stdout, "");
  });

  test("bad usage exits 2 with a hint", async () => {
    const r = await run(["--frobnicate"]);
    assert.equal(r.code, 2);
    assertOneLine(r.stderr);
    assert.match(r.stderr, /--help/);
  });

  test("--version and --help answer on stdout", async () => {
    const v = await run(["--version"]);
    assert.equal(v.code, 0);
    assert.match(v.stdout, /^tootty \d+\.\d+\.\d+\n$/);
    const h = await run(["--help"]);
    assert.equal(h.code, 0);
    assert.match(h.stdout, /tootty --demo/);
  });
});
