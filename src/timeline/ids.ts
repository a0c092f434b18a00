// Status ids are opaque strings. Mastodon's are decimal snowflakes longer than 2^53, so they
// are compared as strings: shorter is older, equal length compares lexically. Never Number().

export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxId(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return compareIds(a, b) >= 0 ? a : b;
}
