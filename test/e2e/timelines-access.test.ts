// A Mastodon 4.5 server whose admin closed a live feed (`configuration.timelines_access`,
// entities/Instance.md): the default panes go without it and say why once, `:pane add` refuses
// it with that reason, and a config file that names it gets a pane saying the server closed it.
import assert from "node:assert/strict";
import { test } from "node:test";
import { demoFlavour } from "../../src/demo/index.js";
import { CONNECTED, command, e2eInstance, FLAVOUR } from "../helpers/e2e.js";

// The demo's instance JSON carries timelines_access only where the flavour is Mastodon 4.3+
// (api_versions; src/demo/instance-info.ts): GoToSocial, Pleroma and the others do not say.
const NO_FEED_ACCESS: string | false = demoFlavour(FLAVOUR).hasApiVersions
  ? false
  : `the ${FLAVOUR} flavour has no configuration.timelines_access (Mastodon 4.5's)`;

const e2e = e2eInstance({
  generate: false,
  seedCount: 10,
  timelinesAccess: { live_feeds: { remote: "disabled" } },
});

test("a closed federated feed: no Federated pane by default, with one line why; :pane add federated refuses", {
  skip: NO_FEED_ACCESS,
}, async () => {
  const tui = e2e.start({ cols: 160, rows: 40 });
  const screen = await tui.waitFor(
    (s) =>
      s.includes(`Home · ${CONNECTED}`) &&
      s.includes(`Local · ${CONNECTED}`) &&
      s.includes("Notifications ·") &&
      s.includes("no Federated pane"),
    "Home, Local and Notifications, and the reason",
    15_000,
  );
  assert.ok(!screen.includes("Federated ·"), "no Federated pane");
  assert.match(screen, /This server has closed its federated timeline: no Federated pane/);

  await command(tui, "pane add federated");
  const refused = await tui.waitForText("This server has closed its federated timeline", 10_000);
  assert.ok(!refused.includes("Federated ·"), "still no Federated pane");
  assert.ok(!refused.includes("Opened"), "nothing opened");
  await command(tui, "pane add local");
  await tui.waitFor(
    (s) =>
      (s.match(new RegExp(`Local · ${CONNECTED}`, "g")) ?? []).length === 2 ||
      s.includes("4 Local"),
    "a second Local pane: the open feed is still offered",
  );
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});

test("a config file naming the closed feed shows it as closed by the server, not as an error", {
  skip: NO_FEED_ACCESS,
}, async () => {
  const tui = e2e.start({ cols: 160, rows: 40, config: { panes: ["home", "federated"] } });
  const screen = await tui.waitFor(
    (s) => s.includes(`Home · ${CONNECTED}`) && s.includes("Federated · closed by the server"),
    "Home live and Federated closed",
    15_000,
  );
  assert.match(screen, /This server has closed its federated timeline/);
  assert.ok(!/Nothing loaded|retrying|next try/.test(screen), "no error state");
  tui.send("q");
  assert.equal(await tui.waitForExit(), 0);
});

// hashtag_feeds: Mastodon's TagFeed leaves a closed side out of the page, so a tag timeline
// is closed only when both sides are (the local side can be set so by console, not the form).
async function withHashtagFeeds(
  hashtag_feeds: { local?: "public" | "disabled"; remote?: "public" | "disabled" },
  body: () => Promise<void>,
): Promise<void> {
  e2e.demo.control.setTimelinesAccess({ hashtag_feeds });
  try {
    await body();
  } finally {
    e2e.demo.control.setTimelinesAccess({ hashtag_feeds: { local: "public", remote: "public" } });
  }
}

test("closed hashtag feeds: :tag refuses with the reason and a tag pane says the server closed it", {
  skip: NO_FEED_ACCESS,
}, async () => {
  await withHashtagFeeds({ local: "disabled", remote: "disabled" }, async () => {
    e2e.demo.control.publish("local", { content: "<p>tagshut-one</p>", tags: ["tagshut"] });
    const from = e2e.logLength();
    const tui = e2e.start({ cols: 160, rows: 40, config: { panes: ["home", "tag:tagshut"] } });
    const screen = await tui.waitFor(
      (s) => s.includes(`Home · ${CONNECTED}`) && s.includes("#tagshut · closed by the server"),
      "Home live and #tagshut closed",
      15_000,
    );
    assert.match(screen, /This server has closed its hashtag timelines/);
    assert.ok(!/Nothing loaded|retrying|next try/.test(screen), "no error state");

    await command(tui, "tag tagshut");
    const refused = await tui.waitFor(
      (s) => (s.match(/This server has closed its hashtag timelines/g) ?? []).length >= 2,
      "the refusal on the status line",
      10_000,
    );
    const asked = e2e.demo.control
      .requestLog()
      .slice(from)
      .filter((e) => e.path.startsWith("/api/v1/timelines/tag/"));
    assert.deepEqual(asked, [], "the closed tag timeline was never asked for");
    assert.ok(!refused.includes("tagshut-one"), "nothing of the tag shown");
    tui.send("q");
    assert.equal(await tui.waitForExit(), 0);
  });
});

test("remote hashtag feeds closed: :tag opens with this server's posts only, saying so", {
  skip: NO_FEED_ACCESS,
}, async () => {
  await withHashtagFeeds({ remote: "disabled" }, async () => {
    e2e.demo.control.publish("local", { content: "<p>taghalf-here</p>", tags: ["taghalf"] });
    e2e.demo.control.publish("federated", { content: "<p>taghalf-away</p>", tags: ["taghalf"] });
    const tui = e2e.start({ cols: 160, rows: 40 });
    await tui.waitForText(`Home · ${CONNECTED}`, 15_000);
    await command(tui, "tag taghalf");
    const screen = await tui.waitFor(
      (s) =>
        s.includes("taghalf-here") &&
        s.includes("This server shows only its own posts under hashtags"),
      "the local post and the one line why",
      15_000,
    );
    assert.ok(!screen.includes("taghalf-away"), "the other server's post is left out");
    tui.send("Escape");
    await tui.waitFor((s) => !s.includes("#taghalf ·"), "back to the panes");
    tui.send("q");
    assert.equal(await tui.waitForExit(), 0);
  });
});
