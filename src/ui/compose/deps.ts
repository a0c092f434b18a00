// The composer's services on the signed-in session: posting, uploads, completion, $EDITOR
// (with the screen suspended) and the instance's limits.
import { completer } from "../../api/completion.js";
import { settleFeature } from "../../api/feature-probe.js";
import { describeMedia, expandHome, uploadMedia } from "../../api/media.js";
import type { RestClient } from "../../api/rest.js";
import { postingApi } from "../../api/statuses.js";
import type { DraftStore } from "../../compose/drafts.js";
import { editExternally } from "../../compose/external.js";
import { defaultLanguage } from "../../compose/language.js";
import { pollLimitsOf } from "../../compose/post.js";
import type { ComposeDeps } from "../../compose/session.js";
import { htmlToText } from "../../render/plain-text.js";
import type { ViewItem } from "../panes/viewport.js";
import type { ActionContext } from "../shell/app.js";
import type { FeatureDeps } from "../shell/deps.js";
import { osc52Copy } from "../terminal/external.js";

// One completer per REST client, so custom emojis are fetched once per session.
const completers = new WeakMap<RestClient, (prefix: string) => Promise<string[]>>();

export function defaultLanguageFor(deps: FeatureDeps): string | null {
  return defaultLanguage(deps.settings.defaultLanguage, deps.env);
}

export function buildComposeDeps<T extends ViewItem>(
  ctx: Pick<ActionContext<T>, "suspend" | "screen">,
  deps: FeatureDeps,
  store: DraftStore,
): ComposeDeps {
  const { rest, profile, instance } = deps.session;
  // Read when the composer opens: by then NodeInfo has usually refined them.
  const limits = profile.limits;
  // NodeInfo does not always settle it (GoToSocial's releases differ): asked now, so the
  // answer is in long before a :schedule is typed.
  const scheduling = settleFeature(rest, "scheduledStatuses");
  let complete = completers.get(rest);
  if (!complete) {
    complete = completer(rest);
    completers.set(rest, complete);
  }
  return {
    store,
    api: postingApi(rest, {
      accountId: deps.session.account.id,
      textOf: (html) => htmlToText(html, { withoutQuoteFallback: true }),
    }),
    maxCharacters: limits.maxCharacters,
    count: limits.count,
    pollLimits: pollLimitsOf(limits),
    maxMediaAttachments: limits.maxMediaAttachments,
    canSchedule: () => scheduling,
    editExternally: (text) => ctx.suspend(() => editExternally(text, deps.env)),
    uploadMedia: (path) => uploadMedia(rest, expandHome(path, deps.env)),
    describeMedia: (id, description) => describeMedia(rest, id, description),
    complete,
    copyToClipboard: (text) => ctx.screen.program.write(osc52Copy(text)),
    quotes: {
      supported: profile.supports("quotes"),
      apiVersion: instance.mastodonApiVersion,
    },
  };
}
