// Helpers for the reliability suite: a client with injected time, waits on conditions and on
// sandbox-side events (never fixed sleeps), and the patterns a request may carry.
import { ALL_IMAGE_STATUSES } from "../../src/ecs/images-api.js";
import { EcsClient, type EcsClientOptions } from "../../src/ecs/client.js";
import { Redactor } from "../../src/redact.js";
import { staticCredentials, type Credentials } from "../../src/ecs/credentials.js";
import { DEFAULT_RETRY, type RetryPolicy } from "../../src/ecs/retry.js";
import { SANDBOX_CREDENTIAL, type RecordedRequest, type Sandbox } from "../../src/sandbox/index.js";

/** Fake time for the retry budget: `sleep` records each wait and advances the fake clock by it. */
export interface FakeTime {
  now: () => number;
  delays: number[];
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  advance(ms: number): void;
}

export function fakeTime(): FakeTime {
  let t = 0;
  const delays: number[] = [];
  return {
    now: () => t,
    delays,
    advance: (ms) => {
      t += ms;
    },
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      delays.push(ms);
      t += ms;
    },
  };
}

export interface TestClientOptions extends Partial<EcsClientOptions> {
  credentials?: EcsClientOptions["credentials"];
  creds?: Credentials;
  retry?: RetryPolicy;
  time?: FakeTime;
}

/** The real signed client against a sandbox, with a constant `random` and fake time by default. */
export function testClient(sandbox: Sandbox, options: TestClientOptions = {}): { ecs: EcsClient; time: FakeTime } {
  const time = options.time ?? fakeTime();
  const { creds, time: _t, ...rest } = options;
  const ecs = new EcsClient({
    credentials: staticCredentials(creds ?? { ...SANDBOX_CREDENTIAL, providerName: "sandbox" }, new Redactor()),
    endpoint: sandbox.url,
    timeoutMs: 5_000,
    connectTimeoutMs: 2_000,
    retry: DEFAULT_RETRY,
    random: () => 0.5,
    sleep: time.sleep,
    monotonicNow: time.now,
    ...rest,
  });
  return { ecs, time };
}

/** Waits for a condition by re-checking it on a short timer; fails after a generous limit. */
export async function waitUntil(condition: () => boolean, what: string, limitMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > limitMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The n-th request the sandbox records (waits until it arrives). */
export async function nthRequest(sandbox: Sandbox, index: number): Promise<RecordedRequest> {
  await waitUntil(() => sandbox.requests.length > index, `sandbox request #${index}`);
  return sandbox.requests.at(index)!;
}

/**
 * Resolves with the moment (performance.now) the sandbox marks this request aborted: an event, not
 * a poll. The record is a plain object the sandbox mutates, so a setter observes the write.
 */
export function whenAborted(record: RecordedRequest): Promise<number> {
  if (record.aborted) return Promise.resolve(performance.now());
  return new Promise((resolve) => {
    let value = false;
    Object.defineProperty(record, "aborted", {
      configurable: true,
      enumerable: true,
      get: () => value,
      set: (v: boolean) => {
        value = v;
        if (v) resolve(performance.now());
      },
    });
  });
}

// ---- what a request that reached the sandbox may contain -------------------------------------

export const REGION_ID = /^[a-z]{2,}(-[a-z0-9]+)+$/;
export const TASK_ID = /^t-[A-Za-z0-9]{4,64}$/;
export const RESOURCE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{1,127}$/;
export const UTC_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
export const TASK_ACTIONS = ["ImportImage", "ExportImage", "RedeployInstance", "ModifyDiskSpec", "ArchiveSnapshot"];
export const TASK_STATUSES = ["Finished", "Processing", "Failed"];

/** The headers the client sends; nothing else (and nothing from tool input) may appear. */
export const ALLOWED_HEADERS = new Set([
  "host",
  "x-acs-action",
  "x-acs-version",
  "x-acs-date",
  "x-acs-signature-nonce",
  "x-acs-content-sha256",
  "x-acs-security-token",
  "authorization",
  "accept",
  "content-length",
  "content-type",
  "connection",
  "user-agent",
  "accept-encoding",
  "accept-language",
  "sec-fetch-mode",
]);

/**
 * Problems with a request as received (DescribeTasks, the DescribeTaskAttribute progress look-ups
 * describe_ecs_tasks makes for running tasks, or the DescribeRegions behind RegionId "all"); []
 * when every name and value is allowed.
 */
export function requestProblems(req: RecordedRequest, sandboxHost: string): string[] {
  const problems: string[] = [];
  if (req.action === "DescribeRegions") {
    // Nothing from tool input: a fixed language, and no RegionId (the endpoint picks the region).
    const names = Object.keys(req.query).sort().join(",");
    if (names !== "AcceptLanguage" || req.query.AcceptLanguage !== "en-US") problems.push(`query ${JSON.stringify(req.query).slice(0, 80)}`);
  } else if (req.action === "DescribeTaskAttribute") {
    const names = Object.keys(req.query).sort().join(",");
    if (names !== "RegionId,TaskId") problems.push(`query names ${names}`);
    if (!REGION_ID.test(req.query.RegionId ?? "")) problems.push("RegionId");
    if (!TASK_ID.test(req.query.TaskId ?? "")) problems.push("TaskId");
  } else if (req.action === "DescribeImages") {
    // Image names: only IDs the API answered, every state, one page of 100.
    // Three shapes: names of IDs the API answered; a name search; the account's images (closest names).
    const names = Object.keys(req.query).sort().join(",");
    const shapes = ["ImageId,PageSize,RegionId,Status", "ImageName,ImageOwnerAlias,PageSize,RegionId,Status", "ImageOwnerAlias,PageSize,RegionId,Status"];
    if (!shapes.includes(names) || req.query.Status !== ALL_IMAGE_STATUSES || req.query.PageSize !== "100") problems.push(`query names ${names}`);
    if (req.query.ImageOwnerAlias !== undefined && req.query.ImageOwnerAlias !== "self") problems.push("ImageOwnerAlias");
    if (!REGION_ID.test(req.query.RegionId ?? "")) problems.push("RegionId");
    if (req.query.ImageName !== undefined && !(req.query.ImageName.length >= 1 && req.query.ImageName.length <= 128)) problems.push("ImageName");
    const ids = req.query.ImageId === undefined ? [] : req.query.ImageId.split(",");
    if (ids.length > 100 || !ids.every((id) => RESOURCE_ID.test(id))) problems.push("ImageId");
  }
  const checkedAbove = req.action === "DescribeTaskAttribute" || req.action === "DescribeRegions" || req.action === "DescribeImages";
  for (const [name, value] of checkedAbove ? [] : Object.entries(req.query)) {
    const ok = (() => {
      switch (name) {
        case "RegionId":
          return REGION_ID.test(value) && value.length <= 64;
        case "TaskIds": {
          const ids = value.split(",");
          return ids.length >= 1 && ids.length <= 100 && ids.every((id) => TASK_ID.test(id));
        }
        case "TaskAction":
          return TASK_ACTIONS.includes(value);
        case "TaskStatus":
          return TASK_STATUSES.includes(value);
        case "StartTime":
        case "EndTime":
          return UTC_SECONDS.test(value) && !Number.isNaN(Date.parse(value));
        case "PageNumber":
          return /^[1-9]\d{0,6}$/.test(value) && Number(value) <= 1_000_000;
        case "PageSize":
          return /^[1-9]\d{0,2}$/.test(value) && Number(value) <= 100;
        default: {
          const m = /^ResourceIds\.([1-9]\d{0,2})$/.exec(name);
          return m !== null && Number(m[1]) <= 100 && RESOURCE_ID.test(value);
        }
      }
    })();
    if (!ok) problems.push(`query ${name}=${JSON.stringify(value).slice(0, 80)}`);
  }
  if (req.action !== "DescribeRegions" && !("RegionId" in req.query)) problems.push("no RegionId");
  for (const name of Object.keys(req.headers)) if (!ALLOWED_HEADERS.has(name)) problems.push(`header ${name}`);
  if (req.headers.host !== sandboxHost) problems.push(`host ${req.headers.host}`);
  if (!["DescribeTasks", "DescribeTaskAttribute", "DescribeRegions", "DescribeImages"].includes(req.action)) problems.push(`action ${req.action}`);
  if (req.status === 404) problems.push("path other than / (404)");
  return problems;
}

/** A stack trace line, as Node prints them. */
export const STACK_LINE = /\n\s+at .+\(.+:\d+:\d+\)|\n\s+at (file|node):/;
