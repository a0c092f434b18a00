// Runs tootty's start-up width probe in whatever terminal it is started in and writes the
// result (the TerminalWidths, or null) as JSON to the file named by its argument.
// Usage: node --import tsx width-probe-script.ts OUTPUT.json   (run by width-probe-tmux.test.ts)
import { renameSync, writeFileSync } from "node:fs";
import { probeTerminalWidths } from "../../src/ui/terminal/width-probe.js";

const widths = await probeTerminalWidths(process.stdin, process.stdout);
// Written whole, then renamed: the reader never sees half a file.
writeFileSync(`${process.argv[2]}.part`, JSON.stringify(widths));
renameSync(`${process.argv[2]}.part`, process.argv[2]!);
process.exit(0);
