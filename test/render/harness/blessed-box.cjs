// Draws the lines of a JSON file inside a bordered blessed box, with a column of "#" markers
// just right of the border, in a terminal exactly one column wider than the box. If blessed
// and the terminal disagree about any line's width, that row's border and marker move.
// Usage: node blessed-box.cjs INPUT.json READY_FILE
const { readFileSync, writeFileSync } = require("node:fs");
const blessed = require("blessed");

const { lines, width } = JSON.parse(readFileSync(process.argv[2], "utf8"));
const screen = blessed.screen({ fullUnicode: true, smartCSR: true, warnings: false });
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
writeFileSync(process.argv[3], "ready");
setTimeout(() => screen.destroy(), 30000).unref();
process.stdin.resume();
