// Drafts and attachments in the real terminal: a kept draft comes back with `c`, no empty
// draft file is ever written, a draft is deleted only after a yes, and the README's alt-text
// command stores just the description.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { DraftStore, newDraft } from "../../src/compose/drafts.js";
import { e2eInstance, flavourHas, MAX_CHARACTERS, newConfigDir } from "../helpers/e2e.js";
import type { TmuxSession } from "../helpers/tmux.js";

const e2e = e2eInstance({ generate: false, seedCount: 10 });

const start = (configDir: string) => e2e.start({ configDir, cols: 100, rows: 30 });

function draftFiles(configDir: string): { text: string; media: { description: string }[] }[] {
  let names: string[] = [];
  try {
    names = readdirSync(join(configDir, "drafts")).filter((f) => f.endsWith(".json"));
  } catch {
    return [];
  }
  return names.map((n) => JSON.parse(readFileSync(join(configDir, "drafts", n), "utf8")));
}

async function waitForHome(session: TmuxSession): Promise<void> {
  await session.waitFor((s) => /Home ·/.test(s), "the home pane", 15_000);
}

/** The composer's own status line (the box's last inner row). */
function statusRow(screen: string): string {
  const rows = screen.split("\n").filter((r) => r.startsWith("│"));
  return rows[rows.length - 1] ?? "";
}

describe("drafts in the terminal", () => {
  test(":w then :q keeps the draft, and the next c continues it in insert mode", async () => {
    const dir = newConfigDir();
    const session = start(dir);
    await waitForHome(session);
    session.send("c");
    await session.waitForText("-- INSERT --");
    assert.deepEqual(draftFiles(dir), [], "nothing typed, nothing on disk");
    session.type("kept for later");
    await session.waitForText("kept for later");
    session.send("Escape", ":w", "Enter");
    await session.waitForText("Draft saved");
    session.send(":q", "Enter");
    await session.waitForText("Draft kept");
    session.send("c");
    await session.waitForText("kept for later");
    const screen = await session.waitForText("-- INSERT --");
    assert.match(screen, /Draft/, "the composer says it holds a draft");
    // Typing appends to the draft instead of running normal-mode commands on it.
    session.type(" and more");
    await session.waitForText("kept for later and more");
    session.send("Escape", ":wq", "Enter");
    await session.waitForText("Posted", 15_000);
    assert.deepEqual(draftFiles(dir), [], "posted: no draft left");
  });

  test("c then :q leaves no draft file behind", async () => {
    const dir = newConfigDir();
    const session = start(dir);
    await waitForHome(session);
    session.send("c");
    await session.waitForText("-- INSERT --");
    session.type("x");
    await session.waitFor(
      (s) => statusRow(s).includes(`1/${MAX_CHARACTERS}`),
      "one character counted",
    );
    session.send("BSpace");
    await session.waitFor(
      (s) => statusRow(s).includes(`0/${MAX_CHARACTERS}`),
      "the text gone again",
    );
    assert.deepEqual(draftFiles(dir), [], "an emptied composer keeps no file");
    session.send("Escape", ":q", "Enter");
    await session.waitForText("Home ·");
    assert.deepEqual(draftFiles(dir), []);
  });

  test("d in :drafts asks before deleting a draft", async () => {
    const dir = newConfigDir();
    const store = new DraftStore(join(dir, "drafts"));
    store.save(newDraft({ text: "older draft" }, { now: () => new Date(2026, 0, 1) }));
    store.save(newDraft({ text: "newest draft" }));
    const session = start(dir);
    await session.waitForText("2 unsent drafts", 15_000);
    session.send("c");
    await session.waitForText("newest draft");
    session.send("Escape", ":drafts", "Enter");
    await session.waitForText("older draft");
    session.send("j");
    session.send("d");
    await session.waitForText("Delete this draft? y/n");
    assert.equal(draftFiles(dir).length, 2, "nothing deleted before the answer");
    session.send("n");
    await session.waitFor((s) => !s.includes("Delete this draft?"), "the question gone");
    assert.equal(draftFiles(dir).length, 2, "n keeps it");
    session.send("d");
    await session.waitForText("Delete this draft? y/n");
    session.send("y");
    await session.waitFor((s) => !s.includes("older draft"), "the draft gone from the list");
    assert.deepEqual(
      draftFiles(dir).map((d) => d.text),
      ["newest draft"],
    );
  });

  test(":attach then the README's :alt 1 TEXT stores only the description", async () => {
    const dir = newConfigDir();
    // One green pixel, as a PNG.
    const png = join(dir, "pixel.png");
    writeFileSync(
      png,
      Buffer.from(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
        "base64",
      ),
    );
    const session = start(dir);
    await waitForHome(session);
    session.send("c");
    await session.waitForText("-- INSERT --");
    session.type("a pixel");
    session.send("Escape", `:attach ${png}`, "Enter");
    await session.waitForText("media 1 (no alt text)", 15_000);
    session.type(":alt 1 A single green pixel");
    session.send("Enter");
    await session.waitFor(
      (s) => s.includes("media 1") && !s.includes("(no alt text)"),
      "the alt text stored",
      15_000,
    );
    assert.deepEqual(
      draftFiles(dir).map((d) => d.media.map((m) => m.description)),
      [["A single green pixel"]],
    );
  });

  test("the field line says a poll is multiple choice and when it ends", async () => {
    const dir = newConfigDir();
    const session = start(dir);
    await waitForHome(session);
    session.send("c");
    await session.waitForText("-- INSERT --");
    session.type("which?");
    session.send("Escape", ":poll! 2h tea | coffee", "Enter");
    await session.waitForText("poll: 2 options, multiple choice, ends in 2 hours");
  });

  // Where the server has no scheduled statuses (Hollo), the composer says so instead.
  const schedules = flavourHas("GET", "/api/v1/scheduled_statuses");
  test(
    schedules
      ? ":schedule refuses a time in the past on the spot"
      : ":schedule says this server has no scheduled toots",
    async () => {
      const dir = newConfigDir();
      const session = start(dir);
      await waitForHome(session);
      session.send("c");
      await session.waitForText("-- INSERT --");
      session.type("late");
      session.send("Escape", ":schedule 2020-01-01 09:00", "Enter");
      if (schedules) {
        await session.waitForText("2020-01-01 09:00 is in the past");
        return;
      }
      await session.waitForText("Scheduled toots are not supported by this server");
    },
  );
});
