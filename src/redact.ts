// The one function every outgoing text passes through (results, MCP log messages, stderr).
// Secrets are registered the moment the credential chain hands them to us, so nothing
// derived from them later (an error quoting a header, a dumped config) can slip out.

const secrets = new Set<string>();
const accessKeyIds = new Set<string>();
/** One pass for every registered literal; rebuilt when a value is registered (rare). */
let literals: RegExp | undefined;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function literalPattern(): RegExp | undefined {
  if (literals || (secrets.size === 0 && accessKeyIds.size === 0)) return literals;
  // Longest first, so a secret that contains another is removed whole.
  const all = [...secrets, ...accessKeyIds].sort((a, b) => b.length - a.length);
  literals = new RegExp(all.map(escapeRegExp).join("|"), "g");
  return literals;
}

/** Remember values that must never leave the process (AccessKey secret, STS token). */
export function registerSecret(value: string | undefined): void {
  // Very short values would redact ordinary words; real secrets are 30+ characters.
  if (!value || value.length < 8) return;
  // The forms it may take in text: as is, percent-encoded (a URL or query), JSON-escaped (a body).
  for (const form of [value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)]) secrets.add(form);
  literals = undefined;
}

/** Remember an AccessKey ID: it may appear, but only masked. */
export function registerAccessKeyId(value: string | undefined): void {
  if (value && value.length >= 8) accessKeyIds.add(value);
  literals = undefined;
}

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

/** Every generic pattern below needs one of these words: most texts skip them all at once. */
const MAY_HOLD_SECRETS = /LTAI|Signature=|authorization|security-?token|secret|sts_token/i;

/** The one function applied to every text that leaves the process (results, logs, stderr). */
export function redact(text: string): string {
  const pattern = literalPattern();
  const out = pattern ? text.replace(pattern, (m) => (secrets.has(m) ? "[REDACTED]" : maskAccessKeyId(m))) : text;
  if (!MAY_HOLD_SECRETS.test(out)) return out;
  return out
    .replace(ACCESS_KEY_ID_PATTERN, (id) => maskAccessKeyId(id))
    .replace(AUTH_HEADER_PATTERN, "$1[REDACTED]")
    .replace(TOKEN_HEADER_PATTERN, "$1[REDACTED]")
    .replace(SECRET_FIELD_PATTERN, "$1[REDACTED]")
    .replace(SIGNATURE_PATTERN, "$1[REDACTED]");
}

/** Deep-redacts every string in a JSON-like value. */
export function redactDeep<T>(value: T): T {
  if (typeof value === "string") return redact(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => redactDeep(v)) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v);
    return out as T;
  }
  return value;
}

/** For tests: forget everything registered. */
export function resetRedactionForTests(): void {
  secrets.clear();
  accessKeyIds.clear();
  literals = undefined;
}
