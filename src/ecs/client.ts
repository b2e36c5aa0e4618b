// The signed ECS RPC client: one call = credentials (lazy), endpoint, V3 signature, undici request,
// JSON parse, typed error. It knows nothing of MCP.
//
// Retries: read-only actions (Describe*, List*, Get*, Query*) are retried on transient failures
// (see retry.ts). Any action that changes state (CancelTask, ...) is never retried unless the caller
// passes `retry: true` for a call it knows to be idempotent; callers of such actions should pass
// `retry: false` explicitly anyway, so the intent is visible at the call site.
import type { Dispatcher } from "undici";
import type { CredentialSource } from "./credentials.js";
import { endpointFor } from "./endpoints.js";
import { EcsApiError, EcsNetworkError, EcsResponseError, type NetworkFailure } from "../errors.js";
import { DEFAULT_RETRY, NO_RETRY, abortableSleep, nextDelay, type RetryPolicy } from "./retry.js";
import { DEFAULT_MAX_BODY_BYTES, readBoundedBody } from "./body.js";
import { acsDate, newNonce, signRequest } from "./signer.js";
import { loadUndici, type Undici } from "./undici.js";

export const ECS_API_VERSION = "2014-05-26";


/** Loads undici's code ahead of the first call (the same promise the first call then awaits). */
export function preloadHttpCode(): Promise<unknown> {
  return loadUndici();
}

export type QueryParams = Record<string, string>;

export interface EcsClientOptions {
  credentials: CredentialSource;
  /** Replaces the regional endpoint (already validated origin). */
  endpoint?: string;
  timeoutMs: number;
  connectTimeoutMs: number;
  /** Largest body read (default DEFAULT_MAX_BODY_BYTES): enforced while reading, the connection closed past it. */
  maxBodyBytes?: number;
  retry?: RetryPolicy;
  clock?: () => Date;
  nonce?: () => string;
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Milliseconds for the retry budget (monotonic by default); tests inject a fake one with `sleep`. */
  monotonicNow?: () => number;
  dispatcher?: Dispatcher;
}

export interface EcsCallOptions {
  /** Picks the regional endpoint; the caller puts `RegionId` in params itself. */
  regionId?: string;
  signal?: AbortSignal;
  /**
   * May a transient failure be retried? Default: true for read-only actions (`Describe*`, `List*`,
   * `Get*`, `Query*`), false for anything else. Non-read-only actions such as CancelTask must pass
   * `retry: false` (or leave the default); only pass `true` for a call known to be idempotent.
   */
  retry?: boolean;
}

/** Actions that only read: safe to repeat after a failure whose outcome is unknown. */
export const READ_ONLY_ACTION = /^(Describe|List|Get|Query)[A-Z]/;

export function isReadOnlyAction(action: string): boolean {
  return READ_ONLY_ACTION.test(action);
}

export interface EcsResponse {
  body: Record<string, unknown>;
  requestId?: string;
  endpoint: string;
  httpStatus: number;
  providerName: string;
  attempts: number;
}

/** The seam tools depend on, so tests and the benchmark can count or wrap calls. */
export interface EcsApi {
  call(action: string, params: QueryParams, options?: EcsCallOptions): Promise<EcsResponse>;
}


function networkFailure(err: unknown): NetworkFailure {
  const code = (err as { code?: string }).code ?? "";
  const name = (err as { name?: string }).name ?? "";
  if (name === "TimeoutError" || code === "UND_ERR_CONNECT_TIMEOUT" || code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT") {
    return "timeout";
  }
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EHOSTUNREACH" || code === "ENETUNREACH") {
    return "connect";
  }
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET" || code === "EPIPE" || code === "UND_ERR_CLOSED") return "reset";
  return "other";
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

export class EcsClient implements EcsApi {
  private dispatcher: Dispatcher | undefined;
  private readonly clock: () => Date;
  private readonly nonce: () => string;
  private readonly random: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly retry: RetryPolicy;
  private readonly monotonicNow: () => number;
  /** Aborted by close(): every request in flight (and every backoff wait) stops at once. */
  private readonly lifetime = new AbortController();

  constructor(private readonly options: EcsClientOptions) {
    this.dispatcher = options.dispatcher; // else made at the first call, see http()
    this.clock = options.clock ?? (() => new Date());
    this.nonce = options.nonce ?? newNonce;
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? abortableSleep;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.monotonicNow = options.monotonicNow ?? (() => performance.now());
  }

  async call(action: string, params: QueryParams, options: EcsCallOptions = {}): Promise<EcsResponse> {
    const endpoint = endpointFor(options.regionId, this.options.endpoint);
    const policy = (options.retry ?? isReadOnlyAction(action)) ? this.retry : NO_RETRY;
    const signal = options.signal ? AbortSignal.any([options.signal, this.lifetime.signal]) : this.lifetime.signal;
    const started = this.monotonicNow();
    // Every attempt fits in the whole call's budget, so retries never stretch a call past it.
    const deadline = started + Math.max(policy.totalBudgetMs, this.options.timeoutMs);
    for (let attempt = 1; ; attempt++) {
      if (signal.aborted) throw this.cancelled(endpoint, action, attempt - 1);
      try {
        const timeoutMs = Math.max(1, Math.min(this.options.timeoutMs, Math.floor(deadline - this.monotonicNow())));
        const response = await this.attempt(action, params, endpoint, timeoutMs, signal, attempt);
        return { ...response, attempts: attempt };
      } catch (err) {
        if (signal.aborted) throw this.cancelled(endpoint, action, attempt);
        const delay = nextDelay(policy, err, attempt, this.monotonicNow() - started, this.random);
        if (delay === undefined) throw err;
        try {
          await this.sleep(delay, signal);
        } catch {
          throw this.cancelled(endpoint, action, attempt);
        }
      }
    }
  }

  private cancelled(endpoint: string, action: string, attempts: number): EcsNetworkError {
    const why = this.lifetime.signal.aborted ? "the server is shutting down" : "the request was cancelled";
    return new EcsNetworkError({ failure: "aborted", endpoint, action, detail: why, attempts: Math.max(1, attempts) });
  }

  /** One signed HTTP exchange; a fresh date and nonce every time (a reused nonce is refused). */
  private async attempt(
    action: string,
    params: QueryParams,
    endpoint: string,
    timeoutMs: number,
    signal: AbortSignal,
    attempts: number,
  ): Promise<Omit<EcsResponse, "attempts">> {
    const credentials = await this.options.credentials.get(signal);
    const url = new URL("/", endpoint);
    const signed = signRequest({
      method: "POST",
      host: url.host,
      path: "/",
      action,
      version: ECS_API_VERSION,
      query: params,
      body: "",
      date: acsDate(this.clock()),
      nonce: this.nonce(),
      accessKeyId: credentials.accessKeyId,
      accessKeySecret: credentials.accessKeySecret,
      ...(credentials.securityToken ? { securityToken: credentials.securityToken } : {}),
    });
    const { host: _host, ...headers } = signed.headers; // undici derives Host from the URL, as signed
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = AbortSignal.any([signal, timeout]);

    let status: number;
    let text: string;
    let responseHeaders: Record<string, string | string[] | undefined>;
    const { request, dispatcher } = await this.http();
    try {
      const res = await request(`${url.origin}/?${signed.canonicalQueryString}`, {
        method: "POST",
        headers: { ...headers, accept: "application/json", "content-length": "0" },
        body: "",
        signal: combined,
        dispatcher,
      });
      status = res.statusCode;
      responseHeaders = res.headers;
      text = await readBoundedBody(res, this.options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, { endpoint, action, attempts });
    } catch (err) {
      if (err instanceof EcsResponseError) throw err; // the body limit: an answer, not a network failure
      if (signal.aborted) throw new EcsNetworkError({ failure: "aborted", endpoint, action, detail: "the request was cancelled", attempts });
      const failure = timeout.aborted ? "timeout" : networkFailure(err);
      const errCode = (err as { code?: string }).code;
      const detail =
        failure === "timeout"
          ? `no answer from ${endpoint} within ${timeoutMs} ms`
          : `${(err as Error).message || String(err)} (${errCode ?? "network error"})`;
      throw new EcsNetworkError({ failure, endpoint, action, detail, systemCode: errCode, attempts });
    }
    return this.interpret({ action, endpoint, attempts }, status, text, responseHeaders, credentials.providerName);
  }

  private interpret(
    where: { action: string; endpoint: string; attempts: number },
    status: number,
    text: string,
    headers: Record<string, string | string[] | undefined>,
    providerName: string,
  ): Omit<EcsResponse, "attempts"> {
    const { action, endpoint, attempts } = where;
    let body: unknown;
    try {
      body = text === "" ? undefined : JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (!body || typeof body !== "object" || Array.isArray(body)) {
      const what = text === "" ? "an empty body" : "a body that is not JSON";
      throw new EcsResponseError({ httpStatus: status, endpoint, action, body: text, detail: `HTTP ${status} with ${what}`, attempts });
    }
    const record = body as Record<string, unknown>;
    const code = str(record.Code);
    if (status >= 200 && status < 300 && !code) {
      return { body: record, requestId: str(record.RequestId), endpoint, httpStatus: status, providerName };
    }
    if (!code) {
      throw new EcsResponseError({ httpStatus: status, endpoint, action, body: text, detail: `HTTP ${status} with an error body that has no Code`, attempts });
    }
    const retryAfterHeader = headers["x-acs-retry-after"] ?? headers["retry-after"];
    const retryAfter = typeof retryAfterHeader === "string" && retryAfterHeader.trim() !== "" ? Number(retryAfterHeader) : Number.NaN;
    const date = headers.date;
    throw new EcsApiError({
      code,
      apiMessage: str(record.Message) ?? "(no message)",
      httpStatus: status,
      requestId: str(record.RequestId),
      endpoint,
      action,
      recommend: str(record.Recommend),
      serverDate: typeof date === "string" ? date : undefined,
      retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined,
      attempts,
    });
  }

  /**
   * undici is loaded at the first call (it costs ~70 ms at start-up otherwise). One keep-alive
   * pool per origin for the whole process; HTTPS_PROXY/HTTP_PROXY/NO_PROXY honoured.
   */
  private async http(): Promise<{ request: Undici["request"]; dispatcher: Dispatcher }> {
    const undici = await loadUndici();
    this.dispatcher ??= new undici.EnvHttpProxyAgent({ connectTimeout: this.options.connectTimeoutMs, keepAliveTimeout: 30_000 });
    return { request: undici.request, dispatcher: this.dispatcher };
  }

  /** Aborts every request in flight (they end as "cancelled") and closes the connection pool. */
  async close(): Promise<void> {
    this.lifetime.abort();
    await this.dispatcher?.destroy();
  }
}
