// Bounds on the nesting of JSON from a server. JSON.parse itself copes with any depth, but every
// recursive walk after it (masto's key conversion of REST bodies, ours of stream payloads) would
// overflow the stack on `[[[[…]]]]` 5 000 levels deep and end the program with a RangeError.
// Mastodon's deepest entity is a boosted quote post's account fields (about 8 levels), so
// anything below MAX_JSON_DEPTH is cut off as `null` — as if the server had sent nothing there.

/** Containers (objects and arrays) inside each other, the outermost counting 1. */
export const MAX_JSON_DEPTH = 64;

/**
 * The nesting depth of JSON text, without parsing it (a linear scan that skips strings),
 * stopping as soon as it exceeds `stopAbove`.
 */
export function jsonTextDepth(text: string, stopAbove = MAX_JSON_DEPTH): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > stopAbove) return max;
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

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
