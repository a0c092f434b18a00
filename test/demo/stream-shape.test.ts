// A flavour's stream sends entities as its REST answers do: the same toot arriving by both
// ways must look alike, or a client draws it one way live and another once fetched.
import assert from "node:assert/strict";
import { test } from "node:test";
import { type ApiStatus, startDemoInstance } from "../../src/demo/index.js";
import { getJson, openSocket, streamingUrl } from "./support.js";

for (const flavour of ["gotosocial", "pleroma"] as const) {
  test(`${flavour}: a streamed toot has the fields the flavour gives its REST answers`, async () => {
    const demo = await startDemoInstance({ flavour, generate: false, seedCount: 5 });
    try {
      // Both take one stream per socket, named with the token in the query (flavour.ts); the
      // stream is in place once the upgrade has been answered.
      const query = `?access_token=${encodeURIComponent(demo.token)}&stream=public:local`;
      const socket = await openSocket(streamingUrl(demo, query));
      try {
        const status = demo.control.publish("local");
        const frame = await socket.next((f) => f.event === "update");
        const streamed = JSON.parse(frame.payload ?? "") as ApiStatus;
        const { body: fetched } = await getJson<ApiStatus>(demo, `/api/v1/statuses/${status.id}`);
        assert.equal(streamed.id, fetched.id);
        assert.ok(!("quotes_count" in fetched), "the flavour's REST has no quotes_count");
        // The public stream leaves out the viewer's own fields (favourited, bookmarked…), as
        // Mastodon's does; what the flavour drops or adds must match.
        for (const field of ["quotes_count", "quote_approval", "quote", "text", "edited_at"]) {
          assert.equal(field in streamed, field in fetched, `${field}: streamed as fetched`);
        }
      } finally {
        socket.close();
      }
    } finally {
      await demo.close();
    }
  });
}
