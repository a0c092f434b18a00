// tootty's own words live in the catalogues: a scan over the screen's code (src/ui) and the
// composer's (src/compose) for quoted English handed to what draws it — flash(), confirm(),
// setMessage(), a panel's or a picker's title, footer and hint, setHint/setLabel — fails when
// a new one is added there instead of to src/i18n/en*.ts. Commands, key names and protocol
// words (":pane add", "tag:NAME") are not sentences; the allow-list names the few literal
// texts that are meant to stay. The command line (src/cli) and the config room (src/config)
// print nearly every string they hold (help, warnings, errors), so there every literal that
// reads as English counts, whatever it is handed to.
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import ts from "typescript";

const src = (room: string) => new URL(`../../src/${room}/`, import.meta.url).pathname;
const UI = src("ui");

/** Drawn as they are, in every language. */
const ALLOWED = new Set(["tootty"]);

const DRAWING_CALLS = new Set(["flash", "confirm", "setHint", "setLabel", "onError", "setMessage"]);
const DRAWING_FIELDS = new Set(["title", "footer", "hint"]);

/** Two words of letters, or one capitalised word: a sentence or a title of ours. */
const ENGLISH = /[A-Za-z]{2,}\s+[A-Za-z]{2,}|^[A-Z][a-z]{2,}/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/** The literal text of a string or template (its fixed parts), or null for anything else. */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(" ");
  if (ts.isConditionalExpression(node)) {
    const parts = [literalText(node.whenTrue), literalText(node.whenFalse)].filter((p) => p);
    return parts.length ? parts.join(" ") : null;
  }
  return null;
}

export function englishLiterals(root: string): string[] {
  const found: string[] = [];
  for (const file of files(root)) {
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
    const report = (node: ts.Node) => {
      const text = literalText(node);
      if (text === null || ALLOWED.has(text) || !ENGLISH.test(text)) return;
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      found.push(`${file.slice(root.length)}:${line + 1}: ${text}`);
    };
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const name = ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : ts.isIdentifier(callee)
            ? callee.text
            : "";
        if (DRAWING_CALLS.has(name)) for (const arg of node.arguments) report(arg);
      }
      if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name)) {
        if (DRAWING_FIELDS.has(node.name.text)) report(node.initializer);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** Literals of src/cli and src/config that are not words for the user. */
const NOT_WORDS = new Set([
  // OAuth scopes and the HTTP auth scheme: sent to the server, never printed.
  "read write push",
  "Bearer  ",
  // DOMException names that an error is compared with.
  "TimeoutError",
  "AbortError",
  // A command main.ts never dispatches here: a bug of ours, not a message.
  "unexpected command  ",
]);

/** Every literal that reads as English, whatever it is handed to. */
export function everyEnglishLiteral(root: string): string[] {
  const found: string[] = [];
  for (const file of files(root)) {
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
    const visit = (node: ts.Node): void => {
      // Module names, and an Error class's `name` (a type's name, not a sentence).
      if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
      if (ts.isPropertyDeclaration(node) && node.name.getText(source) === "name") return;
      if (ts.isLiteralTypeNode(node)) return;
      const text = literalText(node);
      if (text !== null && !ts.isConditionalExpression(node)) {
        if (!NOT_WORDS.has(text) && ENGLISH.test(text)) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
          found.push(`${file.slice(root.length)}:${line + 1}: ${text.slice(0, 80)}`);
        }
        if (!ts.isTemplateExpression(node)) return;
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** Literals of src/api and src/timeline that are not words for the user. */
const NOT_SAID = new Set([
  // masto's own sentence, copied where masto would throw it: classifyError makes it
  // "server unavailable" before anything is said.
  "The server returned data with an unknown encoding.",
  // Broken promises of our own code (a path without /api/, a verb masto lacks, a feed built
  // without its fetcher): a bug of ours, not a message.
  "not an API path:  ",
  "masto proxy: no verb",
  "TimelineFeed:   needs a fetchPage",
]);

/**
 * The core's failures reach the user through describeError, a pane's state or a flash:
 * every literal thrown there (`new …Error("…")`), or kept as an error or message text
 * (`lastError = "…"`, `message: "…"`), that reads as English.
 */
export function thrownEnglish(root: string): string[] {
  const found: string[] = [];
  for (const file of files(root)) {
    const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
    const report = (node: ts.Node) => {
      const text = literalText(node);
      if (text === null || NOT_SAID.has(text) || !ENGLISH.test(text)) return;
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      found.push(`${file.slice(root.length)}:${line + 1}: ${text}`);
    };
    const said = (name: ts.Node) =>
      ts.isIdentifier(name) && /^(message|lastError|error)$/.test(name.text);
    const visit = (node: ts.Node): void => {
      if (ts.isNewExpression(node) && /Error$/.test(node.expression.getText(source)))
        for (const arg of node.arguments ?? []) report(arg);
      if (ts.isThrowStatement(node)) report(node.expression);
      if (
        ts.isBinaryExpression(node) &&
        node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        ts.isPropertyAccessExpression(node.left) &&
        said(node.left.name)
      )
        report(node.right);
      if (ts.isPropertyAssignment(node) && said(node.name)) report(node.initializer);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

test("no English sentence is handed to the screen outside the catalogues", () => {
  assert.deepEqual(englishLiterals(UI), []);
  assert.deepEqual(englishLiterals(src("compose")), []);
});

test("the command line and the config room say nothing in English outside the catalogues", () => {
  assert.deepEqual([...everyEnglishLiteral(src("cli")), ...everyEnglishLiteral(src("config"))], []);
});

test("the API and timeline rooms throw no English sentence for the user to read", () => {
  assert.deepEqual([...thrownEnglish(src("api")), ...thrownEnglish(src("timeline"))], []);
});

test("the scan finds one when there is one", () => {
  const probe = ts.createSourceFile("x.ts", 'ctx.flash("Could not vote")', ts.ScriptTarget.Latest);
  const call = (probe.statements[0] as ts.ExpressionStatement).expression as ts.CallExpression;
  assert.equal(literalText(call.arguments[0]!), "Could not vote");
  assert.ok(ENGLISH.test("Could not vote") && ENGLISH.test("Voted") && !ENGLISH.test("y/n"));
});

test("the thrown-message scan finds a thrown sentence and a kept one", () => {
  const dir = mkdtempSync(join(tmpdir(), "tootty-scan-"));
  try {
    writeFileSync(
      join(dir, "x.ts"),
      'if (!id) throw new Error("the server answered without an id");\n' +
        `this.lastError = \`stream refused \${name}\`;\nthrow new ProblemError("error.noId");\n`,
    );
    assert.deepEqual(thrownEnglish(`${dir}/`), [
      "x.ts:1: the server answered without an id",
      "x.ts:2: stream refused  ",
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
