// The import rules of docs/architecture.md and src/ui/README.md, checked over the source: a
// file's folder says what it may import, so a rule broken by a new import fails here.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, test } from "node:test";

interface Import {
  from: string;
  to: string;
  typeOnly: boolean;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

const IMPORT = /^(import|export)\s+(type\s+)?[^;]*?from\s+"([^"]+)"/gms;

function importsOf(file: string): Import[] {
  const text = readFileSync(file, "utf8");
  const out: Import[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[3]!;
    const to = spec.startsWith(".") ? normalize(join(dirname(file), spec)) : spec;
    out.push({ from: file, to: to.replace(/\.js$/, ".ts"), typeOnly: Boolean(m[2]) });
  }
  return out;
}

const all = sources("src").flatMap(importsOf);

/** "ui/panes", "ui/shell"… for a file under src/ui/, "timeline", "api"… for a core room. */
function room(path: string): string {
  const parts = relative("src", path).split("/");
  return parts[0] === "ui" ? `ui/${parts[1]}` : parts[0]!;
}

const show = (list: Import[]) => list.map((i) => `${i.from} → ${i.to}`).join("\n");

describe("rooms", () => {
  test("nothing outside src/ui imports blessed, and no core room imports src/ui", () => {
    const bad = all.filter((i) => {
      const from = room(i.from);
      if (from.startsWith("ui/") || from === "cli") return false;
      return i.to === "blessed" || i.to.startsWith("src/ui/");
    });
    assert.equal(show(bad), "");
  });

  // Bottom up: a folder imports only folders before it in this table.
  const allowed: Record<string, (i: Import) => boolean> = {
    "ui/terminal": () => false,
    "ui/shell": (i) => room(i.to) === "ui/terminal" || i.to === "src/ui/panes/viewport.ts",
    "ui/panes": (i) => ["ui/terminal", "ui/shell"].includes(room(i.to)),
    "ui/overlays": (i) => paneTypesAndBelow(i),
    "ui/compose": (i) => paneTypesAndBelow(i),
    "ui/features": () => true,
  };
  function paneTypesAndBelow(i: Import): boolean {
    const to = room(i.to);
    if (to === "ui/terminal" || to === "ui/shell") return true;
    return to === "ui/panes" && (i.typeOnly || i.to === "src/ui/panes/viewport.ts");
  }

  test("every file under src/ui sits in one of the README's folders", () => {
    const stray = sources("src/ui").filter((f) => !(room(f) in allowed));
    assert.deepEqual(stray, []);
  });

  test("terminal ← shell ← panes ← overlays ← features: no folder imports one after it", () => {
    const bad = all.filter((i) => {
      const from = room(i.from);
      if (!from.startsWith("ui/") || !i.to.startsWith("src/ui/")) return false;
      if (room(i.to) === from) return false;
      return !allowed[from]?.(i);
    });
    assert.equal(show(bad), "");
  });
});
