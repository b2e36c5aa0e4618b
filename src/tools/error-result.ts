// The one mapping from failures to `isError` results: what happened, Alibaba's code, message and
// RequestId, and what to do next. Every text passes through `redact` on the way out.
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { ConfigError, CredentialsError, EcsApiError, EcsNetworkError, EcsResponseError } from "../ecs/errors.js";
import { redact } from "../redact.js";
import { TimeInputError } from "../time/index.js";
import { PageError } from "../tasks/pages.js";
import { RegionTimeoutError } from "../tasks/regions.js";
import { InputError } from "./fields.js";

/** What to do next, per Alibaba error code (exact codes first, then prefixes). */
const HINTS: Record<string, string> = {
  "InvalidRegionId.NotFound":
    "Use a valid region ID such as cn-hangzhou, cn-shanghai or ap-southeast-1 (DescribeRegions lists them), or fix ALIBABA_CLOUD_REGION_ID / the CLI profile's region_id.",
  "InvalidAccessKeyId.NotFound":
    "The AccessKey ID is not known to Alibaba Cloud: check the credentials the chain picked up (see CredentialProvider) and that the key is not deleted or disabled.",
  "InvalidAccessKeyId.Inactive": "The AccessKey is disabled: enable it in the RAM console or use another one.",
  SignatureDoesNotMatch:
    "The AccessKey secret does not match the ID, or the request was altered on the way (a proxy rewriting it). Check ALIBABA_CLOUD_ACCESS_KEY_SECRET or the CLI profile.",
  IncompleteSignature: "The request was not fully signed; check that a proxy is not stripping x-acs-* headers.",
  SignatureNonceUsed: "A nonce was reused; simply call again.",
  "InvalidTimeStamp.Expired":
    "This machine's clock is off by more than 15 minutes: sync it (e.g. enable NTP) and call again.",
  "InvalidSecurityToken.Expired":
    "The STS token has expired: refresh it (ALIBABA_CLOUD_SECURITY_TOKEN, or re-run `aliyun configure` for StsToken/RamRoleArn profiles).",
  "InvalidSecurityToken.Malformed": "The STS token is malformed: check ALIBABA_CLOUD_SECURITY_TOKEN.",
  "InvalidSecurityToken.MismatchWithAccessKey":
    "The STS token belongs to another AccessKey: set the ID, secret and token from the same AssumeRole answer.",
  "Forbidden.RAM":
    "The RAM user or role lacks permission: grant ecs:DescribeTasks (and ecs:DescribeTaskAttribute, ecs:DescribeRegions) in a RAM policy.",
  Forbidden: "The account may not do this: check RAM permissions for ecs:DescribeTasks.",
  "InvalidTaskId.NotFound": "No task with that ID in this region: check the ID and the RegionId (tasks are per region).",
  "InvalidTaskId.TaskActionNotSupport":
    "DescribeTaskAttribute covers ImportImage, ExportImage and ModifyDiskSpec tasks only: use describe_ecs_tasks for the others.",
  MissingParameter: "A required parameter was missing; this is likely a bug in ecs-tasks-mcp — please report it.",
  InvalidParameter: "A parameter value was refused: check PageSize (1-100), TaskAction, TaskStatus and the time format.",
  "InvalidOperation.NotSupportedEndpoint":
    "This endpoint does not serve that region: unset ALIBABA_CLOUD_ECS_ENDPOINT or point it at ecs.<RegionId>.aliyuncs.com.",
  ServiceUnavailable: "Alibaba Cloud is temporarily unavailable: try again in a minute.",
  InternalError: "Alibaba Cloud had an internal error: try again in a minute.",
};

function hintFor(code: string): string | undefined {
  if (HINTS[code]) return HINTS[code];
  if (code.startsWith("Throttling")) return "The API is throttling this account: wait a few seconds and call again, with fewer calls at once.";
  const prefix = Object.keys(HINTS).find((k) => code.startsWith(`${k}.`));
  return prefix ? HINTS[prefix] : undefined;
}

const SKEW_CODES = new Set(["InvalidTimeStamp.Expired", "SignatureDoesNotMatch"]);

function attemptsText(attempts: number): string {
  return attempts > 1 ? ` after ${attempts} attempts` : "";
}

/** Local clock and, when the server sent a Date, the skew: the usual cause of these two codes. */
function clockText(err: EcsApiError, now: Date): string | undefined {
  if (!SKEW_CODES.has(err.code)) return undefined;
  const local = now.toISOString().replace(/\.\d{3}Z$/, "Z");
  const server = err.serverDate ? Date.parse(err.serverDate) : Number.NaN;
  if (Number.isNaN(server)) return `Local clock: ${local}.`;
  const skew = Math.round((now.getTime() - server) / 1000);
  return `Local clock: ${local}; server clock: ${new Date(server).toISOString().replace(/\.\d{3}Z$/, "Z")}; skew ${skew >= 0 ? "+" : ""}${skew} s.`;
}

export function describeError(err: unknown, now: Date = new Date()): string {
  if (err instanceof PageError) return `While reading page ${err.pageNumber} of the results: ${describeError(err.cause, now)}`;
  if (err instanceof RegionTimeoutError) return `${err.message}.`;
  if (err instanceof TimeInputError || err instanceof InputError || err instanceof ConfigError || err instanceof CredentialsError) {
    return err.message;
  }
  if (err instanceof EcsApiError) {
    const lines = [
      `ECS ${err.action} failed${attemptsText(err.attempts)}: ${err.code} — ${err.apiMessage}`,
      `RequestId: ${err.requestId ?? "(none)"} (HTTP ${err.httpStatus}, ${err.endpoint})`,
    ];
    const clock = clockText(err, now);
    if (clock) lines.push(clock);
    const hint = hintFor(err.code);
    lines.push(`What to do: ${hint ?? (err.recommend ? `see ${err.recommend}` : "check the code in Alibaba Cloud's ECS error center.")}`);
    return lines.join("\n");
  }
  if (err instanceof EcsNetworkError) {
    const what: Record<EcsNetworkError["failure"], string> = {
      timeout: `ECS ${err.action} timed out${attemptsText(err.attempts)}: ${err.message}.`,
      connect: `ECS ${err.action} could not connect to ${err.endpoint}${attemptsText(err.attempts)}: ${err.message}.`,
      reset: `ECS ${err.action}: the connection to ${err.endpoint} was reset${attemptsText(err.attempts)}: ${err.message}.`,
      aborted: `ECS ${err.action} was cancelled.`,
      other: `ECS ${err.action} failed on the network${attemptsText(err.attempts)} (${err.endpoint}): ${err.message}.`,
    };
    return `${what[err.failure]}\nWhat to do: check network access to ${err.endpoint} (a proxy? set HTTPS_PROXY), or raise --timeout-ms / ECS_TASKS_MCP_TIMEOUT_MS, and call again.`;
  }
  if (err instanceof EcsResponseError) {
    return [
      `ECS ${err.action} returned an unusable answer${attemptsText(err.attempts)}: ${err.message} (HTTP ${err.httpStatus}, ${err.endpoint}).`,
      `Body starts: ${JSON.stringify(err.bodySnippet)}`,
      "What to do: call again; if it persists, a proxy or gateway is answering instead of ECS — check ALIBABA_CLOUD_ECS_ENDPOINT and HTTPS_PROXY.",
    ].join("\n");
  }
  // An unexpected bug: say so without a stack trace, and keep serving.
  const message = err instanceof Error ? err.message : String(err);
  return `Internal error in ecs-tasks-mcp: ${message}. The server is still running; please report this.`;
}

export function errorResult(err: unknown, now?: Date): CallToolResult {
  return { isError: true, content: [{ type: "text", text: redact(describeError(err, now)) }] };
}
