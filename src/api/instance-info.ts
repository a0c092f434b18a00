// What the client needs to know about an instance, read defensively from v2 (or v1) JSON.
import { isLoopback } from "../config/instance-url.js";

export interface InstanceInfo {
  domain: string;
  title: string;
  version: string;
  /** Base of the streaming WebSocket (wss://…), without /api/v1/streaming. */
  streamingUrl: string;
  maxCharacters: number;
  charactersReservedPerUrl: number;
  maxMediaAttachments: number;
  pollMaxOptions: number;
  pollMaxCharactersPerOption: number;
  /** `api_versions.mastodon` (4.3+), for feature detection; 0 when absent. */
  mastodonApiVersion: number;
}

type Json = Record<string, unknown>;

function obj(v: unknown): Json {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {};
}
function str(v: unknown, fallback: string): string {
  return typeof v === "string" ? v : fallback;
}
function num(v: unknown, fallback: number): number {
  return typeof v === "number" && Number.isFinite(v) && v > 0 ? v : fallback;
}

/** Streaming host as an absolute ws(s) URL; falls back to the instance URL itself. */
function streamingBase(candidate: unknown, instanceUrl: string): string {
  const raw = typeof candidate === "string" && candidate ? candidate : instanceUrl;
  try {
    const u = new URL(raw);
    if (u.protocol === "https:") u.protocol = "wss:";
    if (u.protocol === "http:") u.protocol = "ws:";
    if (u.protocol !== "wss:" && u.protocol !== "ws:") return streamingBase(undefined, instanceUrl);
    // The token travels in the upgrade: plain ws:// only to this machine, whatever the
    // server advertises (a hostile or misconfigured one could ask for cleartext).
    if (u.protocol === "ws:" && !isLoopback(u.hostname)) u.protocol = "wss:";
    return u.toString().replace(/\/+$/, "");
  } catch {
    return streamingBase(undefined, instanceUrl);
  }
}

/** Normalises masto's camelCased v2 instance. */
export function instanceFromV2(data: unknown, instanceUrl: string): InstanceInfo {
  const d = obj(data);
  const conf = obj(d.configuration);
  const statuses = obj(conf.statuses);
  const polls = obj(conf.polls);
  return {
    domain: str(d.domain, new URL(instanceUrl).host),
    title: str(d.title, ""),
    version: str(d.version, ""),
    streamingUrl: streamingBase(obj(conf.urls).streaming, instanceUrl),
    maxCharacters: num(statuses.maxCharacters, 500),
    charactersReservedPerUrl: num(statuses.charactersReservedPerUrl, 23),
    maxMediaAttachments: num(statuses.maxMediaAttachments, 4),
    pollMaxOptions: num(polls.maxOptions, 4),
    pollMaxCharactersPerOption: num(polls.maxCharactersPerOption, 50),
    mastodonApiVersion: num(obj(d.apiVersions).mastodon, 0),
  };
}

/** Normalises masto's camelCased v1 instance (servers without /api/v2/instance). */
export function instanceFromV1(data: unknown, instanceUrl: string): InstanceInfo {
  const d = obj(data);
  const conf = obj(d.configuration);
  const statuses = obj(conf.statuses);
  const polls = obj(conf.polls);
  return {
    domain: str(d.uri, new URL(instanceUrl).host),
    title: str(d.title, ""),
    version: str(d.version, ""),
    streamingUrl: streamingBase(obj(d.urls).streamingApi, instanceUrl),
    maxCharacters: num(statuses.maxCharacters ?? d.maxTootChars, 500),
    charactersReservedPerUrl: num(statuses.charactersReservedPerUrl, 23),
    maxMediaAttachments: num(statuses.maxMediaAttachments, 4),
    pollMaxOptions: num(polls.maxOptions, 4),
    pollMaxCharactersPerOption: num(polls.maxCharactersPerOption, 50),
    mastodonApiVersion: 0,
  };
}
