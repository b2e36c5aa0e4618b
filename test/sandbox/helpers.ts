// Test helpers: sign real requests with the project's signer and send them over real HTTP.
import { request } from "undici";
import { acsDate, canonicalQueryString, newNonce, signRequest } from "../../src/ecs/signer.js";
import { SANDBOX_CREDENTIAL, type Sandbox, type SandboxOptions, startSandbox } from "../../src/sandbox/index.js";

/** A fixed instant for the injected clock: 2024-05-10 05:00 UTC (13:00 in Shanghai). */
export const T0 = Date.parse("2024-05-10T05:00:00Z");

export interface Clock {
  now: () => Date;
  set(ms: number): void;
  advance(ms: number): void;
}

export function makeClock(start = T0): Clock {
  let ms = start;
  return {
    now: () => new Date(ms),
    set: (v) => {
      ms = v;
    },
    advance: (d) => {
      ms += d;
    },
  };
}

export interface CallOptions {
  credential?: { accessKeyId: string; accessKeySecret: string; securityToken?: string };
  /** x-acs-date; default: the sandbox clock handed to `call`. */
  date?: Date;
  nonce?: string;
  version?: string;
  method?: "GET" | "POST";
  body?: string;
  /** Change the signed request before it is sent (to tamper with it). */
  tamper?: (req: { path: string; headers: Record<string, string> }) => void;
  signal?: AbortSignal;
}

export interface CallResult {
  status: number;
  headers: Record<string, string>;
  text: string;
  json: Record<string, any>;
}

export async function call(
  sb: Sandbox,
  clock: Clock | undefined,
  action: string,
  query: Record<string, string> = {},
  opts: CallOptions = {},
): Promise<CallResult> {
  const url = new URL(sb.url);
  const cred: NonNullable<CallOptions["credential"]> = opts.credential ?? SANDBOX_CREDENTIAL;
  const method = opts.method ?? "POST";
  const body = opts.body ?? "";
  const signed = signRequest({
    method,
    host: url.host,
    path: "/",
    action,
    version: opts.version ?? "2014-05-26",
    query,
    body,
    date: acsDate(opts.date ?? clock?.now() ?? new Date()),
    nonce: opts.nonce ?? newNonce(),
    accessKeyId: cred.accessKeyId,
    accessKeySecret: cred.accessKeySecret,
    ...(cred.securityToken ? { securityToken: cred.securityToken } : {}),
  });
  const req = { path: `/?${canonicalQueryString(query)}`, headers: { ...signed.headers } };
  opts.tamper?.(req);
  const res = await request(`${sb.url}${req.path}`, {
    method,
    headers: req.headers,
    ...(method === "POST" ? { body } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  const text = await res.body.text();
  let json: Record<string, any> = {};
  try {
    json = JSON.parse(text) as Record<string, any>;
  } catch {
    // non-JSON answers (faults) are inspected through `text`
  }
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) if (typeof v === "string") headers[k] = v;
  return { status: res.statusCode, headers, text, json };
}

/** Starts a sandbox on an injected clock; the caller closes it. */
export async function sandboxWithClock(options: SandboxOptions = {}): Promise<{ sb: Sandbox; clock: Clock }> {
  const clock = makeClock();
  const sb = await startSandbox({ now: clock.now, ...options });
  return { sb, clock };
}
