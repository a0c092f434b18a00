// Runs tootty's start-up probe (the width and the graphics questions in one write, as the TUI
// asks them) in whatever terminal it is started in and writes the widths learnt (the
// TerminalWidths, or null) as JSON to the file named by its argument.
// Usage: node --import tsx width-probe-script.ts OUTPUT.json   (run by width-probe-tmux.test.ts)
import { renameSync, writeFileSync } from "node:fs";
import { probeTerminal } from "../../src/ui/terminal/start-probe.js";

const { widths } = await probeTerminal(process.stdin, process.stdout, {
  widths: true,
  graphics: true,
});
// Written whole, then renamed: the reader never sees half a file.
writeFileSync(`${process.argv[2]}.part`, JSON.stringify(widths));
renameSync(`${process.argv[2]}.part`, process.argv[2]!);
process.exit(0);
