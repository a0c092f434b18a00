// The pure parts of reading and acting: the command line, notification rows, a toot's links,
// what leaves the terminal (URLs, OSC 52, alerts).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { defaultKeymap, keyResolver } from "../../src/config/keymap.js";
import { pickTheme, RenderCache, stripAnsi } from "../../src/render/index.js";
import { linksOf } from "../../src/ui/features/links.js";
import { alertSequence } from "../../src/ui/features/mention-alerts.js";
import { completeCommand, parseCommand } from "../../src/ui/overlays/command-parser.js";
import { renderPaneItem } from "../../src/ui/panes/render-item.js";
import type { PaneItem } from "../../src/ui/panes/timeline-pane.js";
import { keyNames } from "../../src/ui/shell/keymap.js";
import { osc52Copy, safeUrl } from "../../src/ui/terminal/external.js";
import { makeAccount, makeStatus } from "../render/make-status.js";

describe("command line", () => {
  const cases: [string, unknown][] = [
    [":tag rust", { kind: "tag", tag: "rust" }],
    ["tag #Rust", { kind: "tag", tag: "Rust" }],
    ["list 42", { kind: "list", id: "42" }],
    [":profile @alice@kaiju.example", { kind: "profile", acct: "alice@kaiju.example" }],
    ["profile bob", { kind: "profile", acct: "bob" }],
    ["search hello world", { kind: "search", query: "hello world" }],
    ["pane add tag:rust", { kind: "paneAdd", timeline: "tag:rust" }],
    ["pane add list:7", { kind: "paneAdd", timeline: "list:7" }],
    ["pane add direct", { kind: "paneAdd", timeline: "direct" }],
    ["pane close", { kind: "paneClose" }],
    ["pane add tag:#Rust", { kind: "paneAdd", timeline: "tag:Rust" }],
    ["pane add local", { kind: "paneAdd", timeline: "local" }],
    ["pane add notifications", { kind: "paneAdd", timeline: "notifications" }],
    ["list", { kind: "listPicker" }],
    ["instance", { kind: "instance" }],
    ["policy", { kind: "policy" }],
    ["requests", { kind: "requests" }],
    ["account", { kind: "account" }],
    [":account @me@mastodon.social", { kind: "account", acct: "me@mastodon.social" }],
    ["bookmarks", { kind: "collection", which: "bookmarks" }],
    ["favorites", { kind: "collection", which: "favourites" }],
    ["q", { kind: "quit" }],
    ["quit", { kind: "quit" }],
  ];
  for (const [input, command] of cases) {
    test(`"${input}" parses`, () => {
      assert.deepEqual(parseCommand(input), { ok: true, command });
    });
  }

  test("mistakes say what was expected", () => {
    assert.match(errorOf("tag"), /needs a hashtag/);
    assert.match(errorOf("tag not a tag"), /not a hashtag/);
    assert.match(errorOf("profile @a@b@c"), /not an account/);
    assert.match(errorOf("pane add homes"), /not a timeline/);
    assert.match(errorOf("account me"), /not an account.*user@server/);
    assert.match(errorOf("pane add list:a/b"), /not a timeline/);
    assert.match(errorOf("frobnicate"), /unknown command: frobnicate/);
  });

  test("Tab completes a unique prefix and offers the choices of an ambiguous one", () => {
    assert.equal(completeCommand("ins").text, "instance ");
    const pane = completeCommand("pa");
    assert.equal(pane.text, "pane ");
    assert.deepEqual(pane.candidates, ["pane add", "pane close"]);
    assert.equal(completeCommand("pane a").text, "pane add ");
    assert.equal(completeCommand("zzz").text, "zzz");
  });
});

function errorOf(input: string): string {
  const parsed = parseCommand(input);
  assert.equal(parsed.ok, false);
  return parsed.ok ? "" : parsed.error;
}

describe("notification rows", () => {
  const opts = {
    cache: new RenderCache(100),
    theme: pickTheme("dark"),
    width: 70,
    expanded: false,
    unicode: true,
    now: Date.parse("2026-03-10T12:00:00Z"),
  };
  const row = (n: Record<string, unknown>) =>
    renderPaneItem(
      { kind: "notification", id: "n:1", notification: n } as unknown as PaneItem,
      opts,
    ).map(stripAnsi);
  const base = {
    id: "1",
    createdAt: "2026-03-10T11:58:00Z",
    account: makeAccount({ acct: "bob@other.example", username: "bob", displayName: "Bob" }),
  };

  test("a mention shows the summary and the whole toot", () => {
    const lines = row({
      ...base,
      type: "mention",
      status: makeStatus({ content: "<p>hi @demo, lunch?</p>" }),
    });
    assert.match(lines[0]!, /Bob.*mentioned you/);
    assert.ok(
      lines.some((l) => l.includes("lunch?")),
      lines.join("\n"),
    );
    assert.ok(lines.length > 2);
  });

  test("a favourite is one line with an excerpt", () => {
    const lines = row({
      ...base,
      type: "favourite",
      status: makeStatus({ content: "<p>my toot</p>" }),
    });
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, /favourited your post: my toot/);
  });

  test("a follow request offers accept and reject", () => {
    const lines = row({ ...base, type: "follow_request" });
    assert.match(lines[0]!, /requested to follow you/);
    assert.match(lines[1]!, /a: accept · x: reject/);
  });

  test("an unknown type is shown generically with its (sanitised) name", () => {
    const lines = row({ ...base, type: "emoji_reaction\x1b[31m" });
    assert.match(lines[0]!, /sent a notification \(emoji_reaction/);
    assert.ok(!lines[0]!.includes("\x1b"));
  });
});

describe("a toot's links", () => {
  test("lists links, media, then mentions and hashtags, and drops unsafe schemes", () => {
    const status = makeStatus({
      content:
        '<p><span class="h-card"><a href="https://x.example/@a" class="u-url mention">@<span>a</span></a></span> see <a href="https://blog.example/post">blog</a> <a href="https://x.example/tags/rust" class="mention hashtag">#<span>rust</span></a> <a href="javascript:alert(1)">bad</a></p>',
      mediaAttachments: [
        { id: "m", type: "image", url: "https://files.example/cat.png", description: "a cat" },
      ] as never,
    });
    assert.deepEqual(
      linksOf(status).map((l) => [l.kind, l.url]),
      [
        ["link", "https://blog.example/post"],
        ["media", "https://files.example/cat.png"],
        ["mention", "https://x.example/@a"],
        ["hashtag", "https://x.example/tags/rust"],
      ],
    );
    const [, , mention, hashtag] = linksOf(status);
    assert.deepEqual(mention?.account, { acct: "a" });
    assert.equal(hashtag?.tag, "rust");
  });

  test("safeUrl keeps http(s) only and percent-encodes control characters", () => {
    assert.equal(safeUrl("file:///etc/passwd"), undefined);
    assert.equal(safeUrl("not a url"), undefined);
    const cleaned = safeUrl("https://a.example/x\x1b]52;c;evil\x07") ?? "";
    assert.ok(cleaned.startsWith("https://a.example/x%1B"), cleaned);
    assert.ok(!/[\x00-\x1f\x7f]/.test(cleaned), "no control characters survive");
  });
});

describe("what leaves the terminal", () => {
  test("OSC 52 carries the URL base64-encoded", () => {
    const seq = osc52Copy("https://a.example/@x/1");
    assert.equal(seq, `\x1b]52;c;${Buffer.from("https://a.example/@x/1").toString("base64")}\x07`);
  });

  test("a mention alert rings the bell and/or sends OSC 9 / 777 with clean text", () => {
    assert.equal(alertSequence({ bell: true, osc: "off" }, "bob"), "\x07");
    assert.equal(
      alertSequence({ bell: false, osc: "osc9" }, "bob"),
      "\x1b]9;bob mentioned you\x07",
    );
    const hostile = alertSequence({ bell: false, osc: "osc777" }, "eve\x07\x1b]0;pwned");
    assert.equal((hostile.match(/\x07/g) ?? []).length, 1, "only the terminator rings");
    assert.equal((hostile.match(/\x1b/g) ?? []).length, 1, "only the introducer escapes");
    assert.match(hostile, /^\x1b\]777;notify;tootty;eve.* mentioned you\x07$/);
  });
});

describe("default keys", () => {
  test("each key the README lists reaches its action in the UI's lookup", () => {
    const resolve = keyResolver(defaultKeymap());
    const expect: Record<string, string> = {
      r: "reply",
      b: "boost",
      f: "favourite",
      B: "bookmark",
      d: "delete",
      e: "edit",
      P: "pin",
      v: "vote",
      s: "toggleCw",
      o: "openInBrowser",
      O: "openLinks",
      y: "copyUrl",
      T: "translate",
      H: "history",
      p: "profile",
      n: "notifications",
      ":": "command",
      "?": "help",
    };
    for (const [key, action] of Object.entries(expect)) {
      const upper = key >= "A" && key <= "Z";
      assert.equal(
        resolve(
          keyNames(key, { full: upper ? `S-${key.toLowerCase()}` : key, name: key.toLowerCase() }),
          "panes",
        ),
        action,
        key,
      );
    }
    assert.equal(resolve(keyNames("\r", { full: "enter", name: "enter" }), "panes"), "thread");
    // blessed reports one Enter press as "return" and then "enter": only one of them acts.
    assert.equal(resolve(keyNames("\r", { full: "return", name: "return" }), "panes"), undefined);
  });
});
