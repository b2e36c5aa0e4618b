// ACS3-HMAC-SHA256 (Alibaba Cloud signature V3) for RPC-style calls.
// Pure functions: the same code signs our requests and verifies them in the sandbox,
// so a bug cannot hide by being symmetric — the published vectors pin it down.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const SIGNATURE_ALGORITHM = "ACS3-HMAC-SHA256";

/** RFC 3986 percent-encoding: only A-Z a-z 0-9 - _ . ~ stay as they are. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Query parameters sorted by name, names and values percent-encoded. */
export function canonicalQueryString(query: Record<string, string>): string {
  return Object.keys(query)
    .sort()
    .map((name) => `${percentEncode(name)}=${percentEncode(query[name] ?? "")}`)
    .join("&");
}

export function sha256Hex(data: string): string {
  return createHash("sha256").update(data, "utf8").digest("hex");
}

export interface SignatureParts {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Headers to sign: `host` and every `x-acs-*`; names are lowercased here. */
  headers: Record<string, string>;
  payloadHash: string;
}

export interface ComputedSignature {
  canonicalQueryString: string;
  canonicalRequest: string;
  signedHeaders: string;
  stringToSign: string;
  signature: string;
}

export function computeSignature(parts: SignatureParts, accessKeySecret: string): ComputedSignature {
  const lowered = new Map<string, string>();
  for (const [name, value] of Object.entries(parts.headers)) {
    lowered.set(name.toLowerCase(), value.trim());
  }
  const names = [...lowered.keys()].sort();
  const canonicalHeaders = names.map((n) => `${n}:${lowered.get(n)}\n`).join("");
  const signedHeaders = names.join(";");
  const query = canonicalQueryString(parts.query);
  const canonicalRequest = [
    parts.method.toUpperCase(),
    parts.path,
    query,
    canonicalHeaders,
    signedHeaders,
    parts.payloadHash,
  ].join("\n");
  const stringToSign = `${SIGNATURE_ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
  const signature = createHmac("sha256", accessKeySecret).update(stringToSign, "utf8").digest("hex");
  return { canonicalQueryString: query, canonicalRequest, signedHeaders, stringToSign, signature };
}

export interface SignRequestInput {
  method: string;
  host: string;
  path: string;
  action: string;
  version: string;
  query: Record<string, string>;
  body: string;
  /** `yyyy-MM-ddTHH:mm:ssZ`, UTC. */
  date: string;
  nonce: string;
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

export interface SignedRequest extends ComputedSignature {
  /** Every header the request must carry, `authorization` included. */
  headers: Record<string, string>;
  contentSha256: string;
  authorization: string;
}

export function signRequest(input: SignRequestInput): SignedRequest {
  const contentSha256 = sha256Hex(input.body);
  const headers: Record<string, string> = {
    host: input.host,
    "x-acs-action": input.action,
    "x-acs-version": input.version,
    "x-acs-date": input.date,
    "x-acs-signature-nonce": input.nonce,
    "x-acs-content-sha256": contentSha256,
  };
  if (input.securityToken) headers["x-acs-security-token"] = input.securityToken;
  const computed = computeSignature(
    { method: input.method, path: input.path, query: input.query, headers, payloadHash: contentSha256 },
    input.accessKeySecret,
  );
  const authorization =
    `${SIGNATURE_ALGORITHM} Credential=${input.accessKeyId},` +
    `SignedHeaders=${computed.signedHeaders},Signature=${computed.signature}`;
  return { ...computed, contentSha256, authorization, headers: { ...headers, authorization } };
}

export interface ParsedAuthorization {
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
}

/** Parses an `Authorization` header; null when it is not ACS3-HMAC-SHA256 or is malformed. */
export function parseAuthorization(header: string | undefined): ParsedAuthorization | null {
  if (!header?.startsWith(`${SIGNATURE_ALGORITHM} `)) return null;
  const fields = new Map<string, string>();
  for (const part of header.slice(SIGNATURE_ALGORITHM.length + 1).split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const accessKeyId = fields.get("Credential");
  const signedHeaders = fields.get("SignedHeaders");
  const signature = fields.get("Signature");
  if (!accessKeyId || !signedHeaders || !signature) return null;
  return { accessKeyId, signedHeaders: signedHeaders.split(";"), signature };
}

/** Constant-time comparison of two hex signatures. */
export function signaturesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A fresh, unguessable nonce: the API refuses a reused one (`SignatureNonceUsed`). */
export function newNonce(): string {
  return randomBytes(16).toString("hex");
}

/** `yyyy-MM-ddTHH:mm:ssZ` for the `x-acs-date` header. */
export function acsDate(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}
