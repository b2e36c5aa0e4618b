// What is checked before any MCP: the Host and Origin headers (DNS rebinding), the body size, and a
// per-caller rate limit. Pure functions and one small class, no I/O beyond reading the body.
import type { IncomingMessage } from "node:http";

/** A JSON-RPC body larger than this is refused with 413: tool arguments are small. */
export const MAX_BODY_BYTES = 1024 * 1024;

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

export function isLoopbackAddress(host: string): boolean {
  return LOOPBACK_NAMES.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** `example.com:3000` -> `example.com`; `[::1]:3000` -> `[::1]`. */
function hostnameOf(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith("[")) return h.slice(0, h.indexOf("]") + 1);
  return h.replace(/:\d+$/, "");
}

export interface HostPolicy {
  /** True when the server is bound to loopback: only loopback names are accepted. */
  loopback: boolean;
  /** Otherwise: accepted `host` or `host:port` values (lower case); empty accepts any Host. */
  allowed: readonly string[];
}

export function hostPolicy(bindHost: string, allowedHosts: string | undefined): HostPolicy {
  const allowed = (allowedHosts ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  return { loopback: isLoopbackAddress(bindHost), allowed };
}

/** True when the Host header names this server (a rebinding attack arrives with the attacker's name). */
export function hostAllowed(policy: HostPolicy, hostHeader: string | undefined): boolean {
  if (!hostHeader) return false;
  const name = hostnameOf(hostHeader);
  if (policy.loopback) return isLoopbackAddress(name);
  if (policy.allowed.length === 0) return true;
  return policy.allowed.includes(hostHeader.trim().toLowerCase()) || policy.allowed.includes(name);
}

/** An Origin, when present, must be one of this server's own names (browsers send it; MCP clients mostly not). */
export function originAllowed(policy: HostPolicy, origin: string | undefined, publicUrl: string | undefined): boolean {
  if (origin === undefined) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (publicUrl && new URL(publicUrl).origin === url.origin) return true;
  if (policy.loopback) return isLoopbackAddress(url.hostname);
  return policy.allowed.includes(url.host.toLowerCase()) || policy.allowed.includes(url.hostname.toLowerCase());
}

export class BodyTooLarge extends Error {}

/** The whole body, refused past `limit` bytes (by Content-Length at once, else while reading). */
export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Fixed one-minute windows per caller: simple, and enough to stop a runaway agent. */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** 0 when the request may go ahead; else the seconds until the caller's window ends. */
  take(caller: string): number {
    const t = this.now();
    let w = this.windows.get(caller);
    if (!w || t - w.start >= 60_000) {
      if (this.windows.size > 10_000) this.prune(t);
      w = { start: t, count: 0 };
      this.windows.set(caller, w);
    }
    if (w.count >= this.perMinute) return Math.max(1, Math.ceil((w.start + 60_000 - t) / 1000));
    w.count++;
    return 0;
  }

  private prune(t: number): void {
    for (const [k, w] of this.windows) if (t - w.start >= 60_000) this.windows.delete(k);
  }
}
