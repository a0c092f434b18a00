// Each server's own length and poll rules on POST /api/v1/statuses, with its own refusal (status
// code and words), written from the server's code and not from the client's counter, so a test
// can hold the two against each other. Sources:
// - Mastodon: app/validators/status_length_validator.rb (grapheme clusters of CW + text, URLs
//   as 23, remote mentions as local), poll_options_validator.rb; 422 "Validation failed: …".
// - GoToSocial 0.15 (internal/api/client/statuses/statuscreate.go,
//   validateNormalizeCreateStatus): `len([]rune(status)) + len([]rune(spoiler))`, URLs as
//   written; a poll's options `len([]rune(option))`; 400 `{"error":"Bad Request: …"}`
//   (internal/gtserror/withcode.go NewErrorBadRequest).
// - Pleroma/Akkoma (lib/pleroma/web/common_api/activity_draft.ex full_payload, utils.ex
//   validate_character_limit and make_poll_data): `String.length(String.trim(status <>
//   summary))`, grapheme clusters once Unicode White_Space is trimmed; options deduplicated,
//   then 2..max_options and `String.length` ≤ max_option_chars; 422 `{"error": …}`
//   (status_controller.ex).
// - Hollo (src/api/v1/statuses.ts): `status: z.string().min(1)`, no length limit and no poll
//   limits although the instance JSON names some.
// - Sharkey (packages/backend/src/server/api/endpoints/notes/create.ts, reached through its
//   Mastodon API's postStatus): `ps.text.length > maxNoteLength` and `ps.cw.length >
//   maxCwLength` (UTF-16 code units; 3000 and 500, config.ts), choices 2..10 of 1..150
//   characters, unique (the JSON schema; ajv counts code points); its Mastodon API answers a
//   Misskey ApiError as 400 `{"error": code, "error_description": message}` (MastodonLogger.ts).
// - snac (mastoapi.c, activitypub.c msg_question): no length check; poll options past
//   max_poll_options (8) are dropped and any longer than max_poll_option_length (60 bytes)
//   cut there and ended with "...".
import { graphemeCount, mastodonLength } from "./compose.js";
import type { DemoFlavour, DemoFlavourName } from "./flavour.js";
import { invalid, json, type Reply } from "./http-kit.js";

/** Sharkey's maxCwLength by default (config.ts). */
export const SHARKEY_MAX_CW = 500;
/** snac's max_poll_option_length by default, in bytes (activitypub.c). */
const SNAC_OPTION_BYTES = 60;

const codePoints = (s: string) => Array.from(s).length;
const elixirTrim = (s: string) => s.replace(/^\p{White_Space}+|\p{White_Space}+$/gu, "");

/**
 * The number the server compares with `max_characters`, counted as its code does (Sharkey:
 * the text alone). Hollo and snac count nothing: their advertised Mastodon rule is given.
 */
export function serverLength(flavour: DemoFlavour, text: string, spoiler: string): number {
  switch (flavour.name) {
    case "gotosocial":
      return codePoints(text) + codePoints(spoiler);
    case "pleroma":
      return graphemeCount(elixirTrim(text + spoiler));
    case "sharkey":
      return text.length;
    default:
      return mastodonLength(text, spoiler, flavour.charactersReservedPerUrl ?? 23);
  }
}

/** Whether this server checks the length at all. */
function checksLength(name: DemoFlavourName): boolean {
  return name !== "hollo" && name !== "snac";
}

function sharkeyError(code: string, message: string): Reply {
  return json(400, { error: code, error_description: message });
}

/** The server's refusal of a toot too long by its rule, or null when it takes it. */
export function refuseLength(flavour: DemoFlavour, text: string, spoiler: string): Reply | null {
  if (!checksLength(flavour.name)) return null;
  const max = flavour.maxCharacters;
  const used = serverLength(flavour, text, spoiler);
  switch (flavour.name) {
    case "gotosocial":
      return used > max
        ? json(400, {
            error: `Bad Request: status too long, ${used} characters provided (including spoiler/content warning) but limit is ${max}`,
          })
        : null;
    case "pleroma":
      return used > max ? json(422, { error: "The status is over the character limit" }) : null;
    case "sharkey":
      if (used > max)
        return sharkeyError("MAX_LENGTH", "You tried posting a note which is too long.");
      return spoiler.length > SHARKEY_MAX_CW
        ? sharkeyError("MAX_CW_LENGTH", "You tried posting a content warning which is too long.")
        : null;
    default:
      return used > max ? invalid(`Text character limit of ${max} exceeded`) : null;
  }
}

function utf8Cut(s: string, bytes: number): string {
  const buf = Buffer.from(s, "utf8");
  if (buf.length <= bytes) return s;
  // snac cuts the bytes where they fall; the demo keeps whole characters.
  let out = "";
  let used = 0;
  for (const ch of s) {
    const n = Buffer.byteLength(ch, "utf8");
    if (used + n > bytes) break;
    out += ch;
    used += n;
  }
  return `${out}...`;
}

/**
 * The server's poll options as it stores them, or its refusal. `options` are as posted.
 */
export function pollOptions(flavour: DemoFlavour, options: string[]): string[] | Reply {
  const most = flavour.pollMaxOptions;
  const each = flavour.pollMaxCharactersPerOption;
  switch (flavour.name) {
    case "hollo":
      return options;
    case "snac": {
      const seen = new Set<string>();
      const kept: string[] = [];
      for (const o of options) {
        if (kept.length >= most || o === "") continue;
        const cut = utf8Cut(o, SNAC_OPTION_BYTES);
        if (!seen.has(cut)) {
          seen.add(cut);
          kept.push(cut);
        }
      }
      return kept;
    }
    case "gotosocial": {
      if (options.length === 0) return json(400, { error: "Bad Request: poll with no options" });
      if (options.length > most)
        return json(400, {
          error: `Bad Request: too many poll options provided, ${options.length} provided but limit is ${most}`,
        });
      const long = options.find((o) => codePoints(o) > each);
      if (long !== undefined)
        return json(400, {
          error: `Bad Request: poll option too long, ${codePoints(long)} characters provided but limit is ${each}`,
        });
      return options;
    }
    case "pleroma": {
      const unique = [...new Set(options)];
      if (unique.length < 2) return json(422, { error: "Poll must contain at least 2 options" });
      if (unique.length > most)
        return json(422, { error: `Poll can't contain more than ${most} options` });
      if (unique.some((o) => graphemeCount(o) > each))
        return json(422, {
          error: `Poll options cannot be longer than ${each} characters each`,
        });
      return unique;
    }
    case "sharkey": {
      const fine =
        options.length >= 2 &&
        options.length <= most &&
        new Set(options).size === options.length &&
        options.every((o) => o !== "" && codePoints(o) <= each);
      return fine ? options : sharkeyError("INVALID_PARAM", "Invalid param.");
    }
    default: {
      // config/locales/en.yml polls.errors, after the attribute's name.
      if (options.length < 2) return invalid("Poll options must have more than one item");
      if (options.length > most)
        return invalid(`Poll options can't contain more than ${most} items`);
      if (options.some((o) => graphemeCount(o) > each))
        return invalid(`Poll options cannot be longer than ${each} characters each`);
      if (new Set(options).size !== options.length)
        return invalid("Poll options contain duplicate items");
      return options;
    }
  }
}
