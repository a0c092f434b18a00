import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { mastodon } from "masto";
import {
  createTheme,
  pickTheme,
  RenderCache,
  type RenderOptions,
  renderStatus,
} from "../../src/render/index.js";
import { makeStatus, NOW } from "./make-status.js";

const toot = makeStatus({
  content:
    '<p><a href="https://x.example/@bob" class="u-url mention">@bob</a> see <a href="https://home.example/tags/tea" class="mention hashtag">#<span>tea</span></a></p>',
  mentions: [
    { id: "2", username: "bob", acct: "bob@x.example", url: "https://x.example/@bob" },
  ] as mastodon.v1.StatusMention[],
});
const render = (theme: RenderOptions["theme"]) =>
  renderStatus(toot, { width: 60, theme, now: NOW }).join("\n");

describe("colours from the config file's theme section", () => {
  test("a configured hex colour shows up as truecolour at level 3 and the nearest of 16 at level 1", () => {
    assert.ok(
      render(createTheme("dark", 3, { mention: "#ff8800" })).includes("\x1b[38;2;255;136;0m@bob"),
    );
    assert.ok(
      render(createTheme("dark", 2, { mention: "#ff8800" })).includes("\x1b[38;5;214m@bob"),
    );
    assert.ok(render(createTheme("dark", 1, { mention: "#ff8800" })).includes("\x1b[93m@bob"));
  });

  test("a configured colour name paints its roles; the author keeps the bold weight", () => {
    const out = render(createTheme("light", 3, { author: "bright-blue", timestamp: "red" }));
    assert.ok(out.includes("\x1b[1m\x1b[94mAlice"), JSON.stringify(out));
    assert.ok(out.includes("\x1b[31m · 5m"), JSON.stringify(out));
    // Slots left out keep the base theme's colours (light: blue mentions).
    assert.ok(out.includes("\x1b[34m@bob"));
  });

  test('"default" takes the base colour away, and nothing is coloured at level 0', () => {
    assert.ok(/(^|\n)@bob see/.test(render(createTheme("dark", 3, { mention: "default" }))));
    assert.ok(!render(createTheme("dark", 0, { mention: "#ff8800" })).includes("\x1b"));
  });

  test("the base theme is configurable and pickTheme applies the colours", () => {
    const theme = pickTheme("light", 3, { hashtag: "#00ff00" });
    assert.equal(theme.name, "light");
    assert.ok(render(theme).includes("\x1b[38;2;0;255;0m#tea"));
  });

  test("the render cache tells themes with different colours apart", () => {
    const cache = new RenderCache();
    const orange = cache.get(toot, {
      width: 60,
      now: NOW,
      theme: createTheme("dark", 3, { mention: "#ff8800" }),
    });
    const plain = cache.get(toot, { width: 60, now: NOW, theme: createTheme("dark", 3) });
    assert.notDeepEqual(orange, plain);
  });
});
