// highlight.js's core with the grammars highlight.ts guesses among, in one module so the
// bundle loads them as one chunk, once, when the first code block wants colour. Plain
// JavaScript typed by highlight-grammars.d.ts: highlight.js 11's own typings of its core
// reference the DOM library, which would retype Node's streams for the whole project.
import hljs from "highlight.js/lib/core";
import bash from "highlight.js/lib/languages/bash";
import c from "highlight.js/lib/languages/c";
import cpp from "highlight.js/lib/languages/cpp";
import css from "highlight.js/lib/languages/css";
import diff from "highlight.js/lib/languages/diff";
import go from "highlight.js/lib/languages/go";
import java from "highlight.js/lib/languages/java";
import javascript from "highlight.js/lib/languages/javascript";
import json from "highlight.js/lib/languages/json";
import python from "highlight.js/lib/languages/python";
import ruby from "highlight.js/lib/languages/ruby";
import rust from "highlight.js/lib/languages/rust";
import sql from "highlight.js/lib/languages/sql";
import typescript from "highlight.js/lib/languages/typescript";
import xml from "highlight.js/lib/languages/xml";
import yaml from "highlight.js/lib/languages/yaml";

/** Mastodon strips the language class from code, so these are what a guess tries. */
export const GRAMMARS = {
  javascript,
  typescript,
  python,
  bash,
  json,
  rust,
  go,
  ruby,
  java,
  c,
  cpp,
  css,
  xml,
  yaml,
  sql,
  diff,
};

for (const [name, grammar] of Object.entries(GRAMMARS)) hljs.registerLanguage(name, grammar);

export const highlighter = hljs;
