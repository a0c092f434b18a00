// Replying in a real terminal: r prefills the mentions, keeps the thread, the parent's
// visibility and its content warning, and posts a reply the instance links to the parent.
import assert from "node:assert/strict";
import { test } from "node:test";
import { e2eInstance } from "../helpers/e2e.js";

const e2e = e2eInstance({ generate: false, seedCount: 10 });

test("r on a toot that mentions others: @author and @others prefilled, minus me; the reply is linked to it", async () => {
  const marker = `reply${Date.now().toString(36)}`;
  const { demo } = e2e;
  const parent = demo.control.publish("home", {
    account: "yuki@kaiju.example",
    spoiler_text: "",
    visibility: "unlisted",
    mentions: ["alice", "demo"],
    content: `<p><span class="h-card"><a href="https://${"demo.tootty.example"}/@alice" class="u-url mention">@<span>alice</span></a></span> <span class="h-card"><a href="https://demo.tootty.example/@demo" class="u-url mention">@<span>demo</span></a></span> parent ${marker}</p>`,
  });
  const tui = e2e.start({ cols: 110, rows: 32 });
  await tui.waitForText(`parent ${marker}`, 15_000);
  tui.send("r");
  const composer = await tui.waitForText("-- INSERT --");
  assert.match(composer, /@yuki@kaiju\.example/, "the author is mentioned");
  assert.match(composer, /@alice/, "the others mentioned too");
  assert.doesNotMatch(
    composer.split("-- INSERT --")[0]!.split("Reply")[1] ?? "",
    /@demo\b/,
    "not myself",
  );
  tui.type(`answer ${marker}`);
  tui.send("Escape", ":wq", "Enter");
  await tui.waitForText("Posted", 15_000);

  const res = await fetch(`${demo.url}/api/v1/statuses/${parent.id}/context`, {
    headers: { authorization: `Bearer ${demo.token}` },
  });
  const context = (await res.json()) as {
    descendants: { content: string; in_reply_to_id: string; visibility: string }[];
  };
  const reply = context.descendants.find((s) => s.content.includes(`answer ${marker}`));
  assert.ok(reply, "the instance lists the reply under the parent");
  assert.equal(reply.in_reply_to_id, parent.id);
  assert.equal(reply.visibility, "unlisted", "the parent's visibility is kept");
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});
