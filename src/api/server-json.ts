// Bounds on the nesting of JSON from a server. JSON.parse itself copes with any depth, but a
// recursive walk over what it made would overflow the stack on `[[[[…]]]]` 5 000 levels deep
// and end the program with a RangeError. REST bodies are converted by transform-keys.ts, which
// drops what lies deeper than its bound; what is read without it (NodeInfo) is cut here.
// Mastodon's deepest entity is a boosted quote post's account fields (about 8 levels), so
// anything below MAX_JSON_DEPTH is cut off as `null` — as if the server had sent nothing there.

/** Containers (objects and arrays) inside each other, the outermost counting 1. */
export const MAX_JSON_DEPTH = 64;

function isContainer(v: unknown): v is Record<string, unknown> | unknown[] {
  return v !== null && typeof v === "object";
}

/**
 * Replaces every container deeper than `maxDepth` with null, in place, without recursion.
 * Returns the value (null if `maxDepth` is 0 and the value is a container).
 */
export function cutDeeperThan(value: unknown, maxDepth = MAX_JSON_DEPTH): unknown {
  if (!isContainer(value)) return value;
  if (maxDepth < 1) return null;
  const stack: Array<[Record<string, unknown> | unknown[], number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(node)) {
      const child = record[key];
      if (!isContainer(child)) continue;
      if (depth >= maxDepth) record[key] = null;
      else stack.push([child, depth + 1]);
    }
  }
  return value;
}
