// OAuth apps registered with each instance (apps.json, 0600: it holds client secrets).
// Registering once per instance keeps a user's "Authorized apps" list to one tootty entry.
import { APPS_NAME } from "./paths.js";
import { PrivateJsonStore } from "./private-store.js";

export interface RegisteredApp {
  client_id: string;
  client_secret: string;
  scopes: string;
  redirect_uri: string;
  registered_at?: string;
  /** When the server's rules and limits were shown at login; they are shown once. */
  rules_shown_at?: string;
}

type AppsFile = { apps?: Record<string, RegisteredApp> };

function isRegisteredApp(value: unknown): value is RegisteredApp {
  if (typeof value !== "object" || value === null) return false;
  const a = value as Record<string, unknown>;
  return (
    typeof a.client_id === "string" &&
    typeof a.client_secret === "string" &&
    typeof a.scopes === "string" &&
    typeof a.redirect_uri === "string"
  );
}

export class AppStore {
  readonly #file: PrivateJsonStore<AppsFile>;

  constructor(dir: string) {
    this.#file = new PrivateJsonStore<AppsFile>(dir, APPS_NAME);
  }

  get path(): string {
    return this.#file.path;
  }

  /** The app registered for this instance origin, if any. */
  get(origin: string): RegisteredApp | undefined {
    const app = this.#all()[origin];
    return isRegisteredApp(app) ? app : undefined;
  }

  put(origin: string, app: RegisteredApp): void {
    this.#file.write({ apps: { ...this.#all(), [origin]: app } });
  }

  forget(origin: string): void {
    const { [origin]: _gone, ...rest } = this.#all();
    this.#file.write({ apps: rest });
  }

  #all(): Record<string, RegisteredApp> {
    const apps = this.#file.read().apps;
    return typeof apps === "object" && apps !== null ? { ...apps } : {};
  }
}
