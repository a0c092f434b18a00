// A client left open for days on a small VPS: V8 is told to favour memory over peak speed.
// Left to its defaults, V8 let the heap grow to ~3× the live data while toots streamed in
// (RSS past 340 MB after 10 000 statuses with ~50 MB live); with this, tootty stays flat near
// 130 MB (`npm run bench memory`). The flag is read by V8's heap sizing as it goes, so it can
// be set at run time (the shebang stays portable) — after the first paint, since the extra
// garbage collection would otherwise slow the start.
import { setFlagsFromString } from "node:v8";

export function favourMemoryOverSpeed(): void {
  setFlagsFromString("--optimize-for-size");
}
