// Quote posts in a real terminal (Mastodon 4.5, API version 7): Q quotes the selected toot and
// the posted quote shows in Home with the quoted toot inside it; a toot whose author allows no
// quotes is refused with a line saying so; :quotes lists who quoted one's toot and x revokes a
// quote after a question; :quotepolicy changes who may quote it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { CONNECTED, command, e2eInstance, FLAVOUR, flavourHas, until } from "../helpers/e2e.js";

const e2e = e2eInstance({ generate: false, seedCount: 10 });

type Author = { account?: { acct?: string } };

/** Why Mastodon 4.5's quote API cannot be tested here: the flavour has no quotes routes. */
const NO_QUOTE_API: string | false = flavourHas("GET", "/api/v1/statuses/1/quotes")
  ? false
  : `the ${FLAVOUR} flavour has no quote API (no /api/v1/statuses/:id/quotes)`;

interface QuoteJson {
  id: string;
  content: string;
  quote?: { state: string; quoted_status: { id: string } | null } | null;
  quote_approval?: { automatic: string[] };
}

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(`${e2e.demo.url}${path}`, {
    headers: { authorization: `Bearer ${e2e.demo.token}` },
  });
  return (await res.json()) as T;
}

// Each server's own shape: Mastodon's Quote entity, Akkoma's quoted Status itself (no state),
// or no quote at all (GoToSocial), where the toot's own "RE:" line is what there is.
test("a seeded quote shows the quoted toot behind a bar in the server's shape, or only its RE: line where the server has no quotes", async () => {
  const home = await getJson<Array<QuoteJson & { quote_id?: string | null }>>(
    "/api/v1/timelines/home?limit=40",
  );
  const seeded = home.find((s) => s.content.includes("This, exactly."));
  assert.ok(seeded, "the seeded quote is on the instance");
  const tui = e2e.start({ cols: 110, rows: 34 });
  await tui.waitForText("Home ·", 15_000);
  tui.send("g");
  const screen = await tui.waitForText("This, exactly.", 15_000);
  const rows = screen.split("\n").map((r) => r.replace(/[▌│┌┐└┘─]/g, " ").trim());
  const at = rows.findIndex((r) => r.includes("This, exactly."));
  // The row drawn under the toot's words (a paragraph's blank line skipped).
  const below = rows.findIndex((r, i) => i > at && r !== "");
  if (seeded.quote || seeded.quote_id) {
    const quote = seeded.quote as ({ quoted_status?: Author } & Author) | null;
    const acct = (quote?.quoted_status ?? quote)?.account?.acct;
    assert.ok(acct, `the quoted toot's author in ${JSON.stringify(seeded.quote)}`);
    assert.ok(
      (screen.split("\n")[below] ?? "").match(/│ +│ /) && rows[below]?.includes(`@${acct}`),
      `the quoted toot's author behind the bar:\n${screen}`,
    );
    // This toot's rows, down to its counts line (another toot may quote one now gone).
    const end = rows.findIndex((r, i) => i > at && r.startsWith("↩"));
    assert.ok(
      !rows.slice(at, end).some((r) => r.startsWith("RE: ")),
      `no RE: fallback beside a quote:\n${screen}`,
    );
  } else {
    assert.match(rows[below] ?? "", /^RE: /, `only the RE: line:\n${screen}`);
    assert.doesNotMatch(screen, /quoted post/, "no word about a quote the server did not send");
  }
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});

test("Q quotes the selected toot: the server accepts the quote and Home shows it around the quoted toot", {
  skip: NO_QUOTE_API,
}, async () => {
  const marker = `q${Date.now().toString(36)}`;
  const target = e2e.demo.control.publish("home", {
    account: "alice",
    content: `<p>original thought ${marker}</p>`,
  });
  const tui = e2e.start({ cols: 110, rows: 34 });
  // Home opens where an earlier test left the read marker: g goes up to the newest toots.
  await tui.waitForText("Home ·", 15_000);
  tui.send("g");
  await tui.waitForText(`original thought ${marker}`, 15_000);
  tui.send("g");
  tui.send("Q");
  const composer = await tui.waitForText("-- INSERT --");
  assert.match(composer, /quoting @alice: original thought/, composer);
  tui.type(`my take ${marker}`);
  tui.send("Escape");
  tui.type(":quotepolicy followers");
  tui.send("Enter");
  await tui.waitForText("quotes: followers only");
  tui.send(":wq", "Enter");
  await tui.waitForText("Posted", 15_000);

  const home = await getJson<QuoteJson[]>("/api/v1/timelines/home?limit=5");
  const posted = home.find((s) => s.content.includes(`my take ${marker}`));
  assert.ok(posted, "the quote is on the instance");
  assert.equal(posted.quote?.state, "accepted");
  assert.equal(posted.quote?.quoted_status?.id, target.id);
  assert.deepEqual(posted.quote_approval?.automatic, ["followers"]);

  // The stream brings the posted quote to Home: my words, then the quoted toot behind a bar.
  const screen = await tui.waitFor(
    (s) => s.includes(`my take ${marker}`) && /│ +│? ?original thought/.test(s.replace(/▌/g, "")),
    "the posted quote in Home",
    15_000,
  );
  assert.ok(!screen.includes("RE: "), "the quote-inline fallback is not shown");
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});

test("a toot whose author allows no quotes: Q says so and opens no composer", {
  skip: NO_QUOTE_API,
}, async () => {
  const marker = `nq${Date.now().toString(36)}`;
  const target = e2e.demo.control.publish("home", {
    account: "mina",
    content: `<p>do not quote ${marker}</p>`,
  });
  e2e.demo.control.setQuotePolicy(target.id, "nobody");
  const tui = e2e.start({ cols: 110, rows: 34 });
  // Home opens where an earlier test left the read marker: g goes up to the newest toots.
  await tui.waitForText("Home ·", 15_000);
  tui.send("g");
  await tui.waitForText(`do not quote ${marker}`, 15_000);
  // Home opens at the last read toot (the server's marker): g selects the newest.
  tui.send("g");
  const from = e2e.logLength();
  tui.send("Q");
  const screen = await tui.waitForText("does not allow you to quote this toot");
  assert.match(screen, /@mina does not allow you to quote this toot/);
  assert.ok(!screen.includes("-- INSERT --"), "no composer");
  assert.ok(
    !e2e.demo.control
      .requestLog()
      .slice(from)
      .some((e) => e.method === "POST"),
    "nothing posted",
  );
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});

test(":quotes lists who quoted my toot, x revokes one after a question, :quotepolicy changes who may", {
  skip: NO_QUOTE_API,
}, async () => {
  const marker = `mq${Date.now().toString(36)}`;
  const mine = e2e.demo.control.publish("home", {
    account: "demo",
    content: `<p>my quotable toot ${marker}</p>`,
  });
  for (const who of ["lou", "newsbot", "fossgroup@lemmy.example"])
    e2e.demo.control.quoteStatus(mine.id, who, `quoting ${who} ${marker}`);
  const tui = e2e.start({ cols: 110, rows: 34 });
  // Home opens where an earlier test left the read marker: the newest toot is above it.
  await tui.waitForText("Home ·", 15_000);
  tui.send("g");
  await tui.waitForText(`my quotable toot ${marker}`, 15_000);
  await tui.waitForText(`Home · ${CONNECTED}`, 15_000);
  tui.send("g");
  await command(tui, "quotes");
  const list = await tui.waitForText("Quotes of @demo's toot · 3", 10_000);
  assert.match(list, /x revoke/);
  for (const who of ["lou", "newsbot", "fossgroup"])
    assert.match(list, new RegExp(`quoting ${who}`));

  tui.send("x");
  await tui.waitForText("quote? (y/n)");
  tui.send("n");
  await tui.waitForText("Quote kept");
  tui.send("x");
  const asked = await tui.waitForText("quote? (y/n)");
  const who = /Revoke @(\S+)'s quote/.exec(asked)?.[1];
  assert.ok(who, asked);
  tui.send("y");
  await tui.waitForText(`Revoked @${who}'s quote`);
  await tui.waitForText("[the quoted author removed this quote]");
  const left = await getJson<QuoteJson[]>(`/api/v1/statuses/${mine.id}/quotes`);
  assert.equal(left.length, 2, "the instance lists two quotes now");

  tui.send("Escape");
  await tui.waitFor((s) => !s.includes("Quotes of @demo"), "back to Home");
  await command(tui, "quotepolicy nobody");
  await tui.waitForText("Who may quote your toot: nobody but you");
  await until(
    "the policy at the instance",
    () =>
      e2e.demo.control
        .requestLog()
        .some((e) => e.method === "PUT" && e.path.endsWith("/interaction_policy")),
    5000,
    tui,
  );
  const after = await getJson<QuoteJson>(`/api/v1/statuses/${mine.id}`);
  assert.deepEqual(after.quote_approval?.automatic, []);
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});
