// masto's REST client, put together from masto's own parts exactly as its createRestAPIClient
// does (masto 7.12, dist/esm/adapters/clients.js), with a serializer that survives what a
// hostile or broken server sends:
// - masto converts every JSON body's keys to camelCase with a recursive walk: a body nested
//   5 000 levels deep overflows the stack. Here a body is parsed and converted by
//   transform-keys.ts, which walks with its own stack and drops what lies deeper than its
//   bound, so no text scan for depth is needed before the parse (that scan of the first
//   pages' ~300 KB cost ~7 ms of a start).
// - masto reads an error page that is text/html (nginx's 502/503/504) as `undefined`, then
//   destructures it and throws a bare TypeError, losing the HTTP status. Here an HTML body
//   reads as an empty object, so the error keeps its status (MastoHttpError, statusCode 503).
// - masto's `$raw` answers only the body and the headers; a 206 from the home timeline ("the
//   feed is being regenerated", methods/timelines.md) reads as a 200. The HTTP adapter here
//   also answers the status code.
// - masto throws MastoUnexpectedError ("unknown encoding"), the status lost, for an error
//   answered as text/plain: Hollo's missing routes (Hono's default 404 is text/plain
//   "404 Not Found"), proxies' "Bad Gateway". Such an error keeps its status and its text.
// - masto sends through the global fetch, which on Node 20 is undici, compiled on first use;
//   requests here go over node:http (http-exchange.ts), media uploads too: their
//   multipart body is encoded here (multipart.ts) instead of as masto's FormData.

import { camelCase } from "change-case";
import { HttpActionDispatcherHookMastodon } from "masto/adapters/action/dispatcher-http-hook-mastodon.js";
import { createActionProxy, HttpActionDispatcher } from "masto/adapters/action/index.js";
import { HttpConfigImpl } from "masto/adapters/config/index.js";
import {
  MastoHttpError,
  type MastoHttpErrorProps,
  MastoUnexpectedError,
} from "masto/adapters/errors/index.js";
import { getEncoding } from "masto/adapters/http/get-encoding.js";
import { HttpNativeImpl } from "masto/adapters/http/index.js";
import { flattenForFormData } from "masto/adapters/serializers/flatten.js";
import { SerializerNativeImpl } from "masto/adapters/serializers/index.js";
import type { HttpRequestParams, HttpResponse } from "masto/interfaces/index.js";
import { exchange, type HeaderReader, type HttpAnswer } from "./http-exchange.js";
import { type FormValue, multipartBody, randomHex } from "./multipart.js";
import { transformKeys } from "./transform-keys.js";

type Encoding = Parameters<SerializerNativeImpl["deserialize"]>[0];
type SerialType = Parameters<SerializerNativeImpl["serialize"]>[0];

export class BoundedSerializer extends SerializerNativeImpl {
  override deserialize<T = Record<string, unknown>>(type: Encoding, data: string): T {
    if (type === "html") return {} as T;
    if (type === "json") {
      let parsed: unknown;
      try {
        parsed = JSON.parse(data);
      } catch {
        // Not JSON at all: masto's own error for that.
        return super.deserialize<T>(type, data);
      }
      // masto's camelCase (change-case), as its own deserialize uses it.
      return transformKeys<T>(parsed, camelCase);
    }
    return super.deserialize<T>(type, data);
  }

  /**
   * A multipart body's fields as masto's serializer makes them (keys snake_cased, nested
   * ones flattened to `a[b]`), without its FormData: each file stands in as a string while
   * the keys are converted.
   */
  formFields(rawData: unknown): Array<[string, FormValue]> {
    const mark = `\u0000file-${randomHex(8)}:`;
    const files: Blob[] = [];
    const marked = JSON.stringify(rawData ?? {}, (_key, value: unknown) =>
      value instanceof Blob ? `${mark}${files.push(value) - 1}` : value,
    );
    const snake: unknown = JSON.parse(super.serialize("json", JSON.parse(marked)) as string);
    return Object.entries(flattenForFormData(snake) as Record<string, unknown>).map(
      ([key, value]) => {
        if (typeof value === "string" && value.startsWith(mark))
          return [key, files[Number(value.slice(mark.length))]!];
        return [key, String(value)];
      },
    );
  }
}

/** The most of an error page's text kept as its message (shown one line, sanitised). */
const MAX_ERROR_TEXT = 200;

/** One exchange's answer, with its HTTP status (what `$raw` resolves to on this client). */
export interface RawAnswer<T = unknown> {
  data: T;
  headers: HeaderReader;
  status: number;
}

/** Request headers as a plain record, from any form fetch accepts. */
function headerRecord(init: RequestInit["headers"]): Record<string, string> {
  if (!init) return {};
  if (Array.isArray(init)) return Object.fromEntries(init);
  if (typeof (init as Headers).forEach === "function") {
    const out: Record<string, string> = {};
    (init as Headers).forEach((v, k) => {
      out[k] = v;
    });
    return out;
  }
  return { ...(init as Record<string, string>) };
}

/** masto's HTTP adapter over node:http, answering the status code with the body and headers. */
export class StatusKeepingHttp extends HttpNativeImpl {
  constructor(
    private readonly deserializer: BoundedSerializer,
    private readonly config_: HttpConfigImpl,
    private readonly accessToken: string,
  ) {
    super(deserializer, config_);
  }

  // masto types an answer's headers as fetch's Headers, and reads only their `get`
  // (adapters/action/paginator-http.js, adapters/http/get-encoding.js).
  override request<T>(params: HttpRequestParams): Promise<HttpResponse<T>> {
    return this.requestRaw<T>(params) as unknown as Promise<HttpResponse<T>>;
  }

  async requestRaw<T>(params: HttpRequestParams): Promise<RawAnswer<T>> {
    const { method, path, search, encoding = "json", requestInit = {} } = params;
    // As masto's HttpConfigImpl merges them: the caller's headers, then the token.
    const headers = headerRecord(requestInit.headers);
    if (this.accessToken) headers.Authorization = `Bearer ${this.accessToken}`;
    let body: string | Buffer | undefined;
    if (encoding === "multipart-form") {
      const form = await multipartBody(this.deserializer.formFields(params.body));
      body = form.body;
      headers["Content-Type"] = form.contentType;
    } else {
      body = this.deserializer.serialize(encoding as SerialType, params.body) as string | undefined;
      if (typeof body === "string" && encoding === "json")
        headers["Content-Type"] = "application/json";
    }
    const answer = await exchange({
      method,
      url: this.config_.resolvePath(path, search),
      headers,
      ...(body === undefined ? {} : { body }),
      signal: requestInit.signal ?? null,
    });
    if (answer.status < 200 || answer.status > 299) throw this.errorOfAnswer(answer);
    const type = getEncoding(answer.headers as Headers);
    if (!type) throw new MastoUnexpectedError("The server returned data with an unknown encoding.");
    const data = this.deserializer.deserialize<T>(type, answer.text);
    return { headers: answer.headers, data, status: answer.status };
  }

  /**
   * masto's createError for an answer that is not 2xx; any type but JSON and HTML keeps its
   * status and text. The answer is the error's cause (errors.ts reads its headers).
   */
  private errorOfAnswer(answer: HttpAnswer): Error {
    const type = getEncoding(answer.headers as Headers);
    if (type === undefined) {
      const message = answer.text.slice(0, MAX_ERROR_TEXT).trim();
      return new MastoHttpError({ statusCode: answer.status, message }, { cause: answer });
    }
    const data = this.deserializer.deserialize<Record<string, unknown>>(type, answer.text);
    const { error: message, errorDescription, details, ...additionalProperties } = data;
    return new MastoHttpError(
      {
        statusCode: answer.status,
        message: message as string,
        description: errorDescription as string | undefined,
        details: details as MastoHttpErrorProps["details"],
        additionalProperties,
      },
      { cause: answer },
    );
  }
}

/** As masto's createRestAPIClient({ url, accessToken }), with the BoundedSerializer. */
export function createBoundedRestClient(props: { url: string; accessToken: string }): unknown {
  return createBoundedMasto(props).proxy;
}

/**
 * The action proxy and the HTTP layer under it. masto's proxy sends PATCH only for
 * update_credentials (its verbs map update to PUT), so the few PATCH endpoints
 * (/api/v2/notifications/policy) go through `http` directly, with the same serializer.
 */
export function createBoundedMasto(props: { url: string; accessToken: string }): {
  proxy: unknown;
  http: StatusKeepingHttp;
} {
  const serializer = new BoundedSerializer();
  const config = new HttpConfigImpl(props, serializer);
  // No logger: masto's console logger would write over the screen.
  const http = new StatusKeepingHttp(serializer, config, props.accessToken);
  const dispatcher = new HttpActionDispatcher(http, new HttpActionDispatcherHookMastodon(http));
  return { proxy: createActionProxy(dispatcher, { context: ["api"] }), http };
}
