// The same case in tootty's editor, read back in the shape run-vim.ts reads vim's.
import { applyKeys, createEditor } from "../../../src/compose/editor.js";
import { keysFromString } from "../../../src/compose/keys.js";
import type { VimCase, VimResult } from "./run-vim.js";

export function runInEditor(c: VimCase): VimResult & { mode: string } {
  const start = createEditor(c.text, { cursor: { line: c.at[0], col: c.at[1] } });
  const end = applyKeys(start, keysFromString(c.keys));
  const reg = end.register;
  return {
    lines: end.lines.map((l) => l.join("")),
    cursor: [end.cursor.line, end.cursor.col],
    register: reg.linewise ? `${reg.text}\n` : reg.text,
    registerType:
      reg.blockwise !== undefined
        ? `\x16${reg.blockwise}`
        : reg.linewise
          ? "V"
          : reg.text === ""
            ? ""
            : "v",
    mode: end.mode,
  };
}
