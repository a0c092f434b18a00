// An edit without an edit time: Pleroma's and GoToSocial's statuses carry no `edited_at` (see
// src/demo/flavour.ts), so a status.update frame or a poll's newer version arrives with the same
// id and no edit time. The render cache keyed the lines by id and edit time, so the pane kept
// drawing the first words (e2e status-changes, paging and views-feeds failed on gotosocial).
import assert from "node:assert/strict";
import { test } from "node:test";
import { pickTheme, RenderCache, stripAnsi } from "../../src/render/index.js";
import { makeStatus, NOW } from "./make-status.js";

const opts = { width: 60, theme: pickTheme("dark", 3), now: NOW };
const text = (lines: string[]) => lines.map(stripAnsi).join("\n");

test("a status edited without an edit time is drawn with its new words and warning", () => {
  const cache = new RenderCache();
  const first = makeStatus({ content: "<p>first words</p>", editedAt: null });
  assert.match(text(cache.get(first, opts)), /first words/);
  const edited = { ...first, content: "<p>second words</p>" };
  assert.match(text(cache.get(edited, opts)), /second words/);
  const warned = { ...edited, spoilerText: "spoilers ahead" };
  assert.match(text(cache.get(warned, opts)), /spoilers ahead/);
  // The same status again is served from the cache.
  const misses = cache.misses;
  cache.get({ ...warned }, opts);
  assert.equal(cache.misses, misses);
});
