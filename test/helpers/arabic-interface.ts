// Hooks for a describe block that runs in the Arabic interface where tootty does the bidi
// (tmux, xterm…), and leaves English and logical order behind it.
import { after, before } from "node:test";
import { loadLanguage, setLocale } from "../../src/i18n/index.js";
import { setVisualBidi } from "../../src/render/bidi.js";

export function inArabicVisualOrder(tag = "ar"): void {
  before(async () => {
    await loadLanguage(tag);
    setVisualBidi(true);
    setLocale(tag);
  });
  after(() => {
    setVisualBidi(false);
    setLocale("en");
  });
}
