// Runs the end-to-end suite N times and lists every test that failed even once, with how
// often: a flake shows up here long before it bites someone's first `npm test`.
// Usage: npm run test:repeat -- [N=5] [PATH-PART…]   (default: test/e2e and the other tests
// that drive a real terminal). Build first (`npm run build`): the tests run dist/.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const args = process.argv.slice(2);
const runs = /^\d+$/.test(args[0] ?? "") ? Number(args.shift()) : 5;
const parts = args.length ? args : ["test/e2e/", "test/render/tmux-", "test/cli/login-terminal"];

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...findTests(path));
    else if (name.endsWith(".test.ts")) out.push(path);
  }
  return out;
}
const files = findTests("test")
  .filter((f) => parts.some((p) => f.includes(p)))
  .sort();
if (files.length === 0) {
  console.error("no test files matched");
  process.exit(2);
}

/**
 * The leaf tests that failed in one TAP report: a failing suite only repeats its children,
 * so only failures of the test's own code count (a file that crashed is one of those too).
 */
function failures(tap) {
  const lines = tap.split("\n");
  const failed = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)not ok \d+ - (.*)$/.exec(lines[i]);
    if (!m || / # TODO\b/.test(m[2])) continue;
    let type = "";
    let location = "";
    let error = "";
    for (let j = i + 1; j < lines.length && !/^\s*\.\.\.$/.test(lines[j]); j++) {
      type ||= /failureType: '(\w+)'/.exec(lines[j])?.[1] ?? "";
      location ||= /location: '([^']+)'/.exec(lines[j])?.[1] ?? "";
      if (!error && /^\s*error: /.test(lines[j])) {
        // The message is on this line, or on the next one after a YAML block marker.
        const own = lines[j].replace(/^\s*error: /, "").replace(/^[|>]-?$/, "");
        error = (own || lines[j + 1] || "").trim().replace(/^'|'$/g, "");
      }
    }
    if (type !== "subtestsFailed") {
      const where = location.replace(`${process.cwd()}/`, "").replace(/:\d+:\d+$/, "");
      failed.push({ name: `${where} › ${m[2]}`, error: error.slice(0, 200) });
    }
  }
  return failed;
}

const counts = new Map();
const times = [];
// Each run's whole report is kept, to read a failure's details after the fact.
const keep = mkdtempSync(join(tmpdir(), "tootty-repeat-"));
for (let run = 1; run <= runs; run++) {
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "--test",
      "--test-reporter=tap",
      "--test-concurrency=2",
      "--test-timeout=120000",
      ...files,
    ],
    {
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, LANG: process.env.LANG || "C.UTF-8" },
    },
  );
  const seconds = (Date.now() - started) / 1000;
  times.push(seconds);
  const report = join(keep, `run-${run}.tap`);
  writeFileSync(report, result.stdout);
  const failed = failures(result.stdout);
  if (result.status !== 0 && failed.length === 0)
    failed.push({ name: `(the runner exited ${result.status})`, error: "" });
  for (const { name } of failed) counts.set(name, (counts.get(name) ?? 0) + 1);
  console.log(
    `run ${run}/${runs}: ${failed.length ? `${failed.length} failed` : "all passed"} in ${seconds.toFixed(0)} s (${report})`,
  );
  for (const { name, error } of failed)
    console.log(`  ✗ ${name}${error ? `\n      ${error}` : ""}`);
}

const mean = times.reduce((a, b) => a + b, 0) / times.length;
console.log(`\n${files.length} test files × ${runs} runs, ${mean.toFixed(0)} s a run on average`);
if (counts.size === 0) {
  console.log(`no test failed in ${runs} runs`);
} else {
  console.log("failed at least once:");
  for (const [name, n] of [...counts].sort((a, b) => b[1] - a[1]))
    console.log(`  ${n}/${runs}  ${name}`);
}
process.exit(counts.size === 0 ? 0 : 1);
