// Renames the keys of parsed server JSON (snake_case ↔ camelCase), standing in for masto's
// own transformKeys (masto/dist/esm/adapters/serializers/transform-keys.js, swapped in by
// scripts/build.mjs) with the same contract: arrays and plain objects are walked, keys with
// ":" or a leading "_" are kept (PATCH /v1/preferences, PATCH /v2/filters), all else as is.
// Two differences, both for server data: it walks with its own stack, never the call stack,
// so JSON nested thousands of levels deep cannot overflow it — past MAX_DEPTH a value is
// dropped (null) rather than walked; and each key's new spelling is remembered (servers send
// the same few hundred keys over and over), which made the first pages' conversion ~5× faster.
// The objects it builds are ordinary (fast-property) objects; see `field` below.

/** Deeper than any Mastodon entity (a quote of a quote inside a notification is ~12 levels). */
export const MAX_DEPTH = 64;
/** Remembered spellings per transform: enough for every real key, bounded against floods. */
const CACHE_LIMIT = 4096;

type Transform = (key: string) => string;

const caches = new WeakMap<Transform, Map<string, string>>();

function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

interface Frame {
  from: unknown[] | Record<string, unknown>;
  to: unknown[] | Record<string, unknown>;
  depth: number;
}

export function transformKeys<T>(data: unknown, transform: Transform): T {
  let cache = caches.get(transform);
  if (!cache) {
    cache = new Map();
    caches.set(transform, cache);
  }
  const rename = (key: string): string => {
    if (key.includes(":") || key.startsWith("_")) return key;
    let renamed = cache.get(key);
    if (renamed === undefined) {
      renamed = transform(key);
      if (cache.size < CACHE_LIMIT) cache.set(key, renamed);
    }
    return renamed;
  };
  // Each key is defined, not assigned (out[key] = value): V8 turns an object that gains more
  // than ~16 properties through computed-key assignments into a hash table ("dictionary
  // mode"), ~1.5 KB for a status or an account instead of ~0.3 KB, and tootty holds
  // thousands of them (2 000 per pane). Defining keeps them ordinary objects that share one
  // hidden class per key order. It also makes a "__proto__" key an own property like any
  // other, never the object's prototype.
  const field: PropertyDescriptor = {
    value: undefined,
    writable: true,
    enumerable: true,
    configurable: true,
  };
  const stack: Frame[] = [];
  /** The copy of `value` to store, its children pushed to be filled in later. */
  const copy = (value: unknown, depth: number): unknown => {
    if (Array.isArray(value)) {
      if (depth > MAX_DEPTH) return null;
      const to = new Array(value.length);
      stack.push({ from: value, to, depth });
      return to;
    }
    if (isRecord(value)) {
      if (depth > MAX_DEPTH) return null;
      const to: Record<string, unknown> = {};
      stack.push({ from: value, to, depth });
      return to;
    }
    return value;
  };
  const root = copy(data, 0);
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const { from, to, depth } = frame;
    if (Array.isArray(from)) {
      const out = to as unknown[];
      for (let i = 0; i < from.length; i++) out[i] = copy(from[i], depth + 1);
    } else {
      const out = to as Record<string, unknown>;
      for (const key of Object.keys(from)) {
        field.value = copy(from[key], depth + 1);
        Object.defineProperty(out, rename(key), field);
      }
    }
  }
  return root as T;
}
