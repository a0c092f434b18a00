import assert from "node:assert/strict";
import { test } from "node:test";
import { parseCommand } from "../../src/cli/args.js";

test("argv maps to commands, and bad usage is reported rather than guessed", () => {
  assert.deepEqual(parseCommand([]), { kind: "tui", demo: false });
  assert.deepEqual(parseCommand(["--demo"]), { kind: "tui", demo: true });
  assert.deepEqual(parseCommand(["--demo", "--demo-flavour", "hollo"]), {
    kind: "tui",
    demo: true,
    demoFlavour: "hollo",
  });
  assert.equal(parseCommand(["--demo-flavour", "hollo"]).kind, "usage-error");
  assert.deepEqual(parseCommand(["--account", "me@example.social"]), {
    kind: "tui",
    demo: false,
    account: "me@example.social",
  });
  assert.deepEqual(parseCommand(["login", "mastodon.social"]), {
    kind: "login",
    host: "mastodon.social",
  });
  assert.deepEqual(parseCommand(["logout"]), { kind: "logout" });
  assert.deepEqual(parseCommand(["accounts"]), { kind: "accounts", args: [] });
  assert.deepEqual(parseCommand(["accounts", "default", "me@host"]), {
    kind: "accounts",
    args: ["default", "me@host"],
  });
  assert.deepEqual(parseCommand(["config", "--help"]), { kind: "config", args: ["--help"] });
  assert.deepEqual(parseCommand(["--version"]), { kind: "version" });
  assert.deepEqual(parseCommand(["-h"]), { kind: "help" });
  assert.equal(parseCommand(["--bogus"]).kind, "usage-error");
  assert.equal(parseCommand(["frobnicate"]).kind, "usage-error");
});
