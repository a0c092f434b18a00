// Short relative timestamps for toot headers. `now` is injected so tests use a fixed clock.
import { locale, tl } from "../i18n/index.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "now", "5m", "3h", "2d" (under a week; the catalogue's words), then the date: YYYY-MM-DD
 * in English, the interface language's own short date otherwise (UTC either way).
 */
export function relativeTime(iso: string | null | undefined, now: number): string {
  const t = iso ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(t)) return "?";
  const age = now - t;
  if (age < MINUTE) return tl("time.now");
  if (age < HOUR) return tl("time.minutes", { count: Math.floor(age / MINUTE) });
  if (age < DAY) return tl("time.hours", { count: Math.floor(age / HOUR) });
  if (age < 7 * DAY) return tl("time.days", { count: Math.floor(age / DAY) });
  return dateText(t);
}

let dates: { tag: string; format: Intl.DateTimeFormat } | null = null;

function dateText(t: number): string {
  const tag = locale();
  if (tag.split("-")[0] === "en") return new Date(t).toISOString().slice(0, 10);
  if (dates?.tag !== tag) {
    const options = { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC" } as const;
    dates = { tag, format: new Intl.DateTimeFormat(tag, options) };
  }
  return dates.format.format(t);
}

/**
 * The span of clock times [since, until) during which relativeTime(iso, now) gives the same
 * label as it does at `now`, so a cached header can be reused without recomputing it.
 */
export function labelExpiry(iso: string | null | undefined, now: number): [number, number] {
  const t = iso ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(t)) return [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  const age = now - t;
  if (age < 0) return [Number.NEGATIVE_INFINITY, t + MINUTE];
  if (age < MINUTE) return [t, t + MINUTE];
  const unit = age < HOUR ? MINUTE : age < DAY ? HOUR : age < 7 * DAY ? DAY : 0;
  if (unit === 0) return [t + 7 * DAY, Number.POSITIVE_INFINITY];
  const start = t + Math.floor(age / unit) * unit;
  const end = Math.min(
    start + unit,
    unit === MINUTE ? t + HOUR : unit === HOUR ? t + DAY : t + 7 * DAY,
  );
  return [start, end];
}
