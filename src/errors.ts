// The one error model. Every failure the server can explain is an AppError: a stable `code`, a
// one-line `summary`, optional `details` lines and a `hint` (what to do next), all set at
// construction. `diagnose` turns any thrown value into a Diagnosis; the MCP adapter renders it as
// an `isError` text and `doctor` as a checklist line, so nothing re-parses prose.

import { apiHint } from "./error-hints.js";
import { formatUtcSeconds } from "./util/utc.js";

export interface AppErrorOptions {
  /** Stable, machine-readable: an Alibaba error code, or one of ours ("InvalidInput", ...). */
  code: string;
  /** What happened, one line. */
  summary: string;
  /** Further lines a person needs: RequestId, the body's start, accepted forms. */
  details?: readonly string[];
  /** What to do next. */
  hint?: string;
  /** How many HTTP attempts were made before giving up. */
  attempts?: number;
  /** `Error.message`, when it should differ from the summary (short forms quoted inside other answers). */
  message?: string;
  cause?: unknown;
}

export class AppError extends Error {
  override name = "AppError";
  readonly code: string;
  readonly summary: string;
  readonly details: readonly string[];
  readonly hint: string | undefined;
  readonly attempts: number;

  constructor(o: AppErrorOptions) {
    super(o.message ?? [o.summary, ...(o.details ?? [])].join("\n"), o.cause !== undefined ? { cause: o.cause } : undefined);
    this.code = o.code;
    this.summary = o.summary;
    this.details = o.details ?? [];
    this.hint = o.hint;
    this.attempts = o.attempts ?? 1;
  }
}

/** Tool input that passed the schema but cannot be used (too many IDs after splitting, ...). */
export class InputError extends AppError {
  override name = "InputError";
  constructor(summary: string, details?: readonly string[]) {
    super({ code: "InvalidInput", summary, ...(details ? { details } : {}) });
  }
}

/** Settings that make a call impossible (no region, a malformed endpoint, a bad option value). */
export class ConfigError extends AppError {
  override name = "ConfigError";
  constructor(summary: string, details?: readonly string[]) {
    super({ code: "InvalidConfiguration", summary, ...(details ? { details } : {}) });
  }
}

/** The credential chain found nothing usable. The details list the ways to provide credentials. */
export class CredentialsError extends AppError {
  override name = "CredentialsError";
  /** What was found wrong on the way (also the first details), e.g. a broken ~/.aliyun/config.json. */
  readonly notes: readonly string[];
  constructor(summary: string, details?: readonly string[], notes: readonly string[] = []) {
    super({ code: "NoCredentials", summary, ...(details ? { details } : {}) });
    this.notes = notes;
  }
}

const attemptsText = (attempts: number) => (attempts > 1 ? ` after ${attempts} attempts` : "");

export interface EcsApiErrorOptions {
  code: string;
  apiMessage: string;
  httpStatus: number;
  requestId?: string | undefined;
  endpoint: string;
  action: string;
  recommend?: string | undefined;
  /** The response's `Date` header, for clock-skew diagnosis. */
  serverDate?: string | undefined;
  /** Seconds from an `x-acs-retry-after` header. */
  retryAfterSeconds?: number | undefined;
  attempts?: number;
}

/** Alibaba answered with its error JSON (`Code`, `Message`, `RequestId`, `Recommend`). */
export class EcsApiError extends AppError {
  override name = "EcsApiError";
  readonly apiMessage: string;
  readonly httpStatus: number;
  readonly requestId: string | undefined;
  readonly endpoint: string;
  readonly action: string;
  readonly recommend: string | undefined;
  readonly serverDate: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(o: EcsApiErrorOptions) {
    const attempts = o.attempts ?? 1;
    super({
      code: o.code,
      message: `${o.code}: ${o.apiMessage}`,
      summary: `ECS ${o.action} failed${attemptsText(attempts)}: ${o.code} — ${o.apiMessage}`,
      details: [`RequestId: ${o.requestId ?? "(none)"} (HTTP ${o.httpStatus}, ${o.endpoint})`],
      hint: apiHint(o.code, o.action) ?? (o.recommend ? `see ${o.recommend}` : "check the code in Alibaba Cloud's ECS error center."),
      attempts,
    });
    this.apiMessage = o.apiMessage;
    this.httpStatus = o.httpStatus;
    this.requestId = o.requestId;
    this.endpoint = o.endpoint;
    this.action = o.action;
    this.recommend = o.recommend;
    this.serverDate = o.serverDate;
    this.retryAfterSeconds = o.retryAfterSeconds;
  }
}

export type NetworkFailure = "timeout" | "connect" | "reset" | "aborted" | "other";

export interface EcsNetworkErrorOptions {
  failure: NetworkFailure;
  endpoint: string;
  action: string;
  detail: string;
  /** The system or undici error code, e.g. ECONNREFUSED, UND_ERR_SOCKET. */
  systemCode?: string | undefined;
  attempts?: number;
}

/** No usable HTTP answer: connection refused/reset, timeout, cancellation. */
export class EcsNetworkError extends AppError {
  override name = "EcsNetworkError";
  readonly failure: NetworkFailure;
  readonly endpoint: string;
  readonly action: string;
  readonly systemCode: string | undefined;

  constructor(o: EcsNetworkErrorOptions) {
    const attempts = o.attempts ?? 1;
    const a = attemptsText(attempts);
    const what: Record<NetworkFailure, string> = {
      timeout: `ECS ${o.action} timed out${a}: ${o.detail}.`,
      connect: `ECS ${o.action} could not connect to ${o.endpoint}${a}: ${o.detail}.`,
      reset: `ECS ${o.action}: the connection to ${o.endpoint} was reset${a}: ${o.detail}.`,
      aborted: `ECS ${o.action} was cancelled.`,
      other: `ECS ${o.action} failed on the network${a} (${o.endpoint}): ${o.detail}.`,
    };
    super({
      code: `Network.${o.failure}`,
      message: o.detail,
      summary: what[o.failure],
      hint: `check network access to ${o.endpoint} (a proxy? set HTTPS_PROXY), or raise --timeout-ms / ECS_TASKS_MCP_TIMEOUT_MS, and call again.`,
      attempts,
    });
    this.failure = o.failure;
    this.endpoint = o.endpoint;
    this.action = o.action;
    this.systemCode = o.systemCode;
  }
}

export interface EcsResponseErrorOptions {
  /** Default "UnusableResponse". */
  code?: string;
  httpStatus: number;
  endpoint: string;
  action: string;
  /** The answer as received (text or parsed JSON; bounded by the client's body limit), quoted only redacted, then cut. */
  body: unknown;
  detail: string;
  /** Default: call again, or check for a proxy answering instead of ECS. */
  hint?: string;
  attempts?: number;
}

/** How much of an unusable body an answer quotes, after redaction. */
export const BODY_QUOTED = 200;

/** An answer arrived but is not the JSON we expect (HTML gateway page, truncated body, wrong types). */
export class EcsResponseError extends AppError {
  override name = "EcsResponseError";
  readonly httpStatus: number;
  readonly endpoint: string;
  readonly action: string;
  /**
   * The whole body as read (the client's body limit bounds it), NOT redacted: quote it only through
   * diagnose(), which redacts it whole and then cuts. Cutting it here first could split a secret that
   * redaction would then no longer recognise, and whatever redaction shrinks before the cut would pull
   * the split part into the quoted start.
   */
  readonly body: string;

  constructor(o: EcsResponseErrorOptions) {
    const attempts = o.attempts ?? 1;
    super({
      code: o.code ?? "UnusableResponse",
      message: o.detail,
      summary: `ECS ${o.action} returned an unusable answer${attemptsText(attempts)}: ${o.detail} (HTTP ${o.httpStatus}, ${o.endpoint}).`,
      hint: o.hint ?? "call again; if it persists, a proxy or gateway is answering instead of ECS — check ALIBABA_CLOUD_ECS_ENDPOINT and HTTPS_PROXY.",
      attempts,
    });
    this.httpStatus = o.httpStatus;
    this.endpoint = o.endpoint;
    this.action = o.action;
    this.body = typeof o.body === "string" ? o.body : (JSON.stringify(o.body) ?? "");
  }
}

/** One page of a multi-page read failed: the call fails, saying which page. */
export class PageError extends AppError {
  override name = "PageError";
  readonly pageNumber: number;

  constructor(pageNumber: number, cause: unknown) {
    super({
      code: cause instanceof AppError ? cause.code : "PageFailed",
      message: `page ${pageNumber} failed: ${cause instanceof Error ? cause.message : String(cause)}`,
      summary: `While reading page ${pageNumber} of the results`,
      attempts: cause instanceof AppError ? cause.attempts : 1,
      cause,
    });
    this.pageNumber = pageNumber;
  }
}

/** A region that gave no complete answer within its budget (RegionId "all"). */
export class RegionTimeoutError extends AppError {
  override name = "RegionTimeoutError";
  constructor(regionId: string, budgetMs: number) {
    const message = `${regionId} gave no complete answer within ${budgetMs / 1000} s`;
    super({ code: "RegionTimeout", message, summary: `${message}.` });
  }
}

export interface Diagnosis {
  code: string;
  summary: string;
  details: readonly string[];
  hint?: string;
}

const SKEW_CODES = new Set(["InvalidTimeStamp.Expired", "SignatureDoesNotMatch"]);

/** Local clock and, when the server sent a Date, the skew: the usual cause of these two codes. */
function clockLine(err: EcsApiError, now: Date): string | undefined {
  if (!SKEW_CODES.has(err.code)) return undefined;
  const local = formatUtcSeconds(now);
  const server = err.serverDate ? Date.parse(err.serverDate) : Number.NaN;
  if (Number.isNaN(server)) return `Local clock: ${local}.`;
  const skew = Math.round((now.getTime() - server) / 1000);
  return `Local clock: ${local}; server clock: ${formatUtcSeconds(server)}; skew ${skew >= 0 ? "+" : ""}${skew} s.`;
}

export interface DiagnoseOptions {
  /** The clock, for the skew line of signature and timestamp errors. */
  now: Date;
  /** Applied to any quoted upstream text before it is cut. */
  redact: (text: string) => string;
}

/** The first line of a Diagnosis, for a failure quoted inside another answer (a region of "all"). */
export function errorSummary(err: unknown): string {
  if (err instanceof PageError) return `${err.summary}: ${errorSummary(err.cause)}`;
  if (err instanceof AppError) return err.summary;
  return diagnose(err, { now: new Date(0), redact: (t) => t }).summary;
}

/** Any thrown value as a Diagnosis. An unexpected bug says so, without a stack trace. */
export function diagnose(err: unknown, o: DiagnoseOptions): Diagnosis {
  if (err instanceof PageError) {
    const inner = diagnose(err.cause, o);
    return { ...inner, summary: `${err.summary}: ${inner.summary}` };
  }
  if (!(err instanceof AppError)) {
    const message = err instanceof Error ? err.message : String(err);
    return { code: "InternalError", summary: `Internal error in ecs-tasks-mcp: ${message}. The server is still running; please report this.`, details: [] };
  }
  const details = [...err.details];
  // Redacted first, then cut: a secret straddling the cut cannot leave half of itself behind.
  if (err instanceof EcsResponseError) details.push(`Body starts: ${JSON.stringify(o.redact(err.body).slice(0, BODY_QUOTED))}`);
  const clock = err instanceof EcsApiError ? clockLine(err, o.now) : undefined;
  if (clock) details.push(clock);
  return { code: err.code, summary: err.summary, details, ...(err.hint ? { hint: err.hint } : {}) };
}

/** A Diagnosis as plain text: summary, details, then "What to do:". */
export function diagnosisText(d: Diagnosis): string {
  return [d.summary, ...d.details, ...(d.hint ? [`What to do: ${d.hint}`] : [])].join("\n");
}
