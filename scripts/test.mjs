// Runs every test/**/*.test.ts with node's own test runner (Node 20's --test takes no globs).
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== "bench" && name !== "helpers") out.push(...findTests(path));
    } else if (name.endsWith(".test.ts")) out.push(path);
  }
  return out;
}

const filter = process.argv.slice(2);
const files = findTests("test")
  .filter((f) => filter.length === 0 || filter.some((p) => f.includes(p)))
  .sort();
if (files.length === 0) {
  console.error("no test files matched");
  process.exit(1);
}
// The tmux layer (wcwidth placement, the SSH test) needs tools npm cannot install.
const has = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
const missing = ["tmux", "ssh"].filter((cmd) => !has(cmd));
const note = missing.length
  ? `note: ${missing.join(" and ")} not installed, so the tmux layer and the SSH test were skipped; apt-get install tmux openssh-server openssh-client runs them`
  : "";
const result = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", "--test-concurrency=2", "--test-timeout=120000", ...files],
  { stdio: "inherit", env: { ...process.env, LANG: process.env.LANG || "C.UTF-8" } },
);
if (note) console.log(note);
process.exit(result.status ?? 1);
