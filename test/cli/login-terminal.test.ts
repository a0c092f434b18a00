// `tootty login` in a real terminal (tmux): the user reads the URL off the screen, opens it
// in "a browser" (fetch), and types the code at the prompt. Nothing listens locally.
import assert from "node:assert/strict";
import { readFileSync, statSync } from "node:fs";
import { createServer } from "node:https";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { type DemoInstance, startDemoInstance } from "../../src/demo/index.js";
import { startTerminal, type TerminalSession } from "../helpers/terminal.js";
import { codeFromDemoPage, tempConfigDir } from "./login-harness.js";
import { StubInstance } from "./login-stub-instance.js";

const COLS = 100;
const entry = new URL("./login-entry.ts", import.meta.url).pathname;

function startInTerminal(args: string[], configDir: string, cols = COLS): TerminalSession {
  return startTerminal({
    command: [process.execPath, "--import", "tsx", entry, ...args],
    cols,
    rows: 40,
    env: { TOOTTY_CONFIG_DIR: configDir, LANG: "C.UTF-8", BROWSER: undefined, DISPLAY: undefined },
  });
}

/** Screen rows re-joined where the terminal wrapped a long line (a full row continues). */
function logicalLines(screen: string, cols = COLS): string[] {
  const lines: string[] = [];
  let carry = "";
  for (const row of screen.split("\n")) {
    carry += row;
    if (row.length < cols) {
      lines.push(carry);
      carry = "";
    }
  }
  if (carry) lines.push(carry);
  return lines;
}

/** The authorise URL as shown on screen. */
function urlOnScreen(screen: string): string {
  const line = logicalLines(screen).find((l) => /^\s+https?:\/\/\S+\/oauth\/authorize\?/.test(l));
  assert.ok(line, `no authorise URL on screen:\n${screen}`);
  return line.trim();
}

/** The error lines tootty printed. */
function errorLines(screen: string): string[] {
  return screen.split("\n").filter((l) => l.startsWith("tootty:"));
}

/** Waits for the program to end and returns its exit code, as login-entry.ts prints it. */
async function exitCode(term: TerminalSession): Promise<number> {
  const screen = await term.waitFor((s) => /\[exit \d+\]/.test(s), "the program to end");
  return Number(/\[exit (\d+)\]/.exec(screen)?.[1]);
}

describe("tootty login in a real terminal", { timeout: 60_000 }, () => {
  let demo: DemoInstance;
  const sessions: TerminalSession[] = [];
  const open = (args: string[], dir: string, cols = COLS) => {
    const session = startInTerminal(args, dir, cols);
    sessions.push(session);
    return session;
  };
  before(async () => {
    demo = await startDemoInstance({ generate: false, seedCount: 5 });
  });
  after(async () => {
    for (const s of sessions) s.kill();
    await demo.close();
  });

  test("type the code shown by the server: logged in, rules shown, token file private", async () => {
    const dir = tempConfigDir();
    const term = open(["login", demo.url], dir);
    const screen = await term.waitForText("Paste the code the server shows you:");
    const url = urlOnScreen(screen);
    assert.match(url, /code_challenge_method=S256/);
    term.type(await codeFromDemoPage(url));
    term.send("Enter");
    assert.equal(await exitCode(term), 0, term.capture());
    const after = term.capture();
    assert.match(after, /Logged in as @\w+@\S+ \(the default account\)\./);
    assert.match(after, /Every server sets its own rules/);
    assert.match(after, /may be up to \d+ characters/);
    assert.equal(statSync(join(dir, "accounts.json")).mode & 0o777, 0o600);
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    const token = JSON.parse(readFileSync(join(dir, "accounts.json"), "utf8")).accounts[0]
      .access_token;
    assert.ok(!after.includes(token), "the token never appears on screen");
  });

  test("a wrong code: one line on the screen, exit 1", async () => {
    const term = open(["login", demo.url], tempConfigDir());
    await term.waitForText("Paste the code the server shows you:");
    term.type("definitely-not-the-code");
    term.send("Enter");
    assert.equal(await exitCode(term), 1);
    const lines = errorLines(term.capture());
    assert.equal(lines.length, 1);
    assert.match(lines[0] ?? "", /did not accept that code \(wrong or expired\)/);
  });

  test("no host on the command line: asks for it at a prompt", async () => {
    const term = open(["login"], tempConfigDir());
    await term.waitForText("Instance (for example mastodon.social):");
    term.type(demo.url);
    term.send("Enter");
    const screen = await term.waitForText("Paste the code the server shows you:");
    term.type(await codeFromDemoPage(urlOnScreen(screen)));
    term.send("Enter");
    assert.equal(await exitCode(term), 0, term.capture());
  });

  test("not a Mastodon-API server, network down, TLS failure: one line each, exit 1", async () => {
    const notMastodon = await new StubInstance({ notMastodon: true }).start();
    const closed = await new StubInstance().start();
    const closedUrl = closed.origin;
    await closed.stop();
    const fixtures = new URL("./login-fixtures/", import.meta.url);
    const tls = createServer(
      {
        key: readFileSync(new URL("selfsigned-key.pem", fixtures)),
        cert: readFileSync(new URL("selfsigned-cert.pem", fixtures)),
      },
      (_req, res) => res.end("{}"),
    );
    await new Promise<void>((resolve) => tls.listen(0, "127.0.0.1", resolve));
    const tlsUrl = `https://127.0.0.1:${(tls.address() as { port: number }).port}`;
    try {
      const cases: [string, RegExp][] = [
        [notMastodon.origin, /does not look like a Mastodon-API server/],
        [closedUrl, /cannot reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/],
        [tlsUrl, /TLS failure talking to 127\.0\.0\.1:\d+/],
        ["http://example.com", /plain http is only allowed to this machine/],
      ];
      for (const [host, message] of cases) {
        // Wide enough that no error line wraps (tmux trims a wrapped row's trailing space).
        const term = open(["login", host], tempConfigDir(), 200);
        const status = await exitCode(term);
        const lines = errorLines(term.capture());
        assert.equal(lines.length, 1, `${host}: ${JSON.stringify(term.capture().trim())}`);
        assert.match(lines[0] ?? "", message);
        assert.equal(status, host.startsWith("http://example") ? 2 : 1);
      }
    } finally {
      await notMastodon.stop();
      tls.closeAllConnections();
      tls.close();
    }
  });
});
