// Who is calling: bearer tokens from a file of SHA-256 digests (compared in constant time), or OIDC
// access tokens verified with the issuer's JWKS (jose). The answer is a caller name, never the token.
import { createHash, timingSafeEqual } from "node:crypto";
import { ConfigError } from "../errors.js";

export interface Authenticator {
  /** "tokens" or "oidc": named in the start-up line and the metadata. */
  readonly kind: "tokens" | "oidc";
  /** The OIDC issuer, for the protected-resource metadata. */
  readonly issuer?: string;
  /** The caller's name for a valid token; undefined for any other token. Never throws. */
  authenticate(token: string): Promise<string | undefined>;
}

const LINE = /^([A-Za-z0-9._@-]{1,128}):([0-9a-fA-F]{64})$/;

export interface TokenEntry {
  name: string;
  digest: Buffer;
}

/**
 * Parses a tokens file: one `name:sha256hex` per line; blank lines and `#` comments are skipped.
 * Refuses anything else (naming the line, never quoting it: a pasted raw token must not be echoed).
 */
export function parseTokensFile(text: string, origin: string): TokenEntry[] {
  const entries: TokenEntry[] = [];
  const names = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const m = LINE.exec(line);
    if (!m) {
      throw new ConfigError(
        `${origin} line ${i + 1} is not "name:sha256hex" (the SHA-256 of the token in hex, e.g. from: printf %s "$TOKEN" | sha256sum)`,
      );
    }
    if (names.has(m[1]!)) throw new ConfigError(`${origin} line ${i + 1}: the name "${m[1]}" appears twice`);
    names.add(m[1]!);
    entries.push({ name: m[1]!, digest: Buffer.from(m[2]!, "hex") });
  });
  if (entries.length === 0) throw new ConfigError(`${origin} lists no token: add lines "name:sha256hex"`);
  return entries;
}

export function sha256Hex(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function tokenAuthenticator(entries: readonly TokenEntry[]): Authenticator {
  return {
    kind: "tokens",
    authenticate(token) {
      const digest = createHash("sha256").update(token, "utf8").digest();
      let found: string | undefined;
      // Every entry is compared, whatever matched, so the time says nothing about which one did.
      for (const e of entries) if (timingSafeEqual(digest, e.digest) && found === undefined) found = e.name;
      return Promise.resolve(found);
    },
  };
}

interface Discovery {
  issuer?: unknown;
  jwks_uri?: unknown;
}

/**
 * OIDC access tokens (JWTs): the issuer's JWKS, found through its discovery document at the first
 * request, verifies the signature; issuer, audience and expiry are checked by jose. The caller's
 * name is the token's subject.
 */
export function oidcAuthenticator(issuer: string, audience: string, fetchJson: (url: string) => Promise<unknown> = defaultFetchJson): Authenticator {
  type Verify = (token: string) => Promise<string | undefined>;
  let verifier: Promise<Verify> | undefined;
  const build = async (): Promise<Verify> => {
    const jose = await import("jose");
    const doc = (await fetchJson(`${issuer}/.well-known/openid-configuration`)) as Discovery;
    if (typeof doc.jwks_uri !== "string") throw new Error("the issuer's discovery document has no jwks_uri");
    const jwks = jose.createRemoteJWKSet(new URL(doc.jwks_uri));
    // The issuer exactly as the issuer spells it (with or without the trailing slash).
    const iss = typeof doc.issuer === "string" && doc.issuer.replace(/\/$/, "") === issuer ? doc.issuer : issuer;
    return async (token) => {
      const { payload } = await jose.jwtVerify(token, jwks, { issuer: iss, audience, requiredClaims: ["exp", "sub"] });
      return typeof payload.sub === "string" && payload.sub !== "" ? payload.sub : undefined;
    };
  };
  return {
    kind: "oidc",
    issuer,
    async authenticate(token) {
      try {
        verifier ??= build().catch((err: unknown) => {
          verifier = undefined; // try the discovery again at the next request
          throw err;
        });
        return await (await verifier)(token);
      } catch {
        return undefined;
      }
    },
  };
}

async function defaultFetchJson(url: string): Promise<unknown> {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000), headers: { accept: "application/json" } });
  if (!res.ok) throw new Error(`HTTP ${res.status} from ${url}`);
  return res.json();
}
