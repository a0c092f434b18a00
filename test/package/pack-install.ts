// The published package as a user gets it: `npm pack` (its prepack builds dist/), the tarball
// installed into an empty prefix with --omit=dev (so only run-time dependencies), then the
// installed `tootty --version` and `tootty --demo` in a real terminal (xterm.js). No network:
// the dependencies come from npm's cache, filled by `npm ci`.
// Run with `npm run test:pack` (.ci/run does); it rebuilds dist/, so not inside `npm test`.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pkg from "../../package.json" with { type: "json" };
import { XtermSession } from "../helpers/xterm.js";

interface Lock {
  packages: Record<string, { dev?: boolean }>;
}

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "tootty-pack-"));
const npm = (args: string[], cwd: string) =>
  execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

try {
  const started = Date.now();
  const packed = JSON.parse(npm(["pack", "--json", "--pack-destination", work], REPO)) as {
    filename: string;
    files: { path: string }[];
  }[];
  const files = packed[0]!.files.map((f) => f.path);
  const tarball = join(work, packed[0]!.filename);
  // What ships: the entry point, the bundle, README and LICENSE; no sources, tests or maps.
  for (const needed of ["bin/tootty.js", "dist/tootty.js", "README.md", "LICENSE", "package.json"])
    assert.ok(files.includes(needed), `${needed} is in the tarball`);
  const stray = files.filter(
    (f) => !/^(bin|dist)\//.test(f) && !/^(README\.md|LICENSE|package\.json)$/.test(f),
  );
  assert.deepEqual(stray, [], "nothing else is in the tarball");
  assert.ok(!files.some((f) => f.endsWith(".map")), "no source maps");

  // An empty project that depends on the tarball alone. Its lock file takes the run-time
  // packages' entries (resolved, integrity) from ours, so npm installs from its cache with
  // no registry request: `--offline` without a lock would still ask for each package's
  // metadata, which `npm ci` never caches.
  const prefix = join(work, "prefix");
  mkdirSync(prefix);
  const ours = JSON.parse(readFileSync(join(REPO, "package-lock.json"), "utf8")) as Lock;
  const runtime = Object.entries(ours.packages).filter(([path, p]) => path !== "" && !p.dev);
  const tarballName = packed[0]!.filename;
  const integrity = `sha512-${createHash("sha512").update(readFileSync(tarball)).digest("base64")}`;
  const project = {
    name: "tootty-install-check",
    private: true,
    dependencies: { tootty: `file:${tarball}` },
  };
  writeFileSync(join(prefix, "package.json"), JSON.stringify(project, null, 2));
  const lock = {
    name: project.name,
    lockfileVersion: 3,
    requires: true,
    packages: {
      "": { name: project.name, dependencies: project.dependencies },
      "node_modules/tootty": {
        version: pkg.version,
        resolved: `file:${tarball}`,
        integrity,
        license: pkg.license,
        dependencies: pkg.dependencies,
        bin: pkg.bin,
        engines: pkg.engines,
      },
      ...Object.fromEntries(runtime),
    },
  };
  writeFileSync(join(prefix, "package-lock.json"), JSON.stringify(lock, null, 2));
  npm(["ci", "--omit=dev", "--offline", "--no-audit", "--no-fund"], prefix);
  const installed = join(prefix, "node_modules", "tootty");
  assert.ok(
    existsSync(join(installed, "dist", "tootty.js")),
    `the bundle is installed (${tarballName})`,
  );
  const modules = readdirSync(join(prefix, "node_modules"))
    .filter((m) => !m.startsWith("."))
    .sort();
  assert.deepEqual(
    modules,
    ["tootty", ...Object.keys(pkg.dependencies)].sort(),
    "only tootty and its run-time dependencies installed",
  );
  const bin = join(prefix, "node_modules", ".bin", "tootty");
  assert.ok(existsSync(bin), "the tootty command is installed");

  const version = execFileSync(bin, ["--version"], { encoding: "utf8" }).trim();
  assert.equal(version, `tootty ${pkg.version}`);

  const config = join(work, "config");
  const term = XtermSession.start({
    command: [bin, "--demo"],
    cols: 120,
    rows: 32,
    env: { TOOTTY_CONFIG_DIR: config },
  });
  try {
    // Toots: a handle and the pane title, as on any first start.
    await term.waitFor((s) => s.includes("Home ·") && /@\w+/.test(s), "toots on screen", 20_000);
    term.send("q");
    assert.equal(await term.waitForExit(15_000), 0, "q exits 0");
    assert.equal(term.terminalRestored().alternateScreen, false, "terminal restored");
  } finally {
    term.kill();
  }
  console.log(
    `pack-install: ok — ${files.length} files in ${packed[0]!.filename}, installed with --omit=dev (${modules.join(", ")}), --version and --demo ran (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
