// Fills the demo instance with history, so timelines can be paged from the first request.

import { DEMO_DOMAIN, findAccount } from "./accounts.js";
import { FILTERED_POSTS, QUOTE_POSTS, randomDraft } from "./content.js";
import { escapeHtml, linkHtml } from "./html.js";
import { SequentialIds } from "./ids.js";
import { Prng } from "./prng.js";
import { buildStatus } from "./status-factory.js";
import type { DemoWorld, PublishTarget } from "./world.js";
import { NOTIFICATION_TYPES, UNKNOWN_NOTIFICATION_TYPE } from "./world.js";

type Slot = PublishTarget | "mine" | "notification" | "edit";

/** The posts seeded after the history draw on their own PRNG, never on the world's. */
const EXTRA_SEED = 4_040;

export function seedHistory(world: DemoWorld, seedCount: number): void {
  const { rng } = world;
  const slots: Slot[] = [];
  const push = (slot: Slot, n: number) => {
    for (let i = 0; i < n; i++) slots.push(slot);
  };
  push("local", seedCount);
  push("federated", seedCount);
  push("home", Math.ceil(seedCount * 0.6));
  push("mine", Math.max(3, Math.ceil(seedCount / 15)));
  const notifications = Math.max(6, Math.ceil(seedCount / 3));
  push("notification", notifications);
  // Half the seeded notification ids have 7 digits, half 8: a client comparing ids lexically
  // (or as numbers after a lossy parse) gets the order wrong, as it would on a real server.
  world.restartNotificationIds(10_000_000n - BigInt(Math.ceil(notifications / 2)) - 1n);
  push("edit", Math.ceil(seedCount / 20));
  // Shuffle (Fisher–Yates), but the demo user's first posts come early so notifications can point at them.
  for (let i = slots.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [slots[i], slots[j]] = [slots[j]!, slots[i]!];
  }
  slots.unshift("mine", "mine");

  const end = world.now() - 5_000;
  const step = 45_000;
  let at = end - slots.length * step;
  for (const slot of slots) {
    at += rng.int(step / 3, (step * 5) / 3);
    at = Math.min(at, end);
    if (slot === "mine") {
      const draft = randomDraft({
        rng,
        author: world.me,
        other: () => rng.pick(world.accounts.slice(1, 8)),
      });
      world.postAsMe(
        draft,
        rng.pick(["public", "public", "unlisted", "private"] as const),
        at,
        false,
      );
    } else if (slot === "notification") {
      const type = rng.chance(0.05) ? UNKNOWN_NOTIFICATION_TYPE : rng.pick(NOTIFICATION_TYPES);
      world.notify(type, {}, at, false);
    } else if (slot === "edit") {
      const recent = world.statuses.slice(-30).filter((s) => s.status.reblog === null);
      if (recent.length > 0) {
        const target = rng.pick(recent);
        world.edit(target.id, `${target.status.content}<p>Edit: fixed a typo.</p>`, at);
      }
    } else {
      world.publish(slot, {}, at, false);
    }
  }
  const extraRng = new Prng(EXTRA_SEED);
  seedFilteredPosts(world, end, extraRng);
  seedQuotePosts(world, end + 500 * (FILTERED_POSTS.length + 1), extraRng);
}

/**
 * Posts the demo user's filters match (warn, blur with an image, a home-only warn), as the
 * newest statuses. They draw on their own PRNG and never on the world's, so every status
 * seeded above, and everything the world generates later, stays what it was for a seed.
 */
function seedFilteredPosts(world: DemoWorld, end: number, rng: Prng): void {
  const mediaIds = new SequentialIds(114_000_000_000_000_000n);
  const pollIds = new SequentialIds(114_000n);
  FILTERED_POSTS.forEach((post, i) => {
    const author = findAccount(world.accounts, post.account);
    if (!author) throw new Error(`unknown demo account: ${post.account}`);
    const at = Math.min(world.now(), end + 500 * (i + 1));
    const status = buildStatus({
      id: world.nextStatusId(at),
      at,
      author,
      draft: {
        html: post.html,
        tags: [],
        mentions: [],
        language: "en",
        ...(post.image ? { media: [{ kind: "image" as const, alt: true }] } : {}),
      },
      visibility: "public",
      nextMediaId: () => world.ids.other?.(at) ?? mediaIds.next(),
      nextPollId: () => world.ids.other?.(at) ?? pollIds.next(),
      rng,
    });
    // Seeding runs before anyone listens: nothing is streamed.
    world.storeAndAnnounce(status, author.followed || post.target === "home", author.local);
  });
}

/**
 * Quote posts (Mastodon 4.5): one quoting a recent public post by someone else, one whose
 * quoted post was deleted. The content carries the "RE:" fallback Mastodon adds for clients
 * that cannot show quotes.
 */
function seedQuotePosts(world: DemoWorld, from: number, rng: Prng): void {
  const candidates = world.statuses.filter(
    (s) =>
      s.status.reblog === null &&
      s.status.visibility === "public" &&
      (s.status.filtered ?? []).length === 0 &&
      s.status.spoiler_text === "" &&
      s.status.url !== null,
  );
  const target = candidates[candidates.length - 1]?.status;
  QUOTE_POSTS.forEach((post, i) => {
    const author = findAccount(world.accounts, post.account);
    if (!author) throw new Error(`unknown demo account: ${post.account}`);
    const quoted = post.state === "accepted" ? (target ?? null) : null;
    if (post.state === "accepted" && !quoted) return;
    const at = Math.min(world.now(), from + 500 * i);
    const link = quoted?.url ?? `https://${DEMO_DOMAIN}/@someone/1`;
    const status = buildStatus({
      id: world.nextStatusId(at),
      at,
      author,
      draft: {
        html: `<p>${escapeHtml(post.text)}</p><p class="quote-inline">RE: ${linkHtml(link)}</p>`,
        tags: [],
        mentions: [],
        language: "en",
      },
      visibility: "public",
      nextMediaId: () => "0",
      nextPollId: () => "0",
      rng,
    });
    status.quote = { state: post.state, quoted_status: quoted };
    world.storeAndAnnounce(status, author.followed, author.local);
  });
}
