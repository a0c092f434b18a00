// What the built TUI compiles before its first paint: the entry, the TUI chunk and the screen
// chunk (src/cli/main.ts → tui.ts → tui-screen.ts, each loaded by import()), with every chunk
// they import statically. esbuild names each source file in a `// path` comment where its code
// starts, so the chunks say which modules they hold. Code that only some sessions need is
// loaded where it is first used, and must not come back into this set unnoticed.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { GUESSED_LANGUAGES } from "../../src/render/highlight.js";

const DIST = new URL("../../dist/", import.meta.url);

/** The source files in the static closure of the start-up chunks. */
function startModules(): Set<string> {
  assert.ok(existsSync(new URL("tootty.js", DIST)), "run `npm run build` first");
  const chunks = readdirSync(new URL("chunks/", DIST)).filter((f) => f.endsWith(".js"));
  const starts = [
    "tootty.js",
    ...chunks.filter((f) => /^(tui|tui-screen)-[A-Z0-9]+\.js$/.test(f)).map((f) => `chunks/${f}`),
  ];
  assert.equal(starts.length, 3, `entry, tui and tui-screen chunks: ${starts.join(", ")}`);
  const seen = new Set<string>();
  const modules = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(new URL(file, DIST), "utf8");
    for (const m of text.matchAll(/^\/\/ ((?:src|node_modules)\/\S+)$/gm)) modules.add(m[1]!);
    // Static imports only: `import … from "./chunk-X.js"` and `import "./chunk-X.js"`.
    for (const m of text.matchAll(/^(?:import|export)\b[^;]*?["'](\.\.?\/[^"']+\.js)["'];?$/gm)) {
      const target = new URL(m[1]!, new URL(file, DIST)).pathname.slice(DIST.pathname.length);
      visit(target);
    }
  };
  for (const s of starts) visit(s);
  return modules;
}

test("the start-up chunks hold the screen but not the picture decoders", () => {
  const modules = [...startModules()];
  assert.ok(modules.includes("src/cli/tui-screen.ts"), "the screen itself is there");
  assert.ok(modules.includes("src/images/pictures.ts"), "the picture store is there");
  const decoders = modules.filter((m) => /^node_modules\/(pngjs|jpeg-js|omggif)\//.test(m));
  assert.deepEqual(decoders, [], "pngjs, jpeg-js and omggif load with the first picture");
});

test("the composer loads with the first c, r, Q or e, not before the first paint", () => {
  const modules = [...startModules()];
  assert.ok(modules.includes("src/ui/features/compose.ts"), "the draft offer is there");
  const composer = modules.filter((m) =>
    /^src\/(compose\/(normal|visual|session|counter|twitter-regexen)|ui\/compose\/)/.test(m),
  );
  assert.deepEqual(composer, [], "the vim editor, the counter and the overlay wait for c");
});

test("code is highlighted by marked-terminal with the grammars tootty guesses among, off the start-up path", () => {
  const modules = [...startModules()];
  assert.deepEqual(
    modules.filter((m) => /^node_modules\/(marked-terminal|cli-highlight|highlight\.js)\//.test(m)),
    [],
    "the highlighter loads after the first paint",
  );
  const chunks = readdirSync(new URL("chunks/", DIST)).filter((f) => f.endsWith(".js"));
  const all = new Set<string>();
  for (const f of chunks) {
    const text = readFileSync(new URL(`chunks/${f}`, DIST), "utf8");
    for (const m of text.matchAll(/^\/\/ ((?:src|node_modules|scripts)\/\S+)$/gm)) all.add(m[1]!);
  }
  assert.ok(all.has("node_modules/marked-terminal/index.js"), "marked-terminal is in the bundle");
  const grammars = [...all]
    .map((m) => /^node_modules\/highlight\.js\/lib\/languages\/([a-z0-9-]+)\.js$/.exec(m)?.[1])
    .filter((g) => g !== undefined)
    .sort();
  assert.deepEqual(grammars, [...GUESSED_LANGUAGES].sort(), "only the guessed languages' grammars");
  assert.ok(
    !all.has("node_modules/highlight.js/lib/index.js"),
    "not highlight.js's every-grammar index",
  );
});

test("the Arabic catalogues load only in a process that speaks Arabic", () => {
  const modules = [...startModules()];
  assert.ok(modules.includes("src/i18n/en.ts"), "English is always there");
  const arabic = modules.filter((m) => /^src\/i18n\/(ar|actions-ar)[.-]/.test(m));
  assert.deepEqual(arabic, [], "the Arabic words are not compiled in English");
});
