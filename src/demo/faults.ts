// Injected failures for HTTP requests: 429s as Rails sends them and 5xx pages as nginx
// sends them under load (HTML, not JSON), limited by time and/or count.

export interface FailRule {
  pathPrefix: string;
  status: 429 | 500 | 502 | 503 | 504;
  forMs?: number;
  count?: number;
}

interface ActiveRule extends FailRule {
  startedAt: number;
  left: number;
}

/** Requests under `pathPrefix` are answered only after `delayMs` (a slow server). */
export interface SlowRule {
  pathPrefix: string;
  delayMs: number;
}

export class HttpFaults {
  private rules: ActiveRule[] = [];
  private slow: SlowRule[] = [];

  addSlow(rule: SlowRule): void {
    this.slow.push(rule);
  }

  /** How long to hold this request before serving it (0: at once). */
  delayFor(path: string): number {
    return Math.max(
      0,
      ...this.slow.filter((r) => path.startsWith(r.pathPrefix)).map((r) => r.delayMs),
    );
  }

  add(rule: FailRule, now: number): void {
    this.rules.push({ ...rule, startedAt: now, left: rule.count ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.rules = [];
    this.slow = [];
  }

  /** The rule that fails this request, consuming one of its count; undefined to serve it normally. */
  take(path: string, now: number): (ActiveRule & { endsAt: number | null }) | undefined {
    this.rules = this.rules.filter(
      (r) => r.left > 0 && (r.forMs === undefined || now < r.startedAt + r.forMs),
    );
    const rule = this.rules.find((r) => path.startsWith(r.pathPrefix));
    if (!rule) return undefined;
    rule.left -= 1;
    return { ...rule, endsAt: rule.forMs === undefined ? null : rule.startedAt + rule.forMs };
  }
}

const NGINX_REASONS: Record<number, string> = {
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Temporarily Unavailable",
  504: "Gateway Time-out",
};

/** nginx's built-in error page, byte for byte. */
export function nginxErrorPage(status: number): string {
  const title = `${status} ${NGINX_REASONS[status] ?? "Error"}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}
