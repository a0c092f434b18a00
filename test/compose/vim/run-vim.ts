/**
 * Runs key sequences in vim itself (headless, one process for the whole table) and reads
 * back the text, the cursor and the unnamed register. Keys go in with feedkeys(…, "xt"):
 * "t" makes them count as typed, so a failed motion beeps without flushing the keys after
 * it and undo steps fall between commands, exactly as when a person types them.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { splitGraphemes } from "../../../src/compose/graphemes.js";

export interface VimCase {
  /** The text, lines joined with "\n". */
  text: string;
  /** Start cursor: line and grapheme column, from 0. */
  at: [number, number];
  /** Keys in vim notation ("dw", "ci(x<Esc>", "<C-v>jd"). */
  keys: string;
}

export interface VimResult {
  lines: string[];
  /** Line and grapheme column, from 0. */
  cursor: [number, number];
  /** The unnamed register, linewise text ending in "\n" as vim keeps it. */
  register: string;
  registerType: string;
}

/**
 * The composer's settings, in vim's words: vim -u NONE's own, except one space after a
 * sentence when joining (Vim 9's 'joinspaces' adds two) and a Backspace that crosses line
 * breaks and the start of the insert (defaults.vim's 'backspace'). So shifts are by a tab
 * ('shiftwidth' 8, 'noexpandtab'), Ctrl-a reads 0x, 0b and leading-zero octal numbers
 * ('nrformats' bin,octal,hex), and 'textwidth' 0 makes gq wrap at 79 columns.
 */
export const VIM_SETTINGS =
  "set encoding=utf-8 nojoinspaces backspace=indent,eol,start textwidth=0";

export const CASE_ID = (c: VimCase): string => JSON.stringify([c.text, c.at, c.keys]);

export function vimAvailable(): boolean {
  const r = spawnSync("vim", ["--version"], { encoding: "utf8", timeout: 10_000 });
  return r.status === 0 && /VIM - Vi IMproved 9/.test(r.stdout);
}

const utf8 = (s: string) => Buffer.byteLength(s, "utf8");

/** Our keys as the body of a vim double-quoted string: <Esc> → \<Esc>. */
export function vimKeyString(keys: string): string {
  let out = "";
  for (let i = 0; i < keys.length; i++) {
    const ch = keys[i]!;
    if (ch === "<") {
      const close = keys.indexOf(">", i);
      const inner = close > i + 1 ? keys.slice(i + 1, close) : "";
      if (/^([A-Za-z]+|[CSM]-.)$/.test(inner)) {
        out += `\\<${inner}>`;
        i = close;
        continue;
      }
    }
    out += ch === "\\" || ch === '"' ? `\\${ch}` : ch;
  }
  return out;
}

const SCRIPT = `
${VIM_SETTINGS}
let s:cases = json_decode(join(readfile(g:input), "\\n"))
let s:out = []
for s:c in s:cases
  enew!
  " No case sees the one before's :s: the last substitute becomes one that never matches.
  silent! s/\\%$\\%^tootty-none//e
  setlocal undolevels=-1
  call setline(1, s:c.lines)
  setlocal undolevels=1000
  for s:r in split('"0123456789abcdefghijklmnopqrstuvwxyz-', '\\zs')
    call setreg(s:r, [])
  endfor
  delmarks!
  delmarks A-Z0-9
  let @/ = ''
  call setcharsearch({'char': "\x01", 'forward': 1, 'until': 0})
  call histdel('/')
  call cursor(s:c.line, s:c.col)
  try
    call feedkeys(eval('"' . s:c.keys . '"'), 'xt')
  catch
  endtry
  call add(s:out, {'lines': getline(1, '$'), 'line': line('.'), 'col': col('.'),
        \\ 'reg': getreg('"'), 'regtype': getregtype('"')})
  bwipe!
endfor
call writefile([json_encode(s:out)], g:output)
qa!
`;

/** Byte column (from 1) of grapheme `col` on `line`, and back. */
function byteCol(line: string, col: number): number {
  return utf8(splitGraphemes(line).slice(0, col).join("")) + 1;
}

function graphemeCol(line: string, bytes: number): number {
  let used = 0;
  const gs = splitGraphemes(line);
  for (let i = 0; i < gs.length; i++) {
    used += utf8(gs[i]!);
    if (used >= bytes) return i;
  }
  return Math.max(0, gs.length - 1);
}

export function runInVim(cases: readonly VimCase[]): VimResult[] {
  const dir = mkdtempSync(join(tmpdir(), "tootty-vim-"));
  try {
    const input = join(dir, "in.json");
    const output = join(dir, "out.json");
    const script = join(dir, "run.vim");
    writeFileSync(
      input,
      JSON.stringify(
        cases.map((c) => {
          const lines = c.text.split("\n");
          return {
            lines,
            line: c.at[0] + 1,
            col: byteCol(lines[c.at[0]]!, c.at[1]),
            keys: vimKeyString(c.keys),
          };
        }),
      ),
    );
    writeFileSync(script, SCRIPT);
    const r = spawnSync(
      "vim",
      [
        "-u",
        "NONE",
        "-i",
        "NONE",
        "-N",
        "-n",
        "-es",
        "--cmd",
        `let g:input='${input}'`,
        "--cmd",
        `let g:output='${output}'`,
        "-S",
        script,
      ],
      {
        encoding: "utf8",
        timeout: 120_000,
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, LANG: "C.UTF-8" },
      },
    );
    if (r.error) throw r.error;
    const raw = JSON.parse(readFileSync(output, "utf8")) as {
      lines: string[];
      line: number;
      col: number;
      reg: string;
      regtype: string;
    }[];
    return raw.map((o) => ({
      lines: o.lines,
      cursor: [o.line - 1, graphemeCol(o.lines[o.line - 1] ?? "", o.col)],
      register: o.reg,
      // An empty register's type says nothing (vim calls a register emptied by a change "v").
      registerType: o.reg === "" ? "" : o.regtype,
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
