// What the bundle gives blessed's files for require("child_process"): the same functions,
// with node:child_process loaded when one is first used. blessed runs child processes only
// for what tootty rarely or never asks of it (tmux -V, which tootty hides it from; `cls` on
// Windows; an editor it spawns itself), yet loads the module at every start.
"use strict";

const real = () => require("node:child_process");

module.exports = {
  get execFileSync() {
    return real().execFileSync;
  },
  get execSync() {
    return real().execSync;
  },
  get spawn() {
    return real().spawn;
  },
  get exec() {
    return real().exec;
  },
  get execFile() {
    return real().execFile;
  },
  get fork() {
    return real().fork;
  },
  get spawnSync() {
    return real().spawnSync;
  },
};
