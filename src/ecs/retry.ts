// Retry policy for read-only calls: exponential backoff with full jitter, bounded in attempts
// and in total time, honouring the gateway's `x-acs-retry-after`.
import { EcsApiError, EcsNetworkError, EcsResponseError } from "../errors.js";

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Total budget across attempts and waits. */
  totalBudgetMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 200, maxDelayMs: 5_000, totalBudgetMs: 20_000 };
export const NO_RETRY: RetryPolicy = { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, totalBudgetMs: 0 };

/** Full jitter: a uniform wait in [0, min(cap, base·2^(attempt-1))]. `attempt` counts from 1. */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * How long to wait before the next attempt, or undefined when the error is final: not retryable,
 * out of attempts, or the wait would end past the total budget. An `x-acs-retry-after` is honoured in
 * full (it may exceed the backoff cap); when it does not fit in the budget the call gives up now
 * rather than retry early against the gateway's wish.
 */
export function nextDelay(
  policy: RetryPolicy,
  err: unknown,
  attempt: number,
  elapsedMs: number,
  random: () => number,
): number | undefined {
  if (attempt >= policy.maxAttempts || !isRetryable(err)) return undefined;
  let delay = backoffDelay(policy, attempt, random);
  if (err instanceof EcsApiError && err.retryAfterSeconds !== undefined) {
    delay = Math.max(delay, Math.ceil(err.retryAfterSeconds * 1000));
  }
  if (elapsedMs + delay >= policy.totalBudgetMs) return undefined;
  return delay;
}

/** A wait that ends early, with the signal's reason, when the signal aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
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
    if (err.systemCode !== undefined && PERMANENT_NETWORK_CODES.has(err.systemCode)) return false;
    return err.failure === "timeout" || err.failure === "connect" || err.failure === "reset";
  }
  if (err instanceof EcsResponseError) return err.httpStatus >= 500 || err.httpStatus === 429;
  return false;
}
