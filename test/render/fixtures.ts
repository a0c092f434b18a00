// Loads the Mastodon docs fixtures as masto would hand them to us: camelCase keys.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { mastodon } from "masto";

export const FIXTURE_DIR = new URL("../fixtures/mastodon-docs", import.meta.url).pathname;

function camel(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export function camelize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelize);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [camel(k), camelize(v)]));
  }
  return value;
}

/** Parses JSON with `// ...` comment lines (the .jsonc fixtures elide parts that way). */
function parseJsonc(text: string): unknown {
  const lines = text.split("\n").filter((l) => !/^\s*\/\/.*$/.test(l));
  return JSON.parse(lines.join("\n").replace(/,(\s*[}\]])/g, "$1"));
}

const FALLBACK_ACCOUNT = {
  id: "1",
  username: "elided",
  acct: "elided",
  display_name: "",
  url: "https://mastodon.example/@elided",
  emojis: [],
};

/** Every status in the fixtures (streamed ones unwrapped, notifications' statuses included). */
export function fixtureStatuses(): Array<{ name: string; status: mastodon.v1.Status }> {
  const out: Array<{ name: string; status: mastodon.v1.Status }> = [];
  for (const name of readdirSync(FIXTURE_DIR).sort()) {
    if (!/\.jsonc?$/.test(name) || (!name.startsWith("status") && !name.startsWith("notification")))
      continue;
    const raw = parseJsonc(readFileSync(join(FIXTURE_DIR, name), "utf8")) as Record<
      string,
      unknown
    >;
    const entity = (raw.status as Record<string, unknown> | undefined) ?? raw;
    if (!entity.account) entity.account = FALLBACK_ACCOUNT;
    out.push({ name, status: camelize(entity) as mastodon.v1.Status });
  }
  return out;
}

export function fixtureNotification(): mastodon.v1.Notification {
  const raw = JSON.parse(
    readFileSync(join(FIXTURE_DIR, "notification-stream-mention.json"), "utf8"),
  );
  return camelize(raw) as mastodon.v1.Notification;
}
