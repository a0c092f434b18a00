// Bandwidth over SSH: bytes tootty writes to its terminal per streamed toot and per `j`, at
// 200×50 with the default panes side by side. Counted from the pty: exactly what
// the program sent (what an SSH link would carry, before compression).
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findOnScreen } from "../helpers/screen.js";
import { control, killAll, startTootty } from "../ui/terminal-harness.js";

const TOOTS = 21;
const KEYS = 15;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Waits until the byte count has not grown for `quietMs` (the coalesced paint is out). */
export async function settled(file: string, quietMs = 150, timeoutMs = 5000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let size = statSync(file).size;
  let since = Date.now();
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 10));
    const now = statSync(file).size;
    if (now !== size) {
      size = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return size;
  }
  return statSync(file).size;
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(2)} KB`;
}

export async function benchTerminal(): Promise<Record<string, string>> {
  const out = join(mkdtempSync(join(tmpdir(), "tootty-bytes-")), "pty.out");
  writeFileSync(out, "");
  const { session, demo } = await startTootty({ cols: 200, rows: 50 });
  try {
    await session.waitFor((s) => s.includes("Federated ·") && s.includes("▌"), "panes", 15_000);
    await control(demo, "generator", { on: false });
    session.recordOutput(out);
    const panes = (session.capture().split("\n")[0]?.match(/┌/g) ?? []).length;
    let last = await settled(out);

    const perToot: number[] = [];
    for (let i = 0; i < TOOTS; i++) {
      const before = session.capture();
      const marker = `bench${i}x${Date.now().toString(36)}`;
      await control(demo, "publish", {
        target: "local",
        status: {
          account: "alice",
          visibility: "public",
          content: `<p>${marker} a streamed toot of ordinary length, with a #tag and a link https://example.org/x</p>`,
        },
      });
      // Shown at the top of a pane at the top, or counted as "N new" in a scrolled pane's title.
      await session.waitFor((s) => s !== before, "the streamed toot to show", 5000);
      const size = await settled(out);
      perToot.push(size - last);
      last = size;
    }

    const perKey: number[] = [];
    const markRow = (s: string) => findOnScreen(s, "▌")[0]?.row ?? -1;
    for (let i = 0; i < KEYS; i++) {
      const before = session.capture();
      session.send("j");
      await session.waitFor((s) => s !== before || markRow(s) !== markRow(before), "j to repaint");
      const size = await settled(out);
      perKey.push(size - last);
      last = size;
    }
    session.send("q");
    await session.waitForExit();
    return {
      "terminal size": `200×50, ${panes} panes side by side`,
      "bytes per streamed toot (median)": `${kb(median(perToot))} (goal ≤ 4 KB; max ${kb(Math.max(...perToot))} over ${TOOTS})`,
      "bytes per j keypress (median)": `${kb(median(perKey))} (max ${kb(Math.max(...perKey))} over ${KEYS})`,
    };
  } finally {
    killAll();
  }
}
