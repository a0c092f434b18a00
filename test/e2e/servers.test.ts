// What tootty knows of the server it talks to (the server profile): `:instance` names the
// software and what it lacks, a missing endpoint stays quiet, and the composer counts and
// checks polls by the server's own limits.
import assert from "node:assert/strict";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { command, e2eInstance } from "../helpers/e2e.js";

/** What `:instance` must list as unsupported against each simulated server (flavour.ts). */
const UNSUPPORTED: Record<string, string[]> = {
  mastodon: [],
  gotosocial: ["filters", "direct conversations", "scheduled toots", "grouped notifications"],
  pleroma: ["filters", "grouped notifications", "quote posts"],
  hollo: ["streaming", "filters", "direct conversations", "scheduled toots", "translation"],
  sharkey: ["streaming", "read markers", "filters", "scheduled toots", "translation"],
  snac: [
    "streaming",
    "filters",
    "direct conversations",
    "scheduled toots",
    "edit history",
    "the list of favourites",
  ],
};

describe(":instance", () => {
  const e2e = e2eInstance({ generate: false, seedCount: 10 });

  test("names the software and version from NodeInfo and lists what this server does not support", async () => {
    const res = await fetch(`${e2e.demo.url}/nodeinfo/2.0`);
    const { software } = (await res.json()) as { software: { name: string; version: string } };
    const tui = e2e.start({ cols: 200, rows: 45 });
    await tui.waitFor((s) => s.includes("Home ·") && s.includes("@"), "the panes", 20_000);
    await command(tui, "instance");
    // The list wraps inside the panel (snac's and Sharkey's are long): read on, within the
    // panel's column, to the blank line under it.
    const listed = (screen: string) => {
      const rows = screen.split("\n");
      const top = rows.findIndex((r) => r.includes("Not supported by this server:"));
      const x = rows[top]?.indexOf("Not supported by this server:") ?? -1;
      const inPanel = (r: string) => r.slice(x).split("│")[0]!.trim();
      let line = "";
      for (let i = top; x >= 0 && i < rows.length && inPanel(rows[i]!) !== ""; i++)
        line += ` ${inPanel(rows[i]!)}`;
      return line;
    };
    const expected = UNSUPPORTED[e2e.demo.flavour] ?? [];
    // The panel may be caught half drawn, and it adds what the probes it sends learn: waits for
    // the whole list, then says what is missing.
    const screen = await tui
      .waitFor(
        (s) =>
          (/Not supported by this server: .*\n/.test(s) || s.includes("Supports everything")) &&
          expected.every((w) => listed(s).includes(w)),
        "the instance panel",
        15_000,
      )
      .catch(() => tui.capture());
    assert.match(
      screen,
      new RegExp(`Software: +${software.name} ${software.version.replace(/[+.]/g, "\\$&")}`),
    );
    const line = listed(screen);
    for (const word of expected) assert.ok(line.includes(word), `"${word}" in: ${line}`);
  });

  test("speaks the reader's language: every line of it in Arabic under LANG=ar_EG.UTF-8", async () => {
    const tui = e2e.start({ cols: 200, rows: 45, env: { LANG: "ar_EG.UTF-8", LC_ALL: "" } });
    await tui.waitFor((s) => s.includes("@"), "the panes", 20_000);
    await command(tui, "instance");
    // Drawn in visual order with joined letters (see e2e/i18n): compare normalised, reversed.
    const seen = (s: string) =>
      s
        .replace(/[\ufef5-\ufefc]/g, (c) => [...c.normalize("NFKC")].reverse().join(""))
        .normalize("NFKC");
    const rtl = (s: string) =>
      Array.from(new Intl.Segmenter("ar", { granularity: "grapheme" }).segment(s), (g) => g.segment)
        .reverse()
        .join("");
    const screen = await tui.waitFor(
      (s) => seen(s).includes(rtl("البرنامج")) && seen(s).includes(rtl("القواعد")),
      "the instance panel in Arabic",
      15_000,
    );
    for (const word of ["حدّ الأحرف", "المرفقات", "الاستطلاعات"])
      assert.ok(seen(screen).includes(rtl(word)), `${word} on screen:\n${screen}`);
    assert.ok(
      seen(screen).includes(rtl("لا يدعم هذا الخادم")) || seen(screen).includes(rtl("يدعم كل ما")),
      `what the server lacks, in Arabic:\n${screen}`,
    );
    for (const english of [
      "Software",
      "Reports",
      "Character limit",
      "Attachments",
      "Polls",
      "Not supported",
      "Supports everything",
      "Not checked",
    ])
      assert.ok(!screen.includes(english), `no "${english}" left:\n${screen}`);
  });
});

/**
 * A front for the instance that answers `missing` paths as Hollo's router does when a route
 * does not exist (Hono's default: 404, text/plain "404 Not Found") and passes the rest on.
 */
function missingEndpointsFront(target: () => string, missing: RegExp) {
  const seen: string[] = [];
  let server: Server | undefined;
  before(async () => {
    server = createServer((req, res) => {
      const path = (req.url ?? "/").split("?")[0] ?? "/";
      if (missing.test(path)) {
        seen.push(`${req.method} ${path}`);
        req.resume();
        res.writeHead(404, { "content-type": "text/plain; charset=UTF-8" });
        res.end("404 Not Found");
        return;
      }
      const up = new URL(target());
      const forward = request(
        {
          host: up.hostname,
          port: up.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on("error", () => res.destroy());
      req.pipe(forward);
    });
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  });
  after(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));
  return {
    url: () => `http://127.0.0.1:${(server!.address() as AddressInfo).port}`,
    seen,
  };
}

describe("a server without the markers endpoint", () => {
  const e2e = e2eInstance({ generate: false, seedCount: 30 });
  const front = missingEndpointsFront(() => e2e.demo.url, /^\/api\/v1\/markers$/);

  test("says nothing about it at start or on quit, and does not ask again", async () => {
    const tui = e2e.start({ cols: 160, rows: 40, env: { TOOTTY_INSTANCE: front.url() } });
    await tui.waitFor((s) => s.includes("Home ·") && s.includes("@"), "the panes", 20_000);
    await tui.waitFor(() => front.seen.includes("GET /api/v1/markers"), "the markers asked for");
    // Something drawn after the answer: the selection moved.
    const first = tui.capture();
    tui.send("j");
    const moved = await tui.waitFor((s) => s !== first, "the selection to move");
    assert.doesNotMatch(moved, /Could not|unavailable|not supported|error/i);
    tui.send("q");
    assert.equal(await tui.waitForExit(), 0);
    assert.deepEqual(front.seen, ["GET /api/v1/markers"], "a missing endpoint is asked once");
  });
});

describe("Pleroma's limits in the composer", () => {
  const e2e = e2eInstance({ flavour: "pleroma", generate: false, seedCount: 10 });

  test("the counter counts links as written (as Pleroma does) and a 6-option poll is allowed", async () => {
    const tui = e2e.start({ cols: 160, rows: 40 });
    await tui.waitFor((s) => s.includes("Home ·") && s.includes("@"), "the panes", 20_000);
    tui.send("c");
    await tui.waitForText("-- INSERT --");
    const text = "see https://example.com/a/very/long/path/that/pleroma/counts/whole ok";
    tui.type(text);
    // Pleroma counts String.length of the text: every character of the link.
    await tui.waitForText(`${[...text].length}/5000`);
    tui.send("Escape");
    tui.type(":poll 1d tea | coffee | juice | water | milk | soda");
    tui.send("Enter");
    const screen = await tui.waitFor(
      (s) => s.includes("· poll: 6 options") || s.includes("at most"),
      "the poll",
    );
    assert.match(screen, /· poll: 6 options/, "Pleroma's poll_limits allow 20 options");
  });
});
