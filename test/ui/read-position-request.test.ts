// The markers request starts before its reader is attached: a server known to have no markers
// (Sharkey, NodeInfo "sharkey") rejects it at once, and that must not end tootty.
import assert from "node:assert/strict";
import { test } from "node:test";
import { NotSupportedError } from "../../src/api/errors.js";
import type { Session } from "../../src/timeline/session.js";
import { requestMarkers } from "../../src/ui/features/read-position.js";

test("a markers request refused at once is not an unhandled rejection before it is read", async () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on("unhandledRejection", onUnhandled);
  try {
    const session = {
      rest: { request: () => Promise.reject(new NotSupportedError("markers")) },
    } as unknown as Session;
    const markers = requestMarkers(session);
    // What tui-screen does between asking and reading: the panes are built, a turn passes.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(unhandled, []);
    await assert.rejects(markers, NotSupportedError, "the reader still learns why");
  } finally {
    process.off("unhandledRejection", onUnhandled);
  }
});
