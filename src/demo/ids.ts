// Mastodon ids are opaque decimal strings. Statuses use snowflake-style ids
// (millisecond timestamp << 16 | sequence), so they are 18–19 digits: far beyond
// Number.MAX_SAFE_INTEGER, which is why ids are compared as strings, never as numbers.

const DECIMAL = /^[0-9]+$/;

/**
 * The server's own order of two ids: Mastodon's decimal ids by length, then lexically; the
 * other servers' (ULIDs, FlakeIds, UUIDv7, Hollo's `time/type/uuid`) lexically, which for
 * them is creation order. Only the server may do this: to a client ids are opaque.
 */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length && DECIMAL.test(a) && DECIMAL.test(b)) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Hands out strictly increasing snowflake ids for a given creation time. */
export class SnowflakeIds {
  private last = 0n;
  private sequence = 0;

  next(atMs: number): string {
    // The low 16 bits vary like Mastodon's hashed sequence, so ids are not round numbers.
    this.sequence = (this.sequence + 40_503) & 0xffff;
    let id = (BigInt(Math.floor(atMs)) << 16n) | BigInt(this.sequence);
    if (id <= this.last) id = this.last + 1n;
    this.last = id;
    return id.toString();
  }
}

/**
 * Plain sequential ids, as Mastodon uses for notifications and local accounts.
 * Starting just below a power of ten makes the id length grow during a session,
 * which catches clients that compare ids lexically or as numbers.
 */
export class SequentialIds {
  constructor(private current: bigint) {}

  next(): string {
    this.current += 1n;
    return this.current.toString();
  }
}
