// What the tmux tests run inside a real terminal: the config room's sub-commands wired to
// the process's own stdin/stdout/stderr, exactly as src/cli/main.ts hands them over.
import { runLogin } from "../../src/cli/login.js";
import { runLogout } from "../../src/cli/logout.js";

const [command, arg] = process.argv.slice(2);
const io = { input: process.stdin, output: process.stdout, err: process.stderr, env: process.env };
const code =
  command === "logout"
    ? await runLogout(arg ? { account: arg } : {}, io)
    : await runLogin(arg ? { host: arg } : {}, io);
// The tests read the exit code off the screen: tmux's own pane status can lag behind.
process.stdout.write(`[exit ${code}]\n`);
process.exit(code);
