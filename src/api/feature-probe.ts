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
