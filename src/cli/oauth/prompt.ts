// Reads answers typed (or pasted) at a prompt, one line at a time, from any stream: a real
// terminal, a pipe in a script, or a test's PassThrough.
import { createInterface, type Interface } from "node:readline";

export class LineReader {
  readonly #rl: Interface;
  readonly #lines: string[] = [];
  readonly #waiting: ((line: string | undefined) => void)[] = [];
  #closed = false;

  constructor(input: NodeJS.ReadableStream) {
    // terminal: false even on a TTY: the kernel's cooked mode already echoes and edits the
    // line, and readline's terminal mode redraws (clearing what we printed) on every resize.
    this.#rl = createInterface({ input, terminal: false });
    this.#rl.on("line", (line) => {
      const waiter = this.#waiting.shift();
      if (waiter) waiter(line);
      else this.#lines.push(line);
    });
    this.#rl.on("close", () => {
      this.#closed = true;
      for (const waiter of this.#waiting.splice(0)) waiter(undefined);
    });
  }

  /** Writes the question and resolves with the trimmed answer, or undefined at end of input. */
  ask(question: string, output: NodeJS.WritableStream): Promise<string | undefined> {
    output.write(question);
    const ready = this.#lines.shift();
    if (ready !== undefined) return Promise.resolve(ready.trim());
    if (this.#closed) return Promise.resolve(undefined);
    return new Promise((resolve) => this.#waiting.push((line) => resolve(line?.trim())));
  }

  close(): void {
    this.#rl.close();
  }
}
