// Templates for realistic status bodies: each returns Mastodon HTML plus the entities that
// go with it (tags, mentions, emoji, media, poll, card). Chosen by weight with the seeded PRNG.

import type { DemoAccount } from "./accounts.js";
import { hashtagHtml, linkHtml, mentionHtml, type Part, paragraphsHtml } from "./html.js";
import { type MediaKind, makeCard } from "./media.js";
import type { Prng } from "./prng.js";
import type { ApiCard, ApiFilter } from "./types.js";

/**
 * The demo user's filters (v2): one of each action a client must show differently — warn
 * (collapsed behind the filter's title), blur (media hidden), and a warn that applies in the
 * home timeline only, so the same toot is filtered in one pane and not in another.
 */
export const DEMO_FILTERS: readonly ApiFilter[] = [
  {
    id: "1",
    title: "Politics",
    context: ["home", "public", "thread", "account"],
    expires_at: null,
    filter_action: "warn",
    keywords: [
      { id: "11", keyword: "election", whole_word: true },
      { id: "12", keyword: "parliament", whole_word: true },
    ],
    statuses: [],
  },
  {
    id: "2",
    title: "Spiders",
    context: ["home", "public", "notifications", "thread", "account"],
    expires_at: null,
    filter_action: "blur",
    keywords: [{ id: "21", keyword: "spider", whole_word: false }],
    statuses: [],
  },
  {
    id: "3",
    title: "Football results (home only)",
    context: ["home"],
    expires_at: null,
    filter_action: "warn",
    keywords: [{ id: "31", keyword: "final score", whole_word: true }],
    statuses: [],
  },
];

/** Quote posts seeded as the newest statuses: one quoting a recent post, one whose quoted post is gone. */
export const QUOTE_POSTS: ReadonlyArray<{
  account: string;
  text: string;
  state: "accepted" | "deleted";
}> = [
  { account: "mina", text: "This, exactly. Bookmarking for later.", state: "accepted" },
  { account: "alice", text: "Whatever this said, I agreed with it.", state: "deleted" },
];

/**
 * Posts the demo user's filters match, seeded at fixed times (not drawn from TEMPLATES, so
 * adding them changed no other seeded status). `target` is where they are published.
 */
export const FILTERED_POSTS: ReadonlyArray<{
  target: "local" | "federated" | "home";
  account: string;
  html: string;
  /** An image is attached: what a blur filter hides. */
  image?: boolean;
}> = [
  {
    target: "local",
    account: "alice",
    html: "<p>Live-blogging the election debate tonight, thread below.</p>",
  },
  {
    target: "federated",
    account: "yuki@kaiju.example",
    html: "<p>Found this huge spider on the balcony this morning.</p>",
    image: true,
  },
  {
    target: "home",
    account: "alice",
    html: "<p>Final score: 3–2 after extra time. What a night!</p>",
  },
  {
    target: "federated",
    account: "farid@souq.example",
    html: "<p>The parliament vote is in. Strong opinions follow.</p>",
  },
];

export interface Draft {
  html: string;
  tags: string[];
  mentions: DemoAccount[];
  language: string | null;
  spoiler_text?: string;
  sensitive?: boolean;
  media?: Array<{ kind: MediaKind; alt: boolean }>;
  poll?: { options: string[]; multiple: boolean; expired: boolean; voted: boolean };
  card?: ApiCard;
  /** Custom emoji shortcodes used in the content or CW. */
  emojis?: string[];
}

export interface TemplateContext {
  rng: Prng;
  author: DemoAccount;
  /** Someone else to mention (never the author). */
  other: () => DemoAccount;
}

type Template = (c: TemplateContext) => Draft;

const domainOf = (a: DemoAccount) => new URL(a.account.url).host;
const tag = (c: TemplateContext, name: string): Part => ({
  html: hashtagHtml(name, domainOf(c.author)),
});
const mention = (a: DemoAccount): Part => ({ html: mentionHtml(a.account) });
const link = (url: string): Part => ({ html: linkHtml(url) });
const simple = (html: string, language: string | null = "en"): Draft => ({
  html,
  tags: [],
  mentions: [],
  language,
});

const SHORT_THOUGHTS = [
  "Morning coffee, terminal open, inbox zero. Good start.",
  "Hot take: the best config is the one you never have to touch again.",
  "Rebuilt my dotfiles from scratch. Regret level: moderate.",
  "Does anyone else read man pages for fun, or is that just me?",
  "It's raining again. Perfect weather for refactoring.",
  "Reminder: drink water, stretch, and commit your work.",
  "Just spent 40 minutes debugging a typo. Classic.",
  "Finally got tmux and vim to agree on colours. Celebrating quietly.",
];

const TEMPLATES: Array<[number, Template]> = [
  [10, (c) => simple(`<p>${c.rng.pick(SHORT_THOUGHTS)}</p>`)],
  [
    6,
    (c) => {
      const tags = c.rng.pick([
        ["rust", "FOSS"],
        ["Mastodon", "fediverse"],
        ["TerminalLife", "tmux"],
        ["photography"],
      ]);
      const parts: Part[] = ["Shipped a small thing today "];
      for (const [i, t] of tags.entries()) parts.push(i > 0 ? " " : "", tag(c, t));
      return { ...simple(paragraphsHtml([parts])), tags };
    },
  ],
  [
    6,
    (c) => {
      const who = c.other();
      const html = paragraphsHtml([
        [mention(who), " have you tried the new streaming setup? It reconnects on its own now."],
      ]);
      return { ...simple(html), mentions: [who] };
    },
  ],
  [
    5,
    (c) => {
      const url = c.rng.pick([
        "https://www.theguardian.example/money/2019/dec/07/i-lost-my-inheritance-with-one-wrong-digit",
        "https://blog.kaiju.example/posts/2024/writing-a-websocket-multiplexer-in-typescript",
        "https://docs.joinmastodon.example/methods/streaming/#websocket",
      ]);
      const html = paragraphsHtml([["Worth a read:"], [link(url)]]);
      const card = makeCard(
        url,
        "A long read about small details",
        "Why the last one percent takes the most time.",
        "Example Press",
      );
      return { ...simple(html), card };
    },
  ],
  [
    4,
    (c) => ({
      ...simple(
        paragraphsHtml([["The finale was wild. The detective was the narrator all along!"]]),
      ),
      spoiler_text: c.rng.pick([
        "Spoilers: the mystery show finale",
        "mental health, mild",
        "food (meat)",
      ]),
      sensitive: true,
    }),
  ],
  [
    4,
    (c) => {
      const kind = c.rng.pick(["single", "multiple", "expired", "voted"] as const);
      return {
        ...simple(paragraphsHtml([["Which editor do you write commit messages in?"]])),
        poll: {
          options: ["vim", "emacs", "nano", "whatever $EDITOR says"],
          multiple: kind === "multiple",
          expired: kind === "expired",
          voted: kind === "voted",
        },
      };
    },
  ],
  [
    5,
    (c) => {
      const kind = c.rng.pick<MediaKind>(["image", "image", "video", "gifv", "audio"]);
      const alt = c.rng.chance(0.6);
      const count = kind === "image" ? c.rng.int(1, 4) : 1;
      return {
        ...simple(
          paragraphsHtml([
            [kind === "audio" ? "New demo track, feedback welcome" : "Look at this!"],
          ]),
        ),
        media: Array.from({ length: count }, () => ({ kind, alt })),
        sensitive: c.rng.chance(0.2),
      };
    },
  ],
  [
    3,
    () => ({
      ...simple(paragraphsHtml([["Friday mood :blobcat: :party_parrot: :blobcat_heart:"]])),
      emojis: ["blobcat", "party_parrot", "blobcat_heart"],
    }),
  ],
  [
    3,
    () =>
      simple(
        '<p>Today I learned:</p><pre><code>fn main() {\n    println!("hello, {}", "fediverse");\n}\n</code></pre><p>Inline <code>const x = 1;</code> too.</p>',
      ),
  ],
  [
    2,
    () =>
      simple(
        "<blockquote><p>Any sufficiently advanced bug is indistinguishable from a feature.</p></blockquote><p>Things to do:</p><ul><li>write tests</li><li>fix <strong>the</strong> bug</li><li><em>sleep</em></li></ul><ol><li>first</li><li>second</li></ol>",
      ),
  ],
  [3, () => simple("<p>صباح الخير يا أصدقاء! اليوم نجرب عميل ماستودون في الطرفية.</p>", "ar")],
  [3, () => simple("<p>בוקר טוב! היום אני מנסה לקוח מסטודון בטרמינל. 123 abc</p>", "he")],
  [3, () => simple("<p>今日は雨ですね。ターミナルでマストドンを読むのは楽しい！</p>", "ja")],
  [3, () => simple("<p>今天天气很好，我在终端里用长毛象。你们好吗？</p>", "zh")],
  [
    3,
    () =>
      simple("<p>Family photo day 👨‍👩‍👧‍👦 👩🏽‍💻 👍🏿 🏳️‍🌈 🧑🏻‍🤝‍🧑🏾 ☁️ ❤️‍🔥 — emoji are hard.</p>"),
  ],
  [
    1,
    (c) => ({
      // A CW carrying a raw escape sequence: must never reach a terminal unfiltered.
      ...simple(paragraphsHtml([["Nothing to see here."]])),
      spoiler_text: "\u001b]0;pwned\u0007\u001b[2J totally normal CW",
      sensitive: c.rng.chance(0.5),
    }),
  ],
  [
    1,
    () =>
      simple(
        paragraphsHtml([
          [
            "Click here: ",
            link("https://evil.example/\u009b31m\u001b[5mfree\u0007-prizes/and/a/very/long/path"),
          ],
        ]),
      ),
  ],
  [1, () => simple("<p>\u202Egnikcah\u202C bidi override and Z̷̢̛̤a̸̡̛͔l̵̨̛̪g̶̢̛̫o̴̢̧̭ ̵̨t̶̢e̵͇x̸̼t̷̢</p>")],
];

const TOTAL_WEIGHT = TEMPLATES.reduce((sum, [w]) => sum + w, 0);

export function randomDraft(c: TemplateContext): Draft {
  let roll = c.rng.next() * TOTAL_WEIGHT;
  for (const [weight, template] of TEMPLATES) {
    roll -= weight;
    if (roll < 0) return template(c);
  }
  return TEMPLATES[0]![1](c);
}

/** Remote servers don't always tell us the language. */
export function maybeDropLanguage(rng: Prng, draft: Draft, local: boolean): Draft {
  return !local && rng.chance(0.25) ? { ...draft, language: null } : draft;
}

export const REPLY_LINES = [
  "Agreed, 100%.",
  "Ha! Same here.",
  "Could you share the config?",
  "This is the way.",
  "Thanks, that fixed it for me.",
];
