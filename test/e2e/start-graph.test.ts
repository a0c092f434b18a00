// What the built TUI compiles before its first paint: the entry, the TUI chunk and the screen
// chunk (src/cli/main.ts → tui.ts → tui-screen.ts, each loaded by import()), with every chunk
// they import at once. The build writes what each chunk holds and imports (dist/graph.json,
// from esbuild's metafile; the chunks themselves are CommonJS without esbuild's "// path"
// comments). Code that only some sessions need is loaded where it is first used, and must not
// come back into this set unnoticed.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { test } from "node:test";
import { GUESSED_LANGUAGES } from "../../src/render/highlight.js";

const DIST = new URL("../../dist/", import.meta.url);

type Graph = Record<string, { modules: string[]; imports: string[] }>;

function graph(): Graph {
  assert.ok(existsSync(new URL("graph.json", DIST)), "run `npm run build` first");
  const g = JSON.parse(readFileSync(new URL("graph.json", DIST), "utf8")) as Graph;
  for (const chunk of Object.keys(g)) assert.ok(existsSync(new URL(chunk, DIST)), `${chunk} built`);
  return g;
}

/** The source files in the static closure of the start-up chunks (only the entry's: `entry`). */
function startModules(entry = false): Set<string> {
  const g = graph();
  const chunks = Object.keys(g);
  const starts = [
    "tootty.js",
    ...(entry ? [] : chunks.filter((f) => /^chunks\/(tui|tui-screen)-[A-Z0-9]+\.js$/.test(f))),
  ];
  if (!entry)
    assert.equal(starts.length, 3, `entry, tui and tui-screen chunks: ${starts.join(", ")}`);
  const seen = new Set<string>();
  const modules = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const chunk = g[file];
    assert.ok(chunk, `${file} is in the graph`);
    for (const m of chunk.modules) modules.add(m);
    for (const i of chunk.imports) visit(i);
  };
  for (const s of starts) visit(s);
  return modules;
}

test("`tootty --version` compiles the command line alone: no settings, catalogues or rendering", () => {
  const modules = [...startModules(true)];
  assert.ok(modules.includes("src/cli/args.ts"), "the command line is there");
  assert.deepEqual(
    modules.filter((m) => /^src\/(i18n|render)\/|^src\/config\/settings\.ts$/.test(m)),
    [],
    "loaded by the commands that need them",
  );
});

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
  const all = new Set(Object.values(graph()).flatMap((c) => c.modules));
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
