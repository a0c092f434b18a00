import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A fresh config folder path (not yet created) under a private temp folder. */
export function tempConfigDir(): string {
  return join(mkdtempSync(join(tmpdir(), "tootty-config-")), "tootty");
}
