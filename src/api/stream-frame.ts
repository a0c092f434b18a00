// Pure parsing of one streaming WebSocket frame. Every frame comes from a server we do not
// trust: anything malformed, unknown or oversized becomes null and the stream keeps flowing.
import type { mastodon } from "masto";
import { MAX_JSON_DEPTH } from "./server-json.js";

/** Frames larger than this are dropped unparsed (a status is a few KB; 1 MB is generous). */
export const MAX_FRAME_BYTES = 1_000_000;

export type StreamEvent =
  | { kind: "update"; stream: string[]; status: mastodon.v1.Status }
  | { kind: "status.update"; stream: string[]; status: mastodon.v1.Status }
  | { kind: "delete"; stream: string[]; id: string }
  | { kind: "notification"; stream: string[]; notification: mastodon.v1.Notification }
  | { kind: "filters_changed"; stream: string[] }
  /** Accepted notification requests are merged back: refetch (4.3; its payload means nothing). */
  | { kind: "notifications_merged"; stream: string[] }
  | { kind: "conversation"; stream: string[]; conversation: mastodon.v1.Conversation };

/** An `{"error": ...}` frame: the server refused one subscription; the socket stays open. */
export interface StreamError {
  kind: "error";
  error: string;
  status?: number;
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function camelKey(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Converts keys (never values) from snake_case to camelCase, so streamed objects have the shape
 * masto gives REST objects (`spoiler_text` → `spoilerText`). Containers nested deeper than
 * MAX_JSON_DEPTH become null: the walk is recursive, and a payload 5 000 levels deep would
 * otherwise overflow the stack (see server-json.ts).
 */
const field: PropertyDescriptor = {
  value: undefined,
  writable: true,
  enumerable: true,
  configurable: true,
};

export function camelCaseKeys(value: unknown, depth = 1): unknown {
  if (value === null || typeof value !== "object") return value;
  if (depth > MAX_JSON_DEPTH) return null;
  if (Array.isArray(value)) return value.map((v) => camelCaseKeys(v, depth + 1));
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    // A hostile "__proto__" key would replace the object's prototype on assignment.
    if (k === "__proto__" || k === "constructor" || k === "prototype") continue;
    field.value = camelCaseKeys(v, depth + 1);
    // Defined, not assigned: an object given more than ~16 keys by computed assignment is
    // kept by V8 as a hash table, ~1.5 KB a status (see src/api/transform-keys.ts).
    Object.defineProperty(out, camelKey(k), field);
  }
  return out;
}

/** Ids are opaque strings (digits on Mastodon, ULIDs on GoToSocial); anything odd is refused. */
export function isPlausibleId(id: unknown): id is string {
  return typeof id === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(id);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseEntity(payload: unknown): Json | undefined {
  if (typeof payload !== "string") return undefined;
  const parsed = camelCaseKeys(parseJson(payload));
  return isObject(parsed) && isPlausibleId(parsed.id) ? parsed : undefined;
}

/**
 * One frame → an event, an error, or null (ignore it). Binary frames (`Buffer`) are not part of
 * the protocol and are ignored; pass text frames as strings.
 */
export function parseStreamFrame(raw: string | Buffer): StreamEvent | StreamError | null {
  if (typeof raw !== "string") return null;
  if (raw.length > MAX_FRAME_BYTES) return null;
  const frame = parseJson(raw);
  if (!isObject(frame)) return null;

  // Error frames carry no `stream`: {"error":"Unknown stream type","status":400}
  if (!("stream" in frame) && typeof frame.error === "string") {
    const err: StreamError = { kind: "error", error: frame.error.slice(0, 200) };
    if (typeof frame.status === "number") err.status = frame.status;
    return err;
  }

  const stream = Array.isArray(frame.stream)
    ? frame.stream.filter((s): s is string => typeof s === "string")
    : [];
  if (stream.length === 0) return null;

  switch (frame.event) {
    case "update":
    case "status.update": {
      const status = parseEntity(frame.payload);
      if (!status) return null;
      return { kind: frame.event, stream, status: status as unknown as mastodon.v1.Status };
    }
    case "notification": {
      const notification = parseEntity(frame.payload);
      if (!notification || typeof notification.type !== "string") return null;
      return {
        kind: "notification",
        stream,
        notification: notification as unknown as mastodon.v1.Notification,
      };
    }
    case "delete": {
      // The payload is a bare id, NOT JSON: JSON.parse would turn a 19-digit id into a
      // float and lose its last digits. Keep the string exactly as sent.
      const id = typeof frame.payload === "string" ? frame.payload.trim() : undefined;
      return isPlausibleId(id) ? { kind: "delete", stream, id } : null;
    }
    case "filters_changed":
      return { kind: "filters_changed", stream };
    case "notifications_merged":
      return { kind: "notifications_merged", stream };
    case "conversation": {
      // The `direct` stream: a Conversation whose last_status is the new direct message.
      const conversation = parseEntity(frame.payload);
      const last = conversation?.lastStatus;
      if (!conversation || !isObject(last) || !isPlausibleId(last.id)) return null;
      return {
        kind: "conversation",
        stream,
        conversation: conversation as unknown as mastodon.v1.Conversation,
      };
    }
    default:
      // announcement* and future events: not used yet.
      return null;
  }
}
