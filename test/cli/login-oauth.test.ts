import assert from "node:assert/strict";
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { hasLocalDisplay, openInBrowser } from "../../src/cli/oauth/browser.js";
import { challengeFor, createPkce } from "../../src/cli/oauth/pkce.js";

describe("PKCE", () => {
  test("S256 challenge matches RFC 7636's worked example", () => {
    assert.equal(
      challengeFor("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
      "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
    );
  });

  test("each login gets a fresh 43-character verifier", () => {
    const a = createPkce();
    const b = createPkce();
    assert.match(a.verifier, /^[A-Za-z0-9_-]{43}$/);
    assert.notEqual(a.verifier, b.verifier);
    assert.equal(a.challenge, challengeFor(a.verifier));
  });
});

describe("opening the browser", () => {
  test("a local display counts only outside SSH", () => {
    assert.equal(hasLocalDisplay({ DISPLAY: ":0" }, "linux"), true);
    assert.equal(hasLocalDisplay({ WAYLAND_DISPLAY: "wayland-0" }, "linux"), true);
    assert.equal(hasLocalDisplay({}, "linux"), false);
    assert.equal(hasLocalDisplay({ DISPLAY: ":0", SSH_TTY: "/dev/pts/1" }, "linux"), false);
    assert.equal(hasLocalDisplay({}, "darwin"), true);
  });

  test("$BROWSER receives the URL intact, never parsed by the shell", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tootty-browser-"));
    const browser = join(dir, "browser.sh");
    const seen = join(dir, "seen");
    writeFileSync(
      browser,
      `#!/bin/sh\nprintf '%s' "$1" > "${seen}.tmp" && mv "${seen}.tmp" "${seen}"\n`,
    );
    chmodSync(browser, 0o755);
    const url = "https://example.social/oauth/authorize?a=1&b=$(touch pwned)&c=`x`;d";
    assert.equal(openInBrowser(url, { BROWSER: browser, DISPLAY: ":0" }), true);
    const deadline = Date.now() + 5000;
    while (!existsSync(seen)) {
      assert.ok(Date.now() < deadline, "the browser was not started");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.equal(readFileSync(seen, "utf8"), url);
    assert.equal(existsSync(join(process.cwd(), "pwned")), false);
  });

  test("nothing is launched without $BROWSER", () => {
    let launched = false;
    assert.equal(
      openInBrowser("https://x.example/", { DISPLAY: ":0" }, () => {
        launched = true;
      }),
      false,
    );
    assert.equal(launched, false);
  });
});
