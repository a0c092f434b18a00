// Read position (markers API): tootty opens Home where the user left off — in any client —
// and saves where they read to when they quit.
import assert from "node:assert/strict";
import { test } from "node:test";
import { e2eInstance, needsEndpoint } from "../helpers/e2e.js";

const e2e = e2eInstance({ generate: false, seedCount: 60 });
const NEEDS_MARKERS = needsEndpoint("GET", "/api/v1/markers", "read markers");

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const { demo } = e2e;
  const res = await fetch(`${demo.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${demo.token}`, "content-type": "application/json" },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  assert.ok(res.ok, `${method} ${path} → ${res.status}`);
  return (await res.json()) as T;
}

test("Home opens at the saved marker with the newer toots counted as new, and q saves the new position", {
  skip: NEEDS_MARKERS,
}, async () => {
  const home = await api<{ id: string; account: { acct: string } }[]>(
    "GET",
    "/api/v1/timelines/home?limit=40",
  );
  assert.ok(home.length >= 10, "the demo home timeline has history");
  const marked = home[6]!;
  // Another client read up to the 7th newest toot.
  await api("POST", "/api/v1/markers", { home: { last_read_id: marked.id } });

  // Four columns, each wide enough for its title's whole state words and the count.
  const session = e2e.start({ cols: 240, rows: 45 });
  const title = (n: number) => `Home · ${e2e.connectedWords} · ${n} new`;
  // The Home title counts the six newer toots as new.
  await session.waitFor((s) => s.includes(title(6)), "Home to open at the marker");

  // Read two toots further up (k), then quit: the marker moves to where the window's top is.
  session.send("k");
  session.send("k");
  await session.waitFor((s) => s.includes(title(4)), "two toots read");
  session.send("q");
  assert.equal(await session.waitForExit(), 0);
  const markers = await api<{ home?: { last_read_id: string } }>(
    "GET",
    "/api/v1/markers?timeline[]=home",
  );
  assert.equal(markers.home?.last_read_id, home[4]!.id);
});

test("a marker deeper than the first page is found a page further down: Home opens at the 46th newest", {
  skip: NEEDS_MARKERS,
}, async () => {
  const first = await api<{ id: string }[]>("GET", "/api/v1/timelines/home?limit=40");
  const next = await api<{ id: string }[]>(
    "GET",
    `/api/v1/timelines/home?limit=40&max_id=${first.at(-1)!.id}`,
  );
  const home = [...first, ...next];
  assert.ok(home.length >= 46, "the demo home timeline has that much history");
  await api("POST", "/api/v1/markers", { home: { last_read_id: home[45]!.id } });

  const session = e2e.start({ cols: 240, rows: 45 });
  await session.waitFor(
    (s) => s.includes(`Home · ${e2e.connectedWords} · 45 new`),
    "Home to open at the marker, 45 newer toots above it",
    20_000,
  );
  session.send("q");
  assert.equal(await session.waitForExit(), 0);
});

test("Notifications opens at a saved marker inside a group: the group's row is at the top", {
  skip: NEEDS_MARKERS,
}, async () => {
  const { control } = e2e.demo;
  const mine = control.publish("local", {
    account: "demo",
    spoiler_text: "",
    content: "<p>readgroup my words</p>",
  });
  let last = control.notify("favourite", { account: "alice", status_id: mine.id });
  for (const who of ["lou", "mina"])
    last = control.notify("favourite", { account: who, status_id: mine.id });
  // Read up to the newest favourite (its group's row), then five mentions came.
  await api("POST", "/api/v1/markers", { notifications: { last_read_id: last.id } });
  for (let i = 0; i < 5; i++) control.notify("mention", { account: "wei" });

  const session = e2e.start({ cols: 120, rows: 40, config: { panes: ["notifications"] } });
  const screen = await session.waitFor(
    (s) => /Notifications · .*5 new/.test(s),
    "Notifications to open at the group's row, the five mentions above it counted as new",
    15_000,
  );
  const body = screen.split("\n").slice(1);
  const row = body.findIndex((l) => l.includes("favourited your post: readgroup my words"));
  assert.ok(row >= 0 && row <= 1, `the group's row first in the pane:\n${screen}`);
  session.send("q");
  assert.equal(await session.waitForExit(), 0);
});
