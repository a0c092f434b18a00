// Draws the lines of a JSON file inside a bordered blessed box, with a column of "#" markers
// just right of the border, in a terminal exactly one column wider than the box. If blessed
// and the terminal disagree about any line's width, that row's border and marker move.
// Usage: node --import tsx blessed-box.ts INPUT.json READY_FILE   (run by tmux-box.ts)
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { installBlessedWidthFix, installCellModel } from "../../../src/render/blessed-fit.js";

const blessed = createRequire(import.meta.url)("blessed");
const { lines, width, widthFix } = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as {
  lines: string[];
  width: number;
  widthFix: boolean;
};
if (widthFix) installBlessedWidthFix(blessed);
const screen = blessed.screen({ fullUnicode: true, smartCSR: true, warnings: false });
if (widthFix) installCellModel(screen);
blessed.box({
  parent: screen,
  top: 0,
  left: 0,
  width,
  height: lines.length + 2,
  border: { type: "line" },
  tags: false,
  wrap: false,
  content: lines.join("\n"),
});
blessed.box({
  parent: screen,
  top: 0,
  left: width,
  width: 1,
  height: lines.length + 2,
  content: Array(lines.length + 2)
    .fill("#")
    .join("\n"),
});
screen.render();
writeFileSync(process.argv[3]!, "ready");
setTimeout(() => screen.destroy(), 30000).unref();
process.stdin.resume();
