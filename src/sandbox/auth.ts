// Verifies ACS3-HMAC-SHA256 requests the way the ECS gateway does, check by check, so a
// client's signing bugs surface in tests with the same Code the real service would send.
import { computeSignature, parseAuthorization, sha256Hex, signaturesEqual } from "../ecs/signer.js";
import { SandboxApiError, type SandboxCredential } from "./types.js";

/** The gateway accepts x-acs-date within 15 minutes and remembers nonces as long. */
export const SKEW_WINDOW_MS = 15 * 60_000;

const ACS_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

export class NonceStore {
  // Insertion order ≈ time order, so expiry only needs to look at the head.
  private readonly seen = new Map<string, number>();

  /** Records the nonce; false when it was already used within the window. */
  use(key: string, nowMs: number): boolean {
    for (const [old, at] of this.seen) {
      if (nowMs - at < SKEW_WINDOW_MS) break;
      this.seen.delete(old);
    }
    if (this.seen.has(key)) return false;
    this.seen.set(key, nowMs);
    return true;
  }
}

export interface VerifyInput {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Lowercased names. */
  headers: Record<string, string>;
  body: string;
  now: Date;
  credentials: readonly SandboxCredential[];
  nonces: NonceStore;
}

const incomplete = (): SandboxApiError =>
  new SandboxApiError(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards.");
const mismatch = (): SandboxApiError =>
  new SandboxApiError(
    400,
    "SignatureDoesNotMatch",
    "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
  );

/** Runs the checks in the gateway's order; throws the first failure, returns the caller's credential. */
export function verifyRequest(input: VerifyInput): SandboxCredential {
  const { headers } = input;
  // 1. A parseable Authorization plus the headers every V3 request must carry.
  const auth = parseAuthorization(headers["authorization"]);
  if (!auth || !headers["x-acs-signature-nonce"] || !headers["x-acs-content-sha256"]) throw incomplete();

  // 2. The key must exist.
  const credential = input.credentials.find((c) => c.accessKeyId === auth.accessKeyId);
  if (!credential) throw new SandboxApiError(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");

  // 3. Clock skew: the Date header on every answer lets clients measure and correct it.
  const acsDate = headers["x-acs-date"] ?? "";
  const requestMs = ACS_DATE.test(acsDate) ? Date.parse(acsDate) : Number.NaN;
  if (Number.isNaN(requestMs) || Math.abs(requestMs - input.now.getTime()) > SKEW_WINDOW_MS) {
    const serverTime = input.now.toISOString().replace(/\.\d{3}Z$/, "Z");
    throw new SandboxApiError(
      400,
      "InvalidTimeStamp.Expired",
      `Specified time stamp or date value is expired. Request time: ${acsDate || "(none)"}, server time: ${serverTime}.`,
    );
  }

  // 4. STS: a token exactly when the credential has one, and the right one.
  const token = headers["x-acs-security-token"];
  if ((credential.securityToken ?? undefined) !== (token || undefined)) {
    throw new SandboxApiError(400, "InvalidSecurityToken.MismatchWithAccessKey", "The Security Token is mismatch with Access Key");
  }

  // 5. The signature itself, over host and every x-acs-* header actually sent.
  const signed = new Set(auth.signedHeaders.map((h) => h.toLowerCase()));
  const mustSign = Object.keys(headers).filter((h) => h === "host" || h.startsWith("x-acs-"));
  if (!signed.has("host") || mustSign.some((h) => !signed.has(h))) throw mismatch();
  const signedValues: Record<string, string> = {};
  for (const name of signed) {
    const value = headers[name];
    if (value === undefined) throw mismatch();
    signedValues[name] = value;
  }
  const payloadHash = headers["x-acs-content-sha256"] ?? "";
  if (payloadHash.toLowerCase() !== sha256Hex(input.body)) throw mismatch();
  const expected = computeSignature(
    { method: input.method, path: input.path, query: input.query, headers: signedValues, payloadHash },
    credential.accessKeySecret,
  );
  if (!signaturesEqual(expected.signature, auth.signature.toLowerCase())) throw mismatch();

  // 6. Replay protection, only once the request is proven authentic.
  const nonce = headers["x-acs-signature-nonce"] ?? "";
  if (!input.nonces.use(`${credential.accessKeyId}:${nonce}`, input.now.getTime())) {
    throw new SandboxApiError(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
  }
  return credential;
}

/** 7. RAM: runs after routing, so an unknown action is reported as such first. */
export function checkAllowed(credential: SandboxCredential, action: string): void {
  if (credential.deniedActions?.includes(action)) {
    throw new SandboxApiError(
      403,
      "Forbidden.RAM",
      "User not authorized to operate on the specified resource, or this API doesn't support RAM.",
    );
  }
}
