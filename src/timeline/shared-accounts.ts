// One account object per account across every status held. Each status the server sends
// carries a whole copy of its author (about 1 KB: urls, avatar and header urls, emojis,
// fields): at 2 000 statuses per pane those copies were most of what the stores held
// (`npm run bench -- memory`, heap snapshots). The copy that arrived last is the account's
// current state, so it is written into the one shared object and every toot by that
// account shows it, as Mastodon's own web client does (it keeps accounts by id in one
// store, app/javascript/mastodon/actions/importer).
//
// Accounts are known by id, acct and url together: ids are per server, so a store of
// another signed-in server cannot mix its accounts with these. The table holds its objects
// weakly: an account no held status points at is freed, and its entry with it.
import type { mastodon } from "masto";

type Account = mastodon.v1.Account;

const table = new Map<string, WeakRef<Account>>();
const freed = new FinalizationRegistry<string>((key) => {
  if (table.get(key)?.deref() === undefined) table.delete(key);
});

function keyOf(account: unknown): string | undefined {
  if (!account || typeof account !== "object") return undefined;
  const { id, acct, url } = account as { id?: unknown; acct?: unknown; url?: unknown };
  if (typeof id !== "string" || typeof acct !== "string") return undefined;
  return `${id}\u0000${acct}\u0000${typeof url === "string" ? url : ""}`;
}

/** The shared object for `account`, brought up to `account`'s fields. */
export function sharedAccount(account: Account): Account {
  const key = keyOf(account);
  if (key === undefined) return account;
  const held = table.get(key)?.deref();
  if (held === account) return held;
  if (!held) {
    table.set(key, new WeakRef(account));
    freed.register(account, key);
    return account;
  }
  const target = held as unknown as Record<string, unknown>;
  const next = account as unknown as Record<string, unknown>;
  for (const k of Object.keys(target)) if (!(k in next)) delete target[k];
  Object.assign(target, next);
  return held;
}

/** Points `status`, its boosted original and their quoted posts at the shared accounts. */
export function shareAccountsOf(status: mastodon.v1.Status): void {
  for (const s of [status, status.reblog]) {
    if (!s || typeof s !== "object") continue;
    if (s.account) s.account = sharedAccount(s.account);
    const quoted = (s as { quote?: { quotedStatus?: mastodon.v1.Status | null } | null }).quote
      ?.quotedStatus;
    if (quoted && typeof quoted === "object" && quoted.account)
      quoted.account = sharedAccount(quoted.account);
  }
}
