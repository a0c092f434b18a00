// Read position (markers API): where home and notifications were last read, from any client.
import { HttpError } from "./errors.js";
import type { RestClient } from "./rest.js";

type Rest = Pick<RestClient, "request">;
export type MarkerTimeline = "home" | "notifications";

export interface Marker {
  lastReadId: string;
  version: number;
  updatedAt: string;
}

export async function fetchMarkers(rest: Rest): Promise<Partial<Record<MarkerTimeline, Marker>>> {
  const data = await rest.request<Partial<Record<MarkerTimeline, Marker>>>({
    method: "GET",
    path: "/api/v1/markers",
    params: { timeline: ["home", "notifications"] },
    feature: "markers",
  });
  return data && typeof data === "object" ? data : {};
}

/**
 * Saves read positions (NotSupportedError, unasked, where the server has no markers). The server answers 409 when another client updated the marker at
 * the same moment: the write is simply tried again (a few times).
 */
export async function saveMarkers(
  rest: Rest,
  positions: Partial<Record<MarkerTimeline, string>>,
  attempts = 3,
): Promise<void> {
  const params: Record<string, unknown> = {};
  for (const [name, id] of Object.entries(positions)) if (id) params[name] = { lastReadId: id };
  if (Object.keys(params).length === 0) return;
  for (let i = 1; ; i++) {
    try {
      await rest.request({ method: "POST", path: "/api/v1/markers", params, feature: "markers" });
      return;
    } catch (err) {
      if (!(err instanceof HttpError && err.status === 409) || i >= attempts) throw err;
    }
  }
}
