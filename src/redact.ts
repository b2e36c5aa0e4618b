// Redaction: one object, built at start-up and passed to everything that writes outside the process
// (results, MCP log messages, stderr). Secrets are registered the moment the credential chain hands
// them over, so nothing derived from them later (an error quoting a header, a dumped config) can
// slip out. No module-level state: tests build their own.

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `LTAI5tAbcdEfgh1234abcd` -> `LTAI****abcd`. */
export function maskAccessKeyId(id: string): string {
  if (id.length <= 8) return "****";
  return `${id.slice(0, 4)}****${id.slice(-4)}`;
}

/** Unregistered AccessKey IDs (an echo from a gateway, a profile quoted in an error) are masked too. */
const ACCESS_KEY_ID_PATTERN = /\bLTAI[A-Za-z0-9]{12,32}\b/g;
const SIGNATURE_PATTERN = /(Signature=)[0-9a-fA-F]{16,}/g;
const AUTH_HEADER_PATTERN = /("?authorization"?\s*[:=]\s*"?)(ACS3-HMAC-SHA256[^"\n]*|[^"\s,]+)/gi;
const TOKEN_HEADER_PATTERN = /("?x-acs-security-token"?\s*[:=]\s*"?)[^"\s,]+/gi;
const SECRET_FIELD_PATTERN =
  /("?(?:access_?key_?secret|AccessKeySecret|accessKeySecret|sts_token|securityToken|SecurityToken)"?\s*[:=]\s*"?)[^"\s,}]+/g;

/** Every generic pattern needs one of these words: most texts skip them all at once. */
const MAY_HOLD_SECRETS = /LTAI|Signature=|authorization|security-?token|secret|sts_token/i;

/** Values shorter than this would redact ordinary words; real secrets are 30+ characters. */
const MIN_SECRET_LENGTH = 8;
/**
 * Registered values kept per kind. STS credentials rotate about hourly: the newest ones are the
 * ones that can still be used, and the set must not grow for the life of a long-running server.
 */
export const MAX_REGISTERED = 32;

export class Redactor {
  /** Raw secret -> the forms it may take in text (as is, percent-encoded, JSON-escaped). */
  private readonly secrets = new Map<string, readonly string[]>();
  private readonly accessKeyIds = new Set<string>();
  private secretForms = new Set<string>();
  /** One pass for every registered literal; rebuilt lazily after a registration changed the set. */
  private literals: RegExp | null | undefined;

  /** Remember a value that must never leave the process (AccessKey secret, STS token). Idempotent. */
  registerSecret(value: string | undefined): void {
    if (!value || value.length < MIN_SECRET_LENGTH || this.secrets.has(value)) return;
    this.secrets.set(value, [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)]);
    evictOldest(this.secrets);
    this.secretForms = new Set([...this.secrets.values()].flat());
    this.literals = undefined;
  }

  /** Remember an AccessKey ID: it may appear, but only masked. Idempotent. */
  registerAccessKeyId(value: string | undefined): void {
    if (!value || value.length < MIN_SECRET_LENGTH || this.accessKeyIds.has(value)) return;
    this.accessKeyIds.add(value);
    evictOldest(this.accessKeyIds);
    this.literals = undefined;
  }

  private literalPattern(): RegExp | null {
    if (this.literals !== undefined) return this.literals;
    // Longest first, so a secret that contains another is removed whole.
    const all = [...this.secretForms, ...this.accessKeyIds].sort((a, b) => b.length - a.length);
    this.literals = all.length ? new RegExp(all.map(escapeRegExp).join("|"), "g") : null;
    return this.literals;
  }

  /** The one function applied to every text that leaves the process. */
  redact(text: string): string {
    const pattern = this.literalPattern();
    const out = pattern ? text.replace(pattern, (m) => (this.secretForms.has(m) ? "[REDACTED]" : maskAccessKeyId(m))) : text;
    if (!MAY_HOLD_SECRETS.test(out)) return out;
    return out
      .replace(ACCESS_KEY_ID_PATTERN, (id) => maskAccessKeyId(id))
      .replace(AUTH_HEADER_PATTERN, "$1[REDACTED]")
      .replace(TOKEN_HEADER_PATTERN, "$1[REDACTED]")
      .replace(SECRET_FIELD_PATTERN, "$1[REDACTED]")
      .replace(SIGNATURE_PATTERN, "$1[REDACTED]");
  }

  /** Every string in a JSON-like value, keys as well as values, redacted. */
  redactDeep<T>(value: T): T {
    if (typeof value === "string") return this.redact(value) as T;
    if (Array.isArray(value)) return value.map((v: unknown) => this.redactDeep(v)) as T;
    if (value && typeof value === "object") {
      const out: Record<string, unknown> = {};
      // defineProperty: a key such as "__proto__" stays an own property instead of replacing the prototype.
      for (const [k, v] of Object.entries(value)) {
        Object.defineProperty(out, this.redact(k), { value: this.redactDeep(v), enumerable: true, writable: true, configurable: true });
      }
      return out as T;
    }
    return value;
  }

  /** Bound methods, for passing `redact` where a plain function is wanted. */
  readonly text = (value: string): string => this.redact(value);
}

function evictOldest(collection: Map<string, unknown> | Set<string>): void {
  while (collection.size > MAX_REGISTERED) {
    const oldest = collection.keys().next().value;
    if (oldest === undefined) return;
    collection.delete(oldest);
  }
}
