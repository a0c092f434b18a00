// Server-sent events as a StreamSocket (Mastodon's HTTP streaming, documentation
// methods/streaming): `event: <name>` and `data: <payload>` lines, a blank line ends an event,
// lines starting with ":" are heartbeats. Each event becomes a frame
// {"event","payload"} for parseStreamFrame; a heartbeat counts as the server's ping.
// Over node:http (http-exchange.ts), not fetch: the first fetch compiles undici's WebAssembly
// HTTP parser, ~12 MB of RSS that stays. As everywhere in tootty, plain http goes only to
// loopback, and the token travels only in the Authorization header.
import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { openStream, type StreamingAnswer } from "./http-exchange.js";
import { MAX_FRAME_BYTES } from "./stream-frame.js";
import type { SocketFactory } from "./ws-socket.js";

/** Longest line kept: a server that never sends a newline cannot grow memory without bound. */
const MAX_LINE = MAX_FRAME_BYTES * 2;

export const sseSocketFactory: SocketFactory = (url, headers, handlers) => {
  const controller = new AbortController();
  let body: Readable | undefined;
  let closed = false;
  const finish = (fn: () => void) => {
    if (closed) return;
    closed = true;
    fn();
  };
  const fail = (err: unknown) =>
    finish(() => handlers.error(err instanceof Error ? err : new Error(String(err))));
  void (async () => {
    let res: StreamingAnswer;
    try {
      res = await openStream({
        method: "GET",
        url: new URL(url),
        headers: { ...headers, Accept: "text/event-stream" },
        signal: controller.signal,
      });
    } catch (err) {
      fail(err);
      return;
    }
    body = res.body;
    if (closed) {
      body.destroy();
      return;
    }
    const type = res.headers.get("content-type") ?? "";
    if (res.status !== 200 || !type.includes("text/event-stream")) {
      body.destroy();
      const status = res.status === 200 ? 406 : res.status;
      finish(() =>
        handlers.rejected(
          status,
          res.headers.get("x-error-message") ?? "",
          res.headers.get("location") ?? undefined,
        ),
      );
      return;
    }
    handlers.open();
    const decoder = new StringDecoder("utf8");
    let buffer = "";
    let event = "";
    let data: string[] = [];
    const line = (text: string) => {
      if (text === "") {
        if (event || data.length > 0)
          handlers.message(JSON.stringify({ event: event || "message", payload: data.join("\n") }));
        event = "";
        data = [];
      } else if (text.startsWith(":")) handlers.ping();
      else if (text.startsWith("event:")) event = text.slice(6).trim();
      else if (text.startsWith("data:")) data.push(text.slice(5).replace(/^ /, ""));
    };
    try {
      for await (const chunk of body) {
        if (closed) return;
        buffer += decoder.write(chunk as Buffer);
        let nl = buffer.search(/\r?\n/);
        while (nl >= 0 && !closed) {
          line(buffer.slice(0, nl));
          buffer = buffer.slice(buffer[nl] === "\r" ? nl + 2 : nl + 1);
          nl = buffer.search(/\r?\n/);
        }
        if (buffer.length > MAX_LINE) buffer = "";
      }
      finish(() => handlers.close(1000, ""));
    } catch (err) {
      fail(err);
    }
  })();
  return {
    // SSE is one-way: subscriptions are the URL, so there is nothing to send.
    send: () => {},
    terminate: () => {
      closed = true;
      controller.abort();
      body?.destroy();
    },
  };
};
