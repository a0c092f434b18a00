// masto's REST client, put together from masto's own parts exactly as its createRestAPIClient
// does (masto 7.12, dist/esm/adapters/clients.js), with a serializer that survives what a
// hostile or broken server sends:
// - masto converts every JSON body's keys to camelCase with a recursive walk: a body nested
//   5 000 levels deep overflows the stack. Bodies deeper than MAX_JSON_DEPTH are cut first,
//   so masto's walk stays bounded.
// - masto reads an error page that is text/html (nginx's 502/503/504) as `undefined`, then
//   destructures it and throws a bare TypeError, losing the HTTP status. Here an HTML body
//   reads as an empty object, so the error keeps its status (MastoHttpError, statusCode 503).

import { HttpActionDispatcherHookMastodon } from "masto/adapters/action/dispatcher-http-hook-mastodon.js";
import { createActionProxy, HttpActionDispatcher } from "masto/adapters/action/index.js";
import { HttpConfigImpl } from "masto/adapters/config/index.js";
import { HttpNativeImpl } from "masto/adapters/http/index.js";
import { SerializerNativeImpl } from "masto/adapters/serializers/index.js";
import { cutDeeperThan, jsonTextDepth, MAX_JSON_DEPTH } from "./server-json.js";

type Encoding = Parameters<SerializerNativeImpl["deserialize"]>[0];

export class BoundedSerializer extends SerializerNativeImpl {
  override deserialize<T = Record<string, unknown>>(type: Encoding, data: string): T {
    if (type === "html") return {} as T;
    if (type === "json" && jsonTextDepth(data) > MAX_JSON_DEPTH) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(data);
      } catch {
        // Not JSON at all: masto's own error for that.
        return super.deserialize<T>(type, data);
      }
      return super.deserialize<T>(type, JSON.stringify(cutDeeperThan(parsed)));
    }
    return super.deserialize<T>(type, data);
  }
}

/** As masto's createRestAPIClient({ url, accessToken }), with the BoundedSerializer. */
export function createBoundedRestClient(props: { url: string; accessToken: string }): unknown {
  const serializer = new BoundedSerializer();
  const config = new HttpConfigImpl(props, serializer);
  // No logger: masto's console logger would write over the screen.
  const http = new HttpNativeImpl(serializer, config);
  const dispatcher = new HttpActionDispatcher(http, new HttpActionDispatcherHookMastodon(http));
  return createActionProxy(dispatcher, { context: ["api"] });
}
