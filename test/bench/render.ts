// Rendering figures: 1000 varied toots, cold (nothing cached) and warm (RenderCache hits),
// next to the naive pipeline (HTML → markdown → marked + marked-terminal) in the same run.
import type { mastodon } from "masto";
import { type Block, type Inline, parseStatusHtml } from "../../src/render/html.js";
import {
  pickTheme,
  RenderCache,
  type RenderOptions,
  renderStatus,
  warmUpCodeHighlighting,
} from "../../src/render/index.js";
import { fixtureStatuses } from "../render/fixtures.js";
import { filterResult, makeAccount, makeStatus, NOW } from "../render/make-status.js";

const WIDTH = 80;

export function variedToots(n: number): mastodon.v1.Status[] {
  const bases: mastodon.v1.Status[] = [
    ...fixtureStatuses().map((f) => f.status),
    makeStatus({
      content: "<p>今日はいい天気ですね。☁️ 東京タワー🗼に行きました 👨‍👩‍👧 한국어 🇰🇷</p>",
    }),
    makeStatus({
      account: makeAccount({ displayName: "محمد 🌙" }),
      content: "<p>مرحبا بالعالم! هذا نص عربي طويل يلتف على عدة أسطر 🎉</p>",
    }),
    makeStatus({
      content:
        "<p>Release notes:</p><ul><li><strong>faster</strong> start</li><li>fixed <code>--demo</code></li></ul>" +
        "<blockquote><p>quoted <em>words</em> here</p></blockquote><pre><code>npm run bench\nnode bin/tootty.js</code></pre>",
    }),
    makeStatus({ spoilerText: "spoilers", content: "<p>the butler did it</p>" }),
    makeStatus({ filtered: [filterResult("warn", "politics")] }),
    makeStatus({
      content: "<p>Vote!</p>",
      poll: {
        id: "p",
        expired: false,
        multiple: false,
        votesCount: 12,
        expiresAt: new Date(NOW + 3_600_000).toISOString(),
        options: [
          { title: "tea", votesCount: 7, emojis: [] },
          { title: "coffee", votesCount: 5, emojis: [] },
        ],
      } as unknown as mastodon.v1.Poll,
    }),
  ];
  const out: mastodon.v1.Status[] = [];
  for (let i = 0; i < n; i++) {
    const base = bases[i % bases.length]!;
    out.push({
      ...base,
      id: String(100000 + i),
      content: `${base.content}<p>toot number ${i}</p>`,
    });
  }
  return out;
}

function inlineMarkdown(inlines: Inline[]): string {
  return inlines
    .map((i) => {
      if (i.kind === "break") return "  \n";
      let t =
        i.kind === "link"
          ? i.linkKind === "url"
            ? `[${i.text}](${i.href})`
            : i.text.replace(/@/g, "\\@")
          : i.text;
      if (i.style.code) t = `\`${t}\``;
      if (i.style.bold) t = `**${t}**`;
      if (i.style.italic) t = `*${t}*`;
      if (i.style.strike) t = `~~${t}~~`;
      return t;
    })
    .join("");
}

function toMarkdown(blocks: Block[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case "paragraph":
          return inlineMarkdown(b.inlines);
        case "code":
          return `\`\`\`\n${b.text}\n\`\`\``;
        case "quote":
          return toMarkdown(b.blocks)
            .split("\n")
            .map((l) => `> ${l}`)
            .join("\n");
        default:
          return b.items
            .map((item, k) => `${b.ordered ? `${b.start + k}.` : "-"} ${toMarkdown(item)}`)
            .join("\n");
      }
    })
    .join("\n\n");
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Cold (fresh cache) and warm (all hits) medians of 7 rounds over the same toots. */
function coldWarm(
  toots: mastodon.v1.Status[],
  opts: RenderOptions,
): { cold: number; warm: number; cache: RenderCache } {
  // Warm up the JIT on a different set so "cold" means an empty cache, not a cold VM.
  for (let round = 0; round < 3; round++) {
    for (const t of variedToots(1000)) renderStatus({ ...t, id: `w${t.id}` }, opts);
  }
  // The machine is shared and noisy: report the median of several rounds, each with a fresh cache.
  const colds: number[] = [];
  const warms: number[] = [];
  let cache = new RenderCache(5000);
  for (let round = 0; round < 7; round++) {
    cache = new RenderCache(5000);
    const t0 = process.hrtime.bigint();
    for (const t of toots) cache.get(t, opts);
    colds.push(ms(t0));
    const t1 = process.hrtime.bigint();
    for (const t of toots) cache.get(t, opts);
    warms.push(ms(t1));
  }
  return { cold: median(colds), warm: median(warms), cache };
}

export async function benchRender(): Promise<Record<string, string>> {
  const toots = variedToots(1000);
  const theme = pickTheme("dark", 3);
  const opts = { width: WIDTH, theme, now: NOW };

  const { cold, warm, cache } = coldWarm(toots, opts);

  // The CLI loads marked + marked-terminal in the background after the first paint; from
  // then on code blocks (one toot in eight here) are highlighted through them.
  let t0 = process.hrtime.bigint();
  await warmUpCodeHighlighting();
  const importNaive = ms(t0);
  const highlighted = coldWarm(toots, opts);

  const { marked } = await import("marked");
  const { markedTerminal } = await import("marked-terminal");
  marked.use(
    markedTerminal({ width: WIDTH, reflowText: true }) as Parameters<typeof marked.use>[0],
  );
  for (const t of toots.slice(0, 50)) marked.parse(toMarkdown(parseStatusHtml(t.content)));
  const naives: number[] = [];
  for (let round = 0; round < 3; round++) {
    t0 = process.hrtime.bigint();
    for (const t of toots) marked.parse(toMarkdown(parseStatusHtml((t.reblog ?? t).content)));
    naives.push(ms(t0));
  }
  const naive = median(naives);

  return {
    "1000 toots cold, median of 7 (goal ≤ 100 ms)": `${cold.toFixed(1)} ms`,
    "1000 toots warm, cached, median of 7 (goal ≤ 10 ms)": `${warm.toFixed(2)} ms`,
    "same, code blocks highlighted (marked-terminal loaded): cold, median of 7": `${highlighted.cold.toFixed(1)} ms`,
    "same, code blocks highlighted: warm, cached, median of 7": `${highlighted.warm.toFixed(2)} ms`,
    "naive HTML → markdown → marked + marked-terminal, body only, 1000 toots, median of 3": `${naive.toFixed(1)} ms`,
    "warmUpCodeHighlighting(): importing marked + marked-terminal (+ highlight.js), after the first paint": `${importNaive.toFixed(0)} ms`,
    "last round's cache hits / misses": `${cache.hits} / ${cache.misses}`,
  };
}
