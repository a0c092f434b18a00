// "Running over SSH", proven with a real sshd: a throwaway server on a loopback port with its
// own host key, config and authorised key (no system configuration touched), `ssh -tt` into
// `tootty --demo` inside tmux, panes and keys checked, quit, terminal restored, sshd stopped
// by its pid.
import assert from "node:assert/strict";
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { findOnScreen } from "../helpers/screen.js";
import { TmuxSession } from "../helpers/tmux.js";
import { REPO } from "../ui/terminal-harness.js";

const SSHD = "/usr/sbin/sshd";

function missingTools(): string | undefined {
  if (!existsSync(SSHD)) return `${SSHD} is not installed (apt-get install openssh-server)`;
  for (const tool of ["ssh", "ssh-keygen", "tmux"]) {
    try {
      execFileSync("sh", ["-c", `command -v ${tool}`], { stdio: "ignore" });
    } catch {
      return `${tool} is not installed (apt-get install tmux openssh-server openssh-client)`;
    }
  }
  return undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, sshd: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (sshd.exitCode !== null) throw new Error(`sshd exited (${sshd.exitCode}):\n${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port, host: "127.0.0.1" }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`sshd never listened on ${port}:\n${log()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Sshd {
  port: number;
  key: string;
  user: string;
  dir: string;
  stop(): void;
}

async function startSshd(): Promise<Sshd> {
  const dir = mkdtempSync(join(tmpdir(), "tootty-sshd-"));
  const hostKey = join(dir, "host_key");
  const key = join(dir, "user_key");
  for (const file of [hostKey, key])
    execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", file]);
  const authorized = join(dir, "authorized_keys");
  execFileSync("cp", [`${key}.pub`, authorized]);
  chmodSync(authorized, 0o600);
  const port = await freePort();
  const config = join(dir, "sshd_config");
  writeFileSync(
    config,
    [
      "ListenAddress 127.0.0.1",
      `Port ${port}`,
      `HostKey ${hostKey}`,
      `AuthorizedKeysFile ${authorized}`,
      `PidFile ${join(dir, "sshd.pid")}`,
      "UsePAM no",
      "StrictModes no",
      "PermitRootLogin yes",
      "PasswordAuthentication no",
      "KbdInteractiveAuthentication no",
      "PubkeyAuthentication yes",
      "LogLevel ERROR",
      "",
    ].join("\n"),
  );
  // Privilege separation needs this directory; Debian's package creates it only at boot.
  if (process.getuid?.() === 0) mkdirSync("/run/sshd", { recursive: true, mode: 0o755 });
  const sshd = spawn(SSHD, ["-D", "-e", "-f", config], { stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  sshd.stderr?.on("data", (d: Buffer) => {
    log += d.toString();
  });
  await waitForPort(port, sshd, () => log);
  return {
    port,
    key,
    user: userInfo().username,
    dir,
    stop() {
      if (sshd.pid && sshd.exitCode === null) process.kill(sshd.pid, "SIGTERM");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const skip = missingTools();
const cleanups: (() => void)[] = [];
after(() => {
  for (const c of cleanups.splice(0)) c();
});

describe("tootty over a real SSH connection", { skip }, () => {
  test("ssh -tt into tootty --demo: panes render, keys work, q restores the terminal", async () => {
    const sshd = await startSshd();
    cleanups.push(() => sshd.stop());
    const configDir = join(sshd.dir, "config");
    const remote = `cd ${REPO} && LANG=C.UTF-8 TOOTTY_CONFIG_DIR=${configDir} ${process.execPath} bin/tootty.js --demo`;
    const session = TmuxSession.start({
      command: [
        "ssh",
        "-tt",
        "-i",
        sshd.key,
        "-o",
        "StrictHostKeyChecking=no",
        "-o",
        "UserKnownHostsFile=/dev/null",
        "-o",
        "LogLevel=ERROR",
        "-o",
        "BatchMode=yes",
        "-p",
        String(sshd.port),
        `${sshd.user}@127.0.0.1`,
        remote,
      ],
      cols: 100,
      rows: 30,
    });
    cleanups.unshift(() => session.kill());

    const screen = await session.waitFor(
      (s) => s.includes("1 Home") && s.includes("Home ·") && s.includes("▌"),
      "tootty's panes over SSH",
      20_000,
    );
    const rows = screen.split("\n");
    const top = rows.findIndex((r) => r.startsWith("┌"));
    assert.ok(top >= 0 && rows[top]!.trimEnd().endsWith("┐"), `a bordered pane:\n${screen}`);

    // j moves the selection mark down; 2 switches to the Local pane.
    const markRow = (s: string) => findOnScreen(s, "▌")[0]?.row ?? -1;
    const before = markRow(screen);
    assert.ok(before >= 0, `a toot is selected:\n${screen}`);
    session.send("j");
    await session.waitFor((s) => markRow(s) > before, "the selection to move down over SSH");
    session.send("2");
    await session.waitFor((s) => s.includes("Local ·"), "the Local pane over SSH");

    session.send("q");
    assert.equal(await session.waitForExit(15_000), 0, "ssh reports tootty's clean exit");
    const restored = session.terminalRestored();
    assert.equal(restored.alternateScreen, false, "left the alternate screen");
    assert.equal(restored.cursorVisible, true, "cursor visible");
  });
});
