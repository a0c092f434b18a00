// Runs the end-to-end suite once per server the simulated instance can play
// (src/demo/flavour.ts), one flavour at a time, with TOOTTY_DEMO_FLAVOUR set. `--flavour NAME`
// (repeatable) runs only those; other arguments narrow the files as for scripts/test.mjs.
// Exits non-zero if any flavour fails, after running them all, and prints each one's figures.
import { spawn } from "node:child_process";

const FLAVOURS = ["mastodon", "gotosocial", "pleroma", "hollo", "sharkey", "snac"];
const args = process.argv.slice(2);
const chosen = [];
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--flavour") chosen.push(args[++i]);
  else files.push(args[i]);
}
for (const name of chosen)
  if (!FLAVOURS.includes(name)) {
    console.error(`unknown flavour ${name}; the flavours are ${FLAVOURS.join(", ")}`);
    process.exit(2);
  }
const figures = [];
for (const flavour of chosen.length ? chosen : FLAVOURS) {
  console.log(`\n=== end-to-end tests against the ${flavour} flavour ===`);
  const child = spawn(
    process.execPath,
    ["scripts/test.mjs", ...(files.length ? files : ["test/e2e"])],
    {
      stdio: ["inherit", "pipe", "inherit"],
      env: { ...process.env, TOOTTY_DEMO_FLAVOUR: flavour },
    },
  );
  let out = "";
  child.stdout.on("data", (chunk) => {
    process.stdout.write(chunk);
    out += chunk;
  });
  const status = await new Promise((resolve) => child.on("close", resolve));
  const count = (key) => Number(new RegExp(`^# ${key} (\\d+)$`, "m").exec(out)?.[1] ?? 0);
  figures.push({
    flavour,
    ok: status === 0,
    pass: count("pass"),
    fail: count("fail"),
    skipped: count("skipped"),
  });
}
console.log("\nflavour      pass  fail  skipped");
for (const f of figures)
  console.log(
    `${f.flavour.padEnd(12)} ${String(f.pass).padStart(4)}  ${String(f.fail).padStart(4)}  ${String(f.skipped).padStart(7)}`,
  );
const failed = figures.filter((f) => !f.ok).map((f) => f.flavour);
if (failed.length > 0) {
  console.error(`\nfailed against: ${failed.join(", ")}`);
  process.exit(1);
}
