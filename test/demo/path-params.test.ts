// Path segments arrive percent-encoded (a client encodes each id with encodeURIComponent) and a
// server matches its routes on the decoded value, as Rails does. Hollo's notification ids hold
// slashes and colons (`${created_at}/${type}/${uuid}`, src/api/v1/notifications.ts): dismissing
// one must find it. (Before, the demo compared the raw segment, so a padded async refresh id,
// "=" sent as %3D, was a 404 at every ask.)
import assert from "node:assert/strict";
import { test } from "node:test";
import { startDemoInstance } from "../../src/demo/index.js";

test("a Hollo notification id, percent-encoded in the path, finds its notification", async () => {
  const demo = await startDemoInstance({ generate: false, seedCount: 3, flavour: "hollo" });
  try {
    const auth = { headers: { authorization: `Bearer ${demo.token}` } };
    const list = async () =>
      (
        (await (await fetch(`${demo.url}/api/v1/notifications?limit=5`, auth)).json()) as {
          id: string;
        }[]
      ).map((n) => n.id);
    const [first] = await list();
    assert.match(first ?? "", /^[^/]+\/[a-z_.]+\/[0-9a-f-]+$/, "the id carries slashes");
    const res = await fetch(
      `${demo.url}/api/v1/notifications/${encodeURIComponent(first!)}/dismiss`,
      { method: "POST", ...auth },
    );
    assert.equal(res.status, 200);
    assert.ok(!(await list()).includes(first!), "the notification is dismissed");
    // A segment that is not valid percent-encoding is a 404, not a crash.
    const broken = await fetch(`${demo.url}/api/v1/statuses/%E0%A4%A`, auth);
    assert.equal(broken.status, 404);
  } finally {
    await demo.close();
  }
});
