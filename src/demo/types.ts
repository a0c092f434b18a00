// The Mastodon JSON entities as the server sends them (snake_case), for the demo instance.
// Field sets follow the entity docs and the fixtures in test/fixtures/mastodon-docs (copied from the Mastodon documentation).

export interface ApiCustomEmoji {
  shortcode: string;
  url: string;
  static_url: string;
  visible_in_picker: boolean;
  category?: string | null;
}

export interface ApiField {
  name: string;
  value: string;
  verified_at: string | null;
}

export interface ApiAccount {
  id: string;
  username: string;
  acct: string;
  display_name: string;
  locked: boolean;
  bot: boolean;
  discoverable: boolean | null;
  group: boolean;
  created_at: string;
  note: string;
  url: string;
  uri: string;
  avatar: string;
  avatar_static: string;
  header: string;
  header_static: string;
  followers_count: number;
  following_count: number;
  statuses_count: number;
  last_status_at: string | null;
  emojis: ApiCustomEmoji[];
  fields: ApiField[];
  /** Only on verify_credentials. */
  source?: {
    privacy: string;
    sensitive: boolean;
    language: string | null;
    note: string;
    fields: Array<{ name: string; value: string; verified_at: string | null }>;
    follow_requests_count: number;
  };
}

export interface ApiMediaAttachment {
  id: string;
  type: "image" | "video" | "gifv" | "audio" | "unknown";
  url: string;
  preview_url: string | null;
  remote_url: string | null;
  preview_remote_url: string | null;
  text_url: string | null;
  meta: Record<string, unknown> | null;
  description: string | null;
  blurhash: string | null;
}

export interface ApiPoll {
  id: string;
  expires_at: string | null;
  expired: boolean;
  multiple: boolean;
  votes_count: number;
  voters_count: number | null;
  voted?: boolean;
  own_votes?: number[];
  options: Array<{ title: string; votes_count: number | null }>;
  emojis: ApiCustomEmoji[];
}

export interface ApiCard {
  url: string;
  title: string;
  description: string;
  type: "link" | "photo" | "video" | "rich";
  author_name: string;
  author_url: string;
  provider_name: string;
  provider_url: string;
  html: string;
  width: number;
  height: number;
  image: string | null;
  embed_url: string;
  blurhash: string | null;
}

export interface ApiMention {
  id: string;
  username: string;
  url: string;
  acct: string;
}

export interface ApiTag {
  name: string;
  url: string;
}

export interface ApiStatus {
  id: string;
  created_at: string;
  in_reply_to_id: string | null;
  in_reply_to_account_id: string | null;
  sensitive: boolean;
  spoiler_text: string;
  visibility: "public" | "unlisted" | "private" | "direct";
  language: string | null;
  uri: string;
  url: string | null;
  replies_count: number;
  reblogs_count: number;
  favourites_count: number;
  edited_at: string | null;
  /** Viewer-relative fields: present for an authenticated viewer, absent on public streams. */
  favourited?: boolean;
  reblogged?: boolean;
  muted?: boolean;
  bookmarked?: boolean;
  pinned?: boolean;
  content: string;
  /** The viewer's filters this status matches (FilterResult entities); viewer-relative like favourited. */
  filtered?: ApiFilterResult[];
  reblog: ApiStatus | null;
  application?: { name: string; website: string | null } | null;
  account: ApiAccount;
  media_attachments: ApiMediaAttachment[];
  mentions: ApiMention[];
  tags: ApiTag[];
  emojis: ApiCustomEmoji[];
  card: ApiCard | null;
  poll: ApiPoll | null;
  /** Mastodon 4.5 quote posts: the quoted status, or why it is not shown (Quote entity). */
  quote?: ApiQuote | null;
  /** How many accepted quotes it has (4.5). */
  quotes_count?: number;
  /** Who may quote it, and whether the viewer may (QuoteApproval entity, 4.5). */
  quote_approval?: ApiQuoteApproval;
}

export interface ApiQuoteApproval {
  automatic: string[];
  manual: string[];
  current_user: "automatic" | "manual" | "denied" | "unknown";
}

export interface ApiQuote {
  state:
    | "pending"
    | "accepted"
    | "rejected"
    | "revoked"
    | "deleted"
    | "unauthorized"
    | "blocked_account"
    | "blocked_domain"
    | "muted_account";
  quoted_status: ApiStatus | null;
}

export interface ApiNotification {
  id: string;
  /** Known types plus whatever a newer server invents; clients must show unknown ones generically. */
  type: string;
  created_at: string;
  group_key?: string;
  account: ApiAccount;
  status?: ApiStatus | null;
}

/** What `publish` accepts: every missing field is filled in realistically. */
export interface DemoStatusInput {
  content?: string;
  spoiler_text?: string;
  sensitive?: boolean;
  visibility?: ApiStatus["visibility"];
  language?: string | null;
  /** An acct ("yuki@kaiju.example") or username of a seeded account. */
  account?: string;
  in_reply_to_id?: string | null;
  media_attachments?: ApiMediaAttachment[];
  poll?: ApiPoll | null;
  card?: ApiCard | null;
  tags?: string[];
  /** Accounts (acct or username of seeded accounts) the content mentions: Mastodon lists them. */
  mentions?: string[];
}

export interface DemoNotifyOptions {
  /** acct or username of the seeded account that acts. */
  account?: string;
  /** For status-bearing types: an existing status id, else one is chosen or created. */
  status_id?: string;
}

/** A filter keyword (FilterKeyword entity). */
export interface ApiFilterKeyword {
  id: string;
  keyword: string;
  whole_word: boolean;
}

/** A v2 filter (Filter entity) as nested in a FilterResult. */
export interface ApiFilter {
  id: string;
  title: string;
  context: Array<"home" | "notifications" | "public" | "thread" | "account">;
  expires_at: string | null;
  filter_action: "warn" | "hide" | "blur";
  keywords: ApiFilterKeyword[];
  statuses: Array<{ id: string; status_id: string }>;
}

/** Why a status matched (FilterResult entity): the filter, and which keywords or statuses matched. */
export interface ApiFilterResult {
  filter: ApiFilter;
  keyword_matches: string[] | null;
  status_matches: string[] | null;
}
