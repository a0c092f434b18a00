// What the client needs to know about an instance, read defensively from v2 (or v1) JSON.
import { isLoopback } from "../config/instance-url.js";
import { type TimelinesAccess, timelinesAccessOf } from "./feed-access.js";

export interface InstanceInfo {
  domain: string;
  title: string;
  version: string;
  /** Base of the streaming WebSocket (wss://…), without /api/v1/streaming. */
  streamingUrl: string;
  maxCharacters: number;
  /** Absent on servers that do not say (Pleroma, Akkoma): ServerProfile decides the rule. */
  charactersReservedPerUrl: number | undefined;
  maxMediaAttachments: number;
  pollMaxOptions: number;
  pollMaxCharactersPerOption: number;
  /** Seconds. */
  pollMinExpiration: number;
  pollMaxExpiration: number;
  /** `api_versions.mastodon` (4.3+), for feature detection; 0 when absent. */
  mastodonApiVersion: number;
  /** `configuration.translation.enabled` (v2); undefined when the server does not say. */
  translationEnabled: boolean | undefined;
  /** Whether the server streams somewhere it names (`configuration.urls` / v1 `urls`). */
  namesStreamingUrl: boolean;
  /** v1's `pleroma` object: a Pleroma-family server (Pleroma, Akkoma). */
  pleromaMetadata: boolean;
  /** `configuration.timelines_access` (Mastodon 4.5); undefined when the server does not say. */
  timelinesAccess: TimelinesAccess | undefined;
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
function optionalNum(v: unknown): number | undefined {
  return typeof v === "number" && Number.isFinite(v) && v > 0 ? v : undefined;
}
function seconds(v: unknown, fallback: number): number {
  return typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : fallback;
}
function present(v: unknown): boolean {
  return typeof v === "string" && v !== "";
}

// Mastodon's defaults (app/validators/poll_expiration_validator.rb): 5 minutes to a month.
const POLL_MIN_EXPIRATION = 300;
const POLL_MAX_EXPIRATION = 2_629_746;

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
    charactersReservedPerUrl: optionalNum(statuses.charactersReservedPerUrl),
    maxMediaAttachments: num(statuses.maxMediaAttachments, 4),
    pollMaxOptions: num(polls.maxOptions, 4),
    pollMaxCharactersPerOption: num(polls.maxCharactersPerOption, 50),
    pollMinExpiration: seconds(polls.minExpiration, POLL_MIN_EXPIRATION),
    pollMaxExpiration: num(polls.maxExpiration, POLL_MAX_EXPIRATION),
    mastodonApiVersion: num(obj(d.apiVersions).mastodon, 0),
    translationEnabled:
      typeof obj(conf.translation).enabled === "boolean"
        ? (obj(conf.translation).enabled as boolean)
        : undefined,
    namesStreamingUrl: present(obj(conf.urls).streaming),
    pleromaMetadata: false,
    timelinesAccess: timelinesAccessOf(conf.timelinesAccess),
  };
}

/** Normalises masto's camelCased v1 instance (servers without /api/v2/instance). */
export function instanceFromV1(data: unknown, instanceUrl: string): InstanceInfo {
  const d = obj(data);
  const conf = obj(d.configuration);
  const statuses = obj(conf.statuses);
  // Pleroma and Akkoma: `poll_limits` { max_options, max_option_chars, min/max_expiration }.
  const pleromaPolls = obj(d.pollLimits);
  const polls = { ...pleromaPolls, ...obj(conf.polls) };
  return {
    domain: str(d.uri, new URL(instanceUrl).host),
    title: str(d.title, ""),
    version: str(d.version, ""),
    streamingUrl: streamingBase(obj(d.urls).streamingApi, instanceUrl),
    maxCharacters: num(statuses.maxCharacters ?? d.maxTootChars, 500),
    charactersReservedPerUrl: optionalNum(statuses.charactersReservedPerUrl),
    maxMediaAttachments: num(statuses.maxMediaAttachments ?? d.maxMediaAttachments, 4),
    pollMaxOptions: num(polls.maxOptions, 4),
    pollMaxCharactersPerOption: num(polls.maxCharactersPerOption ?? polls.maxOptionChars, 50),
    pollMinExpiration: seconds(polls.minExpiration, POLL_MIN_EXPIRATION),
    pollMaxExpiration: num(polls.maxExpiration, POLL_MAX_EXPIRATION),
    mastodonApiVersion: 0,
    translationEnabled: undefined,
    namesStreamingUrl: present(obj(d.urls).streamingApi),
    pleromaMetadata: d.pleroma !== null && typeof d.pleroma === "object",
    timelinesAccess: undefined,
  };
}
