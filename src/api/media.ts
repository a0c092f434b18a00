// Media uploads for the composer: POST /api/v2/media (multipart; masto then polls
// GET /api/v1/media/:id until the server has processed the file) and the alt text
// (PUT /api/v1/media/:id).
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { ProblemError } from "./errors.js";
import type { RestClient } from "./rest.js";

const TYPES: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
  heic: "image/heic",
  avif: "image/avif",
  mp4: "video/mp4",
  mov: "video/quicktime",
  webm: "video/webm",
  mp3: "audio/mpeg",
  ogg: "audio/ogg",
  wav: "audio/wav",
  flac: "audio/flac",
  m4a: "audio/mp4",
};

export function mediaType(path: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase() ?? "";
  return TYPES[ext] ?? "application/octet-stream";
}

/** Expands a leading "~/" as a shell would: `:attach ~/cat.png`. */
export function expandHome(path: string, env: NodeJS.ProcessEnv): string {
  return path.startsWith("~/") && env.HOME ? `${env.HOME}${path.slice(1)}` : path;
}

/** Uploads a file and resolves once the server says it is processed. */
export async function uploadMedia(rest: RestClient, path: string): Promise<{ id: string }> {
  const bytes = await readFile(path);
  const file = new File([bytes], basename(path), { type: mediaType(path) });
  const data = await rest.request<{ id?: unknown }>({
    method: "POST",
    path: "/api/v2/media",
    params: { file },
  });
  if (typeof data?.id !== "string") throw new ProblemError("error.answerWithoutMediaId");
  return { id: data.id };
}

export async function describeMedia(
  rest: RestClient,
  id: string,
  description: string,
): Promise<void> {
  await rest.request<unknown>({
    method: "PUT",
    path: `/api/v1/media/${encodeURIComponent(id)}`,
    params: { description },
  });
}
