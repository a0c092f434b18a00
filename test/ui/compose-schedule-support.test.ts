// Whether a server has scheduled statuses is not always known when the composer opens:
// GoToSocial's NodeInfo names the software, but whether its release has
// /api/v1/scheduled_statuses only the server's answer can tell. `:schedule` must not take a
// time for a server that would post the toot at once (a scheduled_at it ignores), nor call a
// past time "in the past" where scheduling is not there at all.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { DraftStore } from "../../src/compose/drafts.js";
import { keysFromString } from "../../src/compose/keys.js";
import { ComposeSession } from "../../src/compose/session.js";
import { type DemoInstance, startDemoInstance } from "../../src/demo/index.js";
import { openSession, type Session } from "../../src/timeline/session.js";
import { buildComposeDeps } from "../../src/ui/compose/deps.js";
import type { FeatureDeps } from "../../src/ui/shell/deps.js";
import { waitFor } from "../timeline/helpers/wait.js";

let dir: string;
const demos: DemoInstance[] = [];
before(() => {
  dir = mkdtempSync(join(tmpdir(), "tootty-schedule-"));
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await Promise.all(demos.map((d) => d.close()));
});

async function composerOn(flavour: "gotosocial" | "pleroma"): Promise<{
  compose: ComposeSession;
  session: Session;
}> {
  const demo = await startDemoInstance({ generate: false, seedCount: 5, flavour });
  demos.push(demo);
  const session = await openSession({ instanceUrl: demo.url, accessToken: demo.token });
  // The composer opens once NodeInfo has named the software, as after any ordinary start.
  await waitFor(() => session.profile.software !== undefined, "NodeInfo read");
  const deps = buildComposeDeps(
    { suspend: async (run: () => unknown) => run(), screen: { program: { write() {} } } } as never,
    { session, settings: {}, env: {} } as unknown as FeatureDeps,
    new DraftStore(join(dir, flavour)),
  );
  return { compose: ComposeSession.fresh(deps), session };
}

async function type(session: ComposeSession, keys: string): Promise<void> {
  for (const k of keysFromString(keys)) await session.press(k);
}

test("GoToSocial without scheduled statuses: :schedule says so, whatever the time", async () => {
  const { compose, session } = await composerOn("gotosocial");
  try {
    await type(compose, "late<Esc>:schedule 2020-01-01 09:00<CR>");
    assert.match(compose.view(80, 3).status, /Scheduled toots are not supported by this server/);
    await type(compose, ":schedule 2099-01-01 09:00<CR>");
    assert.match(compose.view(80, 3).status, /Scheduled toots are not supported by this server/);
    assert.equal(compose.draft.scheduledAt, null, "no time is kept for the toot");
  } finally {
    session.close();
  }
});

test("Pleroma, which has them: a past time is refused as past, a later one is kept", async () => {
  const { compose, session } = await composerOn("pleroma");
  try {
    await type(compose, "late<Esc>:schedule 2020-01-01 09:00<CR>");
    assert.match(compose.view(80, 3).status, /2020-01-01 09:00 is in the past/);
    await type(compose, ":schedule 2099-01-01 09:00<CR>");
    assert.equal(compose.draft.scheduledAt, new Date(2099, 0, 1, 9, 0).toISOString());
  } finally {
    session.close();
  }
});
