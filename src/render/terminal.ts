import { createSupportsHyperlinks } from "supports-hyperlinks";

/** Whether to ask renderStatus for OSC 8 links on this stream (never inside blessed: it strips them). */
export function hyperlinksSupported(stream: { isTTY?: boolean } = process.stdout): boolean {
  return createSupportsHyperlinks(stream);
}
