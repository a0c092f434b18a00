import assert from "node:assert/strict";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { ExternalEditorError, editExternally } from "../../src/compose/external.js";

const dir = mkdtempSync(join(tmpdir(), "tootty-ext-test-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function script(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

describe("external editor", () => {
  test("the text the editor writes comes back", async () => {
    // Records the mode it saw, then rewrites the file.
    const editor = script(
      "rewrite.sh",
      `stat -c %a "$1" > "${dir}/mode"; printf 'rewritten\\nby the editor\\n' > "$1"`,
    );
    const out = await editExternally("original", { PATH: process.env.PATH, EDITOR: editor });
    assert.equal(out, "rewritten\nby the editor");
    assert.equal(readFileSync(join(dir, "mode"), "utf8").trim(), "600");
  });

  test("the editor receives the current text", async () => {
    const editor = script("upper.sh", `tr a-z A-Z < "$1" > "$1.new" && mv "$1.new" "$1"`);
    assert.equal(
      await editExternally("hello 👋", { PATH: process.env.PATH, EDITOR: editor }),
      "HELLO 👋",
    );
  });

  test("VISUAL wins over EDITOR and may carry arguments", async () => {
    const editor = script("editor.sh", `echo "from editor" > "$1"`);
    // VISUAL's own argument comes first, the file name after it.
    const visual = script("visual.sh", `printf 'from visual %s\\n' "$1" > "$2"`);
    const out = await editExternally("x", {
      PATH: process.env.PATH,
      VISUAL: `${visual} arg`,
      EDITOR: editor,
    });
    assert.equal(out, "from visual arg");
  });

  test("a failing editor leaves the text alone and says so", async () => {
    const editor = script("fail.sh", "exit 3");
    await assert.rejects(
      editExternally("keep", { PATH: process.env.PATH, EDITOR: editor }),
      ExternalEditorError,
    );
  });

  test("a file name with shell characters is passed safely", async () => {
    const weird = mkdtempSync(join(dir, "a b;$(touch pwned)"));
    const editor = script("ok.sh", `echo ok > "$1"`);
    assert.equal(
      await editExternally("x", { PATH: process.env.PATH, EDITOR: editor }, { tmpDir: weird }),
      "ok",
    );
    assert.equal(existsSync("pwned"), false);
  });
});
