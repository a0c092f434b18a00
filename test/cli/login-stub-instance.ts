// A tiny Mastodon-API stand-in with just what a login needs: instance info, app
// registration, an authorise page that shows the code, a token endpoint that checks the
// PKCE verifier, verify_credentials and revoke. (The full simulated instance lives in
// src/demo; this stub keeps the login tests independent of it.)
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface StubOptions {
  /** "4.3.0" supports PKCE; "4.2.0" does not. */
  version?: string;
  /** Answer like a web server that is not Mastodon (HTML 404 everywhere). */
  notMastodon?: boolean;
  /** Only the v1 instance endpoint exists (older servers, forks). */
  v1Only?: boolean;
  username?: string;
  rules?: string[];
  maxCharacters?: number;
}

interface Grant {
  clientId: string;
  challenge?: string;
  used: boolean;
}

export class StubInstance {
  readonly apps = new Map<string, string>(); // client_id → client_secret
  readonly grants = new Map<string, Grant>(); // code → grant
  readonly tokens = new Set<string>();
  readonly revoked: string[] = [];
  readonly requests: string[] = [];
  /** The last authorise request's query, as the "browser" sent it. */
  lastAuthorize?: URLSearchParams;
  #server: Server;
  origin = "";

  constructor(readonly options: StubOptions = {}) {
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, "127.0.0.1", resolve));
    const { port } = this.#server.address() as AddressInfo;
    this.origin = `http://127.0.0.1:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** What a browser would do: load the authorise page and read the code off it. */
  async codeFromAuthorizePage(url: string): Promise<string> {
    const html = await (await fetch(url)).text();
    const match = /<code id="code">([^<]+)<\/code>/.exec(html);
    if (!match?.[1]) throw new Error(`no code on the authorise page: ${html}`);
    return match[1];
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.origin);
    this.requests.push(`${req.method} ${url.pathname}`);
    const form = new URLSearchParams(await readBody(req));
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (this.options.notMastodon) {
      res.writeHead(404, { "content-type": "text/html" });
      res.end("<html><body>Not Found</body></html>");
      return;
    }
    const version = this.options.version ?? "4.3.0";
    const rules = (this.options.rules ?? ["Be kind."]).map((text, i) => ({
      id: String(i + 1),
      text,
      hint: "",
    }));
    const configuration = { statuses: { max_characters: this.options.maxCharacters ?? 500 } };
    switch (`${req.method} ${url.pathname}`) {
      case "GET /api/v2/instance":
        if (this.options.v1Only) return json(404, { error: "Not Found" });
        return json(200, {
          domain: "stub.example",
          title: "Stub Social",
          version,
          configuration,
          rules,
          ...(version >= "4.3" ? { api_versions: { mastodon: 2 } } : {}),
        });
      case "GET /api/v1/instance":
        return json(200, { uri: "stub.example", title: "Stub Social", version, configuration });
      case "GET /api/v1/instance/rules":
        return json(200, rules);
      case "POST /api/v1/apps": {
        const id = `client-${this.apps.size + 1}`;
        this.apps.set(id, `secret-${randomBytes(8).toString("hex")}`);
        return json(200, {
          client_id: id,
          client_secret: this.apps.get(id),
          name: form.get("client_name"),
        });
      }
      case "GET /oauth/authorize": {
        this.lastAuthorize = url.searchParams;
        const clientId = url.searchParams.get("client_id") ?? "";
        if (!this.apps.has(clientId)) return json(400, { error: "invalid_client" });
        const code = `code-${randomBytes(6).toString("hex")}`;
        const challenge = url.searchParams.get("code_challenge") ?? undefined;
        this.grants.set(code, { clientId, challenge, used: false });
        res.writeHead(200, { "content-type": "text/html" });
        res.end(
          `<html><body><p>Copy this code into tootty:</p><code id="code">${code}</code></body></html>`,
        );
        return;
      }
      case "POST /oauth/token": {
        const clientId = form.get("client_id") ?? "";
        if (this.apps.get(clientId) !== form.get("client_secret"))
          return json(401, { error: "invalid_client" });
        const grant = this.grants.get(form.get("code") ?? "");
        const invalid = {
          error: "invalid_grant",
          error_description:
            "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.",
        };
        if (!grant || grant.used || grant.clientId !== clientId) return json(400, invalid);
        if (grant.challenge) {
          const verifier = form.get("code_verifier") ?? "";
          const hashed = createHash("sha256").update(verifier).digest("base64url");
          if (hashed !== grant.challenge) return json(400, invalid);
        }
        grant.used = true;
        const token = `token-${randomBytes(12).toString("hex")}`;
        this.tokens.add(token);
        return json(200, {
          access_token: token,
          token_type: "Bearer",
          scope: form.get("scope"),
          created_at: 0,
        });
      }
      case "GET /api/v1/accounts/verify_credentials": {
        const token = (req.headers.authorization ?? "").replace(/^Bearer /, "");
        if (!this.tokens.has(token)) return json(401, { error: "The access token is invalid" });
        return json(200, {
          id: "1",
          username: this.options.username ?? "alice",
          acct: this.options.username ?? "alice",
        });
      }
      case "POST /oauth/revoke": {
        const token = form.get("token") ?? "";
        const clientId = form.get("client_id") ?? "";
        if (this.apps.get(clientId) !== form.get("client_secret"))
          return json(403, { error: "unauthorized_client" });
        if (this.tokens.delete(token)) this.revoked.push(token);
        return json(200, {});
      }
      default:
        return json(404, { error: "Not Found" });
    }
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
