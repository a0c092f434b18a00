// Sizes, resizing and wide text in tmux (the checks: terminal-size-checks.ts).
import { sizeChecks } from "./terminal-size-checks.js";

sizeChecks("tmux");
