// Settles what the profile does not know yet by asking each such endpoint once, cheaply (one
// item): for `:instance`, which says what this server does not support. Answers teach the
// profile (rest.ts); anything but "no such endpoint" leaves the feature unknown.
import type { RawRequest, RestClient } from "./rest.js";
import type { ServerFeature } from "./server-profile.js";

const PROBES: Partial<Record<ServerFeature, Omit<RawRequest, "feature">>> = {
  markers: { method: "GET", path: "/api/v1/markers", params: { timeline: ["home"] } },
  filtersV2: { method: "GET", path: "/api/v2/filters" },
  conversations: { method: "GET", path: "/api/v1/conversations", params: { limit: 1 } },
  scheduledStatuses: { method: "GET", path: "/api/v1/scheduled_statuses", params: { limit: 1 } },
  notificationUnreadCount: { method: "GET", path: "/api/v1/notifications/unread_count" },
};

/** Asks the endpoints of the features still unknown; resolves when every answer is in. */
export async function probeUnknownFeatures(rest: Pick<RestClient, "request" | "profile">) {
  const asks = rest.profile.unknown().flatMap((feature) => {
    const probe = PROBES[feature];
    return probe ? [rest.request({ ...probe, feature }).catch(() => undefined)] : [];
  });
  await Promise.all(asks);
}

/**
 * Whether this server has `feature`, settled before an action that depends on it: what the
 * profile knows, else the answer of the feature's one cheap probe. Only "no such endpoint"
 * makes it false; a failed probe leaves it to the action's own request.
 */
export async function settleFeature(
  rest: Pick<RestClient, "request" | "profile">,
  feature: ServerFeature,
): Promise<boolean> {
  const probe = PROBES[feature];
  if (probe && rest.profile.known(feature) === undefined)
    await rest.request({ ...probe, feature }).catch(() => undefined);
  return rest.profile.supports(feature);
}
