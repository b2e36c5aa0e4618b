// Typed failures of the ECS client. Classification is by Alibaba `Code`, not HTTP status:
// throttling, for one, arrives as HTTP 400.

export class EcsError extends Error {
  override name = "EcsError";
  /** How many HTTP attempts were made before giving up (set by the client). */
  attempts = 1;
}

/** Alibaba answered with its error JSON (`Code`, `Message`, `RequestId`, `Recommend`). */
export class EcsApiError extends EcsError {
  override name = "EcsApiError";
  constructor(
    readonly code: string,
    readonly apiMessage: string,
    readonly httpStatus: number,
    readonly requestId: string | undefined,
    readonly endpoint: string,
    readonly action: string,
    readonly recommend?: string,
    /** The response's `Date` header, for clock-skew diagnosis. */
    readonly serverDate?: string,
    /** Seconds from an `x-acs-retry-after` header. */
    readonly retryAfterSeconds?: number,
  ) {
    super(`${code}: ${apiMessage}`);
  }
}

export type NetworkFailure = "timeout" | "connect" | "reset" | "aborted" | "other";

/** No usable HTTP answer: connection refused/reset, timeout, cancellation. */
export class EcsNetworkError extends EcsError {
  override name = "EcsNetworkError";
  constructor(
    readonly failure: NetworkFailure,
    readonly endpoint: string,
    readonly action: string,
    detail: string,
    /** The system or undici error code, e.g. ECONNREFUSED, UND_ERR_SOCKET. */
    readonly code?: string,
  ) {
    super(detail);
  }
}

/** An answer arrived but is not the JSON we expect (HTML gateway page, truncated body, wrong types). */
export class EcsResponseError extends EcsError {
  override name = "EcsResponseError";
  constructor(
    readonly httpStatus: number,
    readonly endpoint: string,
    readonly action: string,
    /** First 200 characters of the body. */
    readonly bodySnippet: string,
    detail: string,
  ) {
    super(detail);
  }
}

/** The credential chain found nothing usable. The message lists the ways to provide credentials. */
export class CredentialsError extends EcsError {
  override name = "CredentialsError";
}

/** Settings that make a call impossible (no region, a malformed endpoint). */
export class ConfigError extends EcsError {
  override name = "ConfigError";
}

const THROTTLING = /^Throttling(\..+)?$/;
const TRANSIENT_CODES = new Set(["ServiceUnavailable", "InternalError", "InternalError.Dispatch"]);

/** A name that does not resolve will not resolve a moment later either; EAI_AGAIN is the transient one. */
const PERMANENT_NETWORK_CODES = new Set(["ENOTFOUND"]);

/**
 * Whether a read-only call that failed this way may be retried (the reliability seam): `Throttling*`
 * codes (HTTP 400), ServiceUnavailable, InternalError, any 5xx, 429, connection refused/reset and
 * timeouts. Never a cancellation, a client error (4xx other than throttling) or an unusable 2xx body.
 */
export function isRetryable(err: unknown): boolean {
  if (err instanceof EcsApiError) {
    return THROTTLING.test(err.code) || TRANSIENT_CODES.has(err.code) || err.httpStatus >= 500 || err.httpStatus === 429;
  }
  if (err instanceof EcsNetworkError) {
    if (err.code !== undefined && PERMANENT_NETWORK_CODES.has(err.code)) return false;
    return err.failure === "timeout" || err.failure === "connect" || err.failure === "reset";
  }
  if (err instanceof EcsResponseError) return err.httpStatus >= 500 || err.httpStatus === 429;
  return false;
}
