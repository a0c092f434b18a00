// A long paste into the composer: the text segments as if typed whole, the draft is written
// once per input read, and the time grows with the text, not with its square.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, test } from "node:test";
import fc from "fast-check";
import { linesFromText } from "../../src/compose/buffer.js";
import { type Draft, DraftStore } from "../../src/compose/drafts.js";
import { applyKey, createEditor } from "../../src/compose/editor.js";
import { charKey, type Key, keysFromString } from "../../src/compose/keys.js";
import type { PostingApi } from "../../src/compose/post.js";
import { type ComposeDeps, ComposeSession } from "../../src/compose/session.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "tootty-paste-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const api: PostingApi = {
  async postStatus() {
    return { id: "1" };
  },
  async editStatus(id) {
    return { id };
  },
};

function deps(store: ComposeDeps["store"]): ComposeDeps {
  return { store, api, maxCharacters: 10_000, editExternally: async (t) => t };
}

/** A DraftStore that counts its writes. */
function countingStore(): { store: DraftStore; writes: () => number } {
  const store = new DraftStore(dir);
  let writes = 0;
  const save = store.save.bind(store);
  store.save = (d: Draft) => {
    writes++;
    return save(d);
  };
  return { store, writes: () => writes };
}

/** The keys of one input read, as the terminal hands them over: all but the last have more. */
async function read(session: ComposeSession, keys: readonly Key[]): Promise<void> {
  for (let i = 0; i < keys.length; i++) {
    await session.press(keys[i]!, { more: i < keys.length - 1 });
  }
}

// What segments differently from its neighbours: combining marks, ZWJ sequences, regional
// indicators (flags pair up along a run), Hangul jamo, a prepended Arabic mark, variation
// selectors, CJK, and plain ASCII.
const PIECES = [
  "a",
  "b",
  " ",
  "\u0301",
  "\u200d",
  "👩",
  "💻",
  "🇫",
  "🇷",
  "\u1100",
  "\u1161",
  "\u11a8",
  "\u0600",
  "\ufe0f",
  "☁",
  "日",
  "\u094d",
  "\u0915",
];

describe("pasting into the composer", () => {
  test("text typed key by key, anywhere in a line, segments as the whole line would", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.constantFrom(...PIECES), fc.constantFrom("<Left>", "<Right>", "<Home>")),
          { maxLength: 60 },
        ),
        (steps) => {
          let s = createEditor("", { mode: "insert" });
          for (const step of steps) {
            const key = step.startsWith("<") ? keysFromString(step)[0]! : charKey(step);
            s = applyKey(s, key);
            assert.equal(s.text, s.lines.map((l) => l.join("")).join("\n"));
            assert.deepEqual(
              s.lines.map((l) => [...l]),
              linesFromText(s.text).map((l) => [...l]),
            );
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  test("the keys of one read are written once, after the last of them", async () => {
    const { store, writes } = countingStore();
    const session = ComposeSession.fresh(deps(store));
    await read(session, keysFromString("x".repeat(300)));
    assert.equal(writes(), 1, "one write for the read");
    assert.equal(new DraftStore(dir).list()[0]?.text, "x".repeat(300), "the whole read on disk");
    await read(session, keysFromString("yz"));
    assert.equal(writes(), 2);
    assert.equal(new DraftStore(dir).list()[0]?.text, `${"x".repeat(300)}yz`);
  });

  test("a read that types and closes keeps what it typed", async () => {
    const session = ComposeSession.fresh(deps(new DraftStore(dir)));
    await read(session, keysFromString("kept words<Esc>:q<CR>"));
    const drafts = new DraftStore(dir).list();
    assert.equal(drafts.length, 1);
    assert.equal(drafts[0]!.text, "kept words");
  });

  test("a change a read left unwritten is written by flush, which the composer calls as it draws", async () => {
    // The read's last key went elsewhere: Ctrl-L redraws the screen, not the composer.
    const session = ComposeSession.fresh(deps(new DraftStore(dir)));
    for (const k of keysFromString("abc")) await session.press(k, { more: true });
    assert.deepEqual(new DraftStore(dir).list(), []);
    session.flush();
    assert.equal(new DraftStore(dir).list()[0]?.text, "abc");
  });

  test("the time of a paste grows with its length, not with its square", async (t) => {
    // CPU time of this process, not the wall clock: other processes on a busy machine take
    // turns on the cores and stretch wall time, while the work done here stays what it is.
    const cpuMs = () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    };
    /** CPU milliseconds to paste `n` characters in reads of 1024 keys, the draft on disk. */
    async function paste(n: number, budgetMs: number): Promise<number> {
      const session = ComposeSession.fresh(deps(new DraftStore(mkdtempSync(join(dir, "p-")))));
      const keys = keysFromString("lorem ipsum dolor sit amet ".repeat(n).slice(0, n));
      const started = cpuMs();
      for (let i = 0; i < keys.length; i += 1024) {
        await read(session, keys.slice(i, i + 1024));
        // Quadratic time would take minutes here: stop as soon as the answer is known.
        if (cpuMs() - started > budgetMs) return Number.POSITIVE_INFINITY;
      }
      assert.equal(session.view(78, 20).count, n);
      return cpuMs() - started;
    }
    // The quickest of three runs each: what else runs can slow a run, never speed one up.
    const best = async (n: number, budget: number) => {
      let min = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 3; i++) min = Math.min(min, await paste(n, budget));
      return min;
    };
    await paste(1000, 60_000); // warm up the JIT
    const small = await best(1000, 60_000);
    // Linear time is 4x for 4x the text; squared, 16x.
    const large = await best(4000, Math.max(200, small * 8));
    const figures = `1 000 keys ${small.toFixed(0)} ms of CPU, 4 000 keys ${large.toFixed(0)} ms`;
    t.diagnostic(figures);
    assert.ok(large < Math.max(200, small * 8), figures);
  });
});
