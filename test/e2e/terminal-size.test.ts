// Sizes, resizing and wide text in xterm.js (the checks: terminal-size-checks.ts).
import { sizeChecks } from "./terminal-size-checks.js";

sizeChecks("xterm");
