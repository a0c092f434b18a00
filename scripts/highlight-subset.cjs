// What the bundle gives cli-highlight (marked-terminal's highlighter) for require("highlight.js"):
// highlight.js's core with the grammars tootty guesses among (GUESSED_LANGUAGES in
// src/render/highlight.ts; test/render/highlight-subset checks the two lists agree). The
// package's index registers all ~190 grammars: after code blocks had been drawn they held
// ~3.4 MB of heap and ~2.3 MB of chunk source. A language without a grammar here makes
// hljs.highlight throw, and marked-terminal then draws the block plain.
const hljs = require("highlight.js/lib/core");

const LANGUAGES = {
  javascript: require("highlight.js/lib/languages/javascript"),
  typescript: require("highlight.js/lib/languages/typescript"),
  python: require("highlight.js/lib/languages/python"),
  bash: require("highlight.js/lib/languages/bash"),
  json: require("highlight.js/lib/languages/json"),
  rust: require("highlight.js/lib/languages/rust"),
  go: require("highlight.js/lib/languages/go"),
  ruby: require("highlight.js/lib/languages/ruby"),
  java: require("highlight.js/lib/languages/java"),
  c: require("highlight.js/lib/languages/c"),
  cpp: require("highlight.js/lib/languages/cpp"),
  css: require("highlight.js/lib/languages/css"),
  xml: require("highlight.js/lib/languages/xml"),
  yaml: require("highlight.js/lib/languages/yaml"),
  sql: require("highlight.js/lib/languages/sql"),
  diff: require("highlight.js/lib/languages/diff"),
};
for (const [name, grammar] of Object.entries(LANGUAGES)) hljs.registerLanguage(name, grammar);

module.exports = hljs;
