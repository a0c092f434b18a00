// What the bundle gives blessed's files for require("child_process"): the same functions,
// with node:child_process loaded when one is first used. blessed runs child processes only
// for what tootty rarely or never asks of it (tmux -V, which tootty hides it from; `cls` on
// Windows; an editor it spawns itself), yet loads the module at every start.
"use strict";

const real = () => require("node:child_process");

for (const name of ["exec", "execFile", "execFileSync", "execSync", "fork", "spawn", "spawnSync"])
  Object.defineProperty(module.exports, name, { enumerable: true, get: () => real()[name] });
