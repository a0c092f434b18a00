// The cast of the demo instance: local accounts on DEMO_DOMAIN, remote ones on other
// `.example` servers (a reserved TLD, so no link ever points at a real site).

import { escapeHtml } from "./html.js";
import type { ApiAccount, ApiCustomEmoji } from "./types.js";

export const DEMO_DOMAIN = "demo.tootty.example";

export function customEmoji(shortcode: string, domain: string): ApiCustomEmoji {
  const url = `https://${domain}/system/custom_emojis/images/000/000/001/original/${shortcode}.png`;
  return {
    shortcode,
    url,
    static_url: url.replace("/original/", "/static/"),
    visible_in_picker: true,
  };
}

export const LOCAL_EMOJIS: ApiCustomEmoji[] = [
  "blobcat",
  "blobcat_heart",
  "party_parrot",
  "verified",
].map((code) => customEmoji(code, DEMO_DOMAIN));

interface CastMember {
  username: string;
  domain: string;
  displayName: string;
  note: string;
  bot?: boolean;
  locked?: boolean;
  group?: boolean;
  /** Followed by the demo user: their statuses land in home. */
  followed?: boolean;
  emojis?: string[];
  fields?: Array<[string, string]>;
  /** Seeded hostile-but-real-world names are rare; this marks them so the generator uses them sparingly. */
  hostile?: boolean;
}

const CAST: CastMember[] = [
  {
    username: "demo",
    domain: DEMO_DOMAIN,
    displayName: "Demo User",
    note: "<p>Trying out tootty, the terminal Mastodon client.</p>",
    fields: [["Client", "tootty"]],
  },
  {
    username: "alice",
    domain: DEMO_DOMAIN,
    displayName: "Alice :blobcat:",
    note: "<p>Terminal enthusiast. tmux, vim, and too many dotfiles.</p>",
    followed: true,
    emojis: ["blobcat"],
    fields: [
      ["Pronouns", "she/her"],
      ["Website", "https://alice.example"],
    ],
  },
  {
    username: "tootty_release",
    domain: DEMO_DOMAIN,
    displayName: "tootty releases :verified:",
    note: "<p>Automated release notes. Beep boop.</p>",
    bot: true,
    followed: true,
    emojis: ["verified"],
  },
  {
    username: "lou",
    domain: DEMO_DOMAIN,
    displayName: "Lou (locked)",
    note: "<p>Followers-only posting. Ask first.</p>",
    locked: true,
  },
  {
    username: "mina",
    domain: DEMO_DOMAIN,
    displayName: "ミナ 🌸 :blobcat_heart:",
    note: "<p>東京在住。写真と猫。</p>",
    followed: true,
    emojis: ["blobcat_heart"],
  },
  {
    username: "yuki",
    domain: "kaiju.example",
    displayName: "雪 Yuki",
    note: "<p>Rust, Go, and ramen reviews.</p>",
    followed: true,
  },
  {
    username: "farid",
    domain: "souq.example",
    displayName: "فريد الحسن",
    note: "<p>مطور برمجيات من عمّان</p>",
    followed: true,
  },
  {
    username: "noa",
    domain: "galil.example",
    displayName: "נועה כהן",
    note: "<p>מפתחת ווב, אוהבת קפה</p>",
    followed: true,
  },
  {
    username: "wei",
    domain: "bamboo.example",
    displayName: "王伟",
    note: "<p>开源爱好者 / 终端控</p>",
    followed: true,
  },
  {
    username: "chef",
    domain: "kitchen.example",
    displayName: "👩🏽‍🍳 Chef Ada 🏳️‍🌈",
    note: "<p>Recipes, knives, and family 👨‍👩‍👧‍👦</p>",
    followed: true,
  },
  {
    username: "newsbot",
    domain: "feeds.example",
    displayName: "World News Feed",
    note: "<p>Unofficial headline bot.</p>",
    bot: true,
  },
  {
    username: "fossgroup",
    domain: "lemmy.example",
    displayName: "FOSS Group",
    note: "<p>A group for free software people.</p>",
    group: true,
  },
  {
    username: "zalgo",
    domain: "chaos.example",
    displayName: "Z̷̢̛̤a̸̡̛͔l̵̨̛̪g̶̢̛̫o̴̢̧̭ c̸̢̧o̵̢m̶̨e̵͇s̸̼",
    note: "<p>h̷̢̛e̴̡ ̵̨c̶̢o̴̧m̸̨e̵̢s̶̡</p>",
    hostile: true,
  },
  {
    username: "admin_notreally",
    domain: "spoof.example",
    // A right-to-left override makes the name render reversed and can hide text after it.
    displayName: "\u202Enimda\u202C Support",
    note: "<p>Not an admin.</p>",
    hostile: true,
  },
];

export interface DemoAccount {
  account: ApiAccount;
  local: boolean;
  followed: boolean;
  hostile: boolean;
}

function fieldValue(value: string): string {
  if (!value.startsWith("https://")) return escapeHtml(value);
  const rest = value.slice("https://".length);
  return `<a href="${escapeHtml(value)}" rel="nofollow noopener me" target="_blank"><span class="invisible">https://</span><span class="">${escapeHtml(rest)}</span><span class="invisible"></span></a>`;
}

/** Builds the cast; ids are sequential for local accounts and snowflakes for remote ones, as on Mastodon. */
export function buildAccounts(now: number): DemoAccount[] {
  let localId = 108;
  let remoteId = 109_311_246_000_000_000n;
  return CAST.map((member, index) => {
    const local = member.domain === DEMO_DOMAIN;
    if (!local) remoteId += 65_537n * BigInt(index + 3);
    const id = local ? String(localId++) : String(remoteId);
    const profile = local
      ? `https://${DEMO_DOMAIN}/@${member.username}`
      : `https://${member.domain}/@${member.username}`;
    const avatar = `https://${DEMO_DOMAIN}/system/accounts/avatars/${id}/original/${member.username}.png`;
    const header = `https://${DEMO_DOMAIN}/system/accounts/headers/${id}/original/${member.username}.jpg`;
    const createdDay = new Date(now - (400 + index * 97) * 86_400_000);
    createdDay.setUTCHours(0, 0, 0, 0);
    const account: ApiAccount = {
      id,
      username: member.username,
      acct: local ? member.username : `${member.username}@${member.domain}`,
      display_name: member.displayName,
      locked: member.locked ?? false,
      bot: member.bot ?? false,
      discoverable: !member.hostile,
      group: member.group ?? false,
      created_at: createdDay.toISOString(),
      note: member.note,
      url: profile,
      uri: `https://${member.domain}/users/${member.username}`,
      avatar,
      avatar_static: avatar,
      header,
      header_static: header,
      followers_count: 10 + ((index * 7919) % 5000),
      following_count: 5 + ((index * 104_729) % 700),
      statuses_count: 100 + ((index * 15_485_863) % 30_000),
      last_status_at: new Date(now).toISOString().slice(0, 10),
      emojis: (member.emojis ?? []).map((code) => customEmoji(code, DEMO_DOMAIN)),
      fields: (member.fields ?? []).map(([name, value]) => ({
        name,
        value: fieldValue(value),
        verified_at: null,
      })),
    };
    return { account, local, followed: member.followed ?? false, hostile: member.hostile ?? false };
  });
}

export function findAccount(
  accounts: readonly DemoAccount[],
  nameOrAcct: string,
): DemoAccount | undefined {
  const wanted = nameOrAcct.replace(/^@/, "").toLowerCase();
  return accounts.find(
    (a) => a.account.acct.toLowerCase() === wanted || a.account.username.toLowerCase() === wanted,
  );
}
