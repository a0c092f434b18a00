// Runs the end-to-end suite once per server the simulated instance can play
// (src/demo/flavour.ts), with TOOTTY_DEMO_FLAVOUR set; extra arguments narrow the files
// as for scripts/test.mjs. Exits non-zero if any flavour fails, after running them all.
import { spawnSync } from "node:child_process";

const FLAVOURS = ["mastodon", "gotosocial", "pleroma", "hollo"];
const files = process.argv.slice(2);
const failed = [];
for (const flavour of FLAVOURS) {
  console.log(`\n=== end-to-end tests against the ${flavour} flavour ===`);
  const run = spawnSync(
    process.execPath,
    ["scripts/test.mjs", ...(files.length ? files : ["test/e2e"])],
    {
      stdio: "inherit",
      env: { ...process.env, TOOTTY_DEMO_FLAVOUR: flavour },
    },
  );
  if (run.status !== 0) failed.push(flavour);
}
if (failed.length > 0) {
  console.error(`\nfailed against: ${failed.join(", ")}`);
  process.exit(1);
}
