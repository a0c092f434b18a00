// The server profile read from each server the simulated instance plays (its instance JSON and
// NodeInfo over real HTTP), and what it learns from the answers.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { NotSupportedError } from "../../src/api/errors.js";
import { probeUnknownFeatures } from "../../src/api/feature-probe.js";
import { instanceFromV1, instanceFromV2 } from "../../src/api/instance-info.js";
import { nodeinfoDocumentUrl, softwareOf } from "../../src/api/nodeinfo.js";
import { createRestClient } from "../../src/api/rest.js";
import { ServerProfile } from "../../src/api/server-profile.js";
import { type DemoFlavourName, startDemoInstance } from "../../src/demo/index.js";

async function profileOf(flavour: DemoFlavourName) {
  const demo = await startDemoInstance({ flavour, generate: false, seedCount: 3 });
  const rest = createRestClient({ instanceUrl: demo.url, accessToken: demo.token });
  await rest.instance();
  await rest.software();
  return { demo, rest, profile: rest.profile };
}

describe("the profile of each simulated server", () => {
  test("Mastodon: software from NodeInfo, grouped notifications and quotes from api_versions", async () => {
    const { demo, rest, profile } = await profileOf("mastodon");
    try {
      assert.equal(profile.software?.name, "mastodon");
      assert.equal(profile.known("groupedNotifications"), true);
      const api = profile.instance?.mastodonApiVersion ?? 0;
      assert.ok(api >= 2);
      assert.equal(profile.known("quotes"), api >= 7, "quotes are api_versions.mastodon 7");
      assert.equal(profile.known("markers"), true);
      assert.equal(profile.known("translation"), true, "configuration.translation.enabled");
      assert.deepEqual(profile.limits.count, { kind: "mastodon", urlLength: 23 });
    } finally {
      rest.close();
      await demo.close();
    }
  });

  test("Pleroma: limits from max_toot_chars and poll_limits, the trimmed text and CW counted as written", async () => {
    const { demo, rest, profile } = await profileOf("pleroma");
    try {
      assert.equal(profile.software?.name, "pleroma");
      assert.equal(profile.software?.version, "2.5.2");
      const l = profile.limits;
      assert.equal(l.maxCharacters, 5000);
      assert.deepEqual(l.count, { kind: "pleroma" });
      assert.equal(l.pollMaxOptions, 20);
      assert.equal(l.pollMaxCharactersPerOption, 200);
      assert.equal(l.pollMinExpiration, 0);
      assert.equal(l.pollMaxExpiration, 31_536_000);
      assert.equal(l.maxMediaAttachments, 20);
      assert.equal(profile.known("groupedNotifications"), false);
      assert.equal(profile.known("filtersV2"), undefined, "not known before asking");
      await probeUnknownFeatures(rest);
      assert.deepEqual(profile.unsupported(), [
        "groupedNotifications",
        "quotes",
        "filtersV2",
        "notificationUnreadCount",
      ]);
      // Pleroma routes /api/v1/scheduled_statuses (ScheduledActivityController).
      assert.equal(profile.supports("scheduledStatuses"), true);
    } finally {
      rest.close();
      await demo.close();
    }
  });

  test("Hollo: 256 per URL, no streaming, and its missing endpoints known before asking", async () => {
    const { demo, rest, profile } = await profileOf("hollo");
    try {
      assert.equal(profile.software?.name, "hollo");
      assert.deepEqual(profile.limits.count, { kind: "mastodon", urlLength: 256 });
      assert.equal(profile.limits.maxCharacters, 10_000);
      for (const f of ["streaming", "conversations", "scheduledStatuses", "filtersV2"] as const)
        assert.equal(profile.supports(f), false, f);
      const before = demo.control.requestLog().length;
      await assert.rejects(
        rest.request({ method: "GET", path: "/api/v1/conversations", feature: "conversations" }),
        NotSupportedError,
      );
      assert.equal(demo.control.requestLog().length, before, "not asked again");
    } finally {
      rest.close();
      await demo.close();
    }
  });

  test("GoToSocial: code points, URLs as written whatever its 25 per URL says; a missing endpoint is learned from its 404 and not asked again", async () => {
    const { demo, rest, profile } = await profileOf("gotosocial");
    try {
      assert.equal(profile.software?.name, "gotosocial");
      assert.equal(profile.instance?.charactersReservedPerUrl, 25);
      assert.deepEqual(profile.limits.count, { kind: "gotosocial" });
      assert.equal(profile.known("conversations"), undefined, "not known before asking");
      const ask = () =>
        rest.request({ method: "GET", path: "/api/v1/conversations", feature: "conversations" });
      await assert.rejects(ask(), NotSupportedError);
      assert.equal(profile.known("conversations"), false);
      const before = demo.control.requestLog().length;
      await assert.rejects(ask(), NotSupportedError);
      assert.equal(demo.control.requestLog().length, before);
      await rest.request({ method: "GET", path: "/api/v1/markers", feature: "markers" });
      assert.equal(profile.known("markers"), true, "an answer shows the endpoint exists");
    } finally {
      rest.close();
      await demo.close();
    }
  });
});

describe("the profile of Sharkey and snac", () => {
  test("Sharkey: UTF-16 units of the text, the CW apart, whatever characters_reserved_per_url says; no stream", async () => {
    const { demo, rest, profile } = await profileOf("sharkey");
    try {
      assert.equal(profile.software?.name, "sharkey");
      assert.equal(
        profile.instance?.charactersReservedPerUrl,
        "https://demo.tootty.example".length,
      );
      assert.deepEqual(profile.limits.count, { kind: "sharkey", maxSpoiler: 500 });
      assert.equal(profile.limits.maxCharacters, 3000);
      assert.equal(profile.limits.maxMediaAttachments, 16);
      assert.equal(profile.limits.pollMaxOptions, 10);
      assert.equal(profile.limits.pollMaxCharactersPerOption, 150);
      assert.equal(profile.softwareLacks("streaming"), true);
      for (const f of ["markers", "filtersV2", "scheduledStatuses", "translation"] as const)
        assert.equal(profile.supports(f), false, f);
      assert.equal(profile.supports("conversations"), true);
      assert.equal(profile.supports("statusHistory"), true);
    } finally {
      rest.close();
      await demo.close();
    }
  });

  test("snac: its always-empty lists count as missing, and nothing is asked for them", async () => {
    const { demo, rest, profile } = await profileOf("snac");
    try {
      assert.equal(profile.software?.name, "snac");
      assert.deepEqual(profile.limits.count, { kind: "mastodon", urlLength: 32 });
      assert.equal(profile.limits.maxCharacters, 100_000);
      assert.equal(profile.limits.pollMaxOptions, 8);
      assert.equal(profile.instance?.namesStreamingUrl, true, "it names a streaming URL");
      assert.equal(profile.softwareLacks("streaming"), true);
      for (const f of [
        "conversations",
        "scheduledStatuses",
        "filtersV2",
        "statusHistory",
        "favourites",
      ] as const)
        assert.equal(profile.supports(f), false, f);
      assert.equal(profile.supports("markers"), true);
      const before = demo.control.requestLog().length;
      await assert.rejects(
        rest.request({ method: "GET", path: "/api/v1/conversations", feature: "conversations" }),
        NotSupportedError,
      );
      assert.equal(demo.control.requestLog().length, before, "not asked");
    } finally {
      rest.close();
      await demo.close();
    }
  });

  test("a software name alone decides; Mastodon's never lacks streaming", () => {
    const p = new ServerProfile();
    assert.equal(p.softwareLacks("streaming"), false, "unknown software: nothing is assumed");
    p.setSoftware({ name: "Sharkey", version: "2025.4.3" });
    assert.equal(p.softwareLacks("streaming"), true);
    p.setSoftware({ name: "mastodon", version: "4.5.0" });
    assert.equal(p.softwareLacks("streaming"), false);
  });

  test("a stub's answer does not outweigh what the software's code lacks", () => {
    const p = new ServerProfile();
    p.learn("filtersV2", true);
    assert.equal(p.known("filtersV2"), true);
    p.setSoftware({ name: "snac", version: "2.94" });
    assert.equal(p.known("filtersV2"), false, "snac's /api/v2/filters is always []");
    p.learn("streaming", true);
    assert.equal(p.supports("streaming"), false);
  });
});

describe("reading what servers send", () => {
  test("api_versions decides, not the version string", () => {
    const glitch = new ServerProfile();
    glitch.setInstance(instanceFromV2({ version: "4.4.0+glitch" }, "https://x.example"));
    assert.equal(glitch.known("groupedNotifications"), false, "no api_versions: no promise");
    const quoting = new ServerProfile();
    quoting.setInstance(
      instanceFromV2({ version: "4.2.0", apiVersions: { mastodon: 7 } }, "https://x.example"),
    );
    assert.equal(quoting.known("quotes"), true);
    assert.equal(quoting.known("groupedNotifications"), true);
  });

  test("Akkoma's v1 instance: the `pleroma` object alone says Pleroma's rule, before NodeInfo", () => {
    const p = new ServerProfile();
    p.setInstance(
      instanceFromV1(
        {
          uri: "x.example",
          version: "2.7.2 (compatible; Akkoma 3.13.2)",
          maxTootChars: 8000,
          pollLimits: { maxOptions: 12, maxOptionChars: 300, minExpiration: 0, maxExpiration: 9 },
          pleroma: { metadata: {} },
        },
        "https://x.example",
      ),
    );
    assert.deepEqual(p.limits.count, { kind: "pleroma" });
    assert.equal(p.limits.maxCharacters, 8000);
    assert.equal(p.limits.pollMaxCharactersPerOption, 300);
  });

  test("NodeInfo links: the newest 2.x on the instance's own origin only", () => {
    const rel = (v: string) => `http://nodeinfo.diaspora.software/ns/schema/${v}`;
    const index = {
      links: [
        { rel: rel("2.0"), href: "https://x.example/nodeinfo/2.0" },
        { rel: rel("2.1"), href: "https://x.example/nodeinfo/2.1" },
        { rel: rel("2.2"), href: "https://elsewhere.example/nodeinfo/2.2" },
        { rel: "other", href: "https://x.example/other" },
      ],
    };
    assert.equal(nodeinfoDocumentUrl(index, "https://x.example"), "https://x.example/nodeinfo/2.1");
    assert.equal(nodeinfoDocumentUrl({ links: "no" }, "https://x.example"), undefined);
    assert.deepEqual(softwareOf({ software: { name: "GoToSocial", version: "0.17.0" } }), {
      name: "gotosocial",
      version: "0.17.0",
    });
    assert.equal(softwareOf({ software: { name: "\u001b[31mevil" } }), undefined);
  });
});
