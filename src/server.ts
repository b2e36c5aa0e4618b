// createServer(deps): the whole MCP server built from injected parts (config, ECS client, clock,
// redactor), so tests run the very same server in memory. No I/O happens here.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { ServerConfig } from "./config.js";
import type { EcsApi } from "./ecs/client.js";
import type { ProfileSource } from "./ecs/profiles.js";
import { diagnose, EcsApiError } from "./errors.js";
import { logError } from "./log.js";
import { LOCAL_USER, mayUseTool, type Caller } from "./policy.js";
import { RegionResolver } from "./ecs/region.js";
import { abortableSleep } from "./ecs/retry.js";
import { DurationHistory } from "./progress/history.js";
import { ProgressTracker } from "./progress/tracker.js";
import { Redactor } from "./redact.js";
import { registerDashboardResource } from "./resources/dashboard.js";
import { registerTasksCsvResource } from "./resources/tasks-csv.js";
import { DEFAULT_PAGE_CONCURRENCY } from "./tasks/pages.js";
import { REGION_BUDGET_MS, RegionCatalog } from "./tasks/regions.js";
import { defaultTimeZone } from "./time/index.js";
import { isAppOnly, type RunTool } from "./tools/define-tool.js";
import { listAppOnlyToolsToUiClientsOnly } from "./tools/app-visibility.js";
import { errorResult } from "./tools/error-result.js";
import { toolsFor } from "./tools/index.js";
import { SANDBOX_LABEL, type ConsentAnswer, type TaskServices, type UseCaseDeps } from "./usecases/services.js";
import { SERVER_NAME, SERVER_VERSION } from "./version.js";

export interface ServerDeps {
  config: ServerConfig;
  ecs: EcsApi;
  /** The process's redactor (the credential source registers secrets with the same one). */
  redactor?: Redactor;
  now?: () => Date;
  defaultTimeZone?: string;
  regions?: RegionResolver;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** DescribeTasks pages in flight at once with AllPages (the benchmark compares 1 with the default). */
  pageConcurrency?: number;
  /** Time each region gets when RegionId is "all". */
  regionBudgetMs?: number;
  /** Caches that outlive one server (progress readings, ETA history, the region list); new ones by default. */
  caches?: ProcessCaches;
  /** Who is calling (HTTP; stdio: the local user): tools the caller may not use are not registered at all. */
  caller?: Caller;
  /** The aliyun CLI profiles a call may name in Profile (absent: Profile is refused). */
  profiles?: ProfileSource;
  /** Where audit lines of cancels go (stderr by default). */
  audit?: (line: string) => void;
  /** Aborted when the process is draining (SIGTERM): a wait answers early with its resumable answer. */
  draining?: AbortSignal;
  /** Told once per tool call, after it ends (the HTTP server writes the audit line). */
  onToolCall?: (record: ToolCallRecord) => void;
}

/** One tool call, for the audit line: no arguments, no text, nothing secret. */
export interface ToolCallRecord {
  time: string;
  caller?: string;
  tool: string;
  region?: string;
  durationMs: number;
  outcome: "ok" | "error";
  errorCode?: string;
  requestIds: string[];
}

/** Every RequestId string in a structured answer (one level of nesting is enough for ours). */
function requestIdsIn(value: unknown, out: Set<string>, depth = 0): void {
  if (depth > 3 || typeof value !== "object" || value === null) return;
  for (const [k, v] of Object.entries(value)) {
    if (k === "RequestId" && typeof v === "string") out.add(v);
    else if (typeof v === "object") requestIdsIn(v, out, depth + 1);
  }
}

export interface ProcessCaches {
  tracker: ProgressTracker;
  history: DurationHistory;
  regionCatalog: RegionCatalog;
}

export function createCaches(now: () => Date): ProcessCaches {
  return { tracker: new ProgressTracker(), history: new DurationHistory(now), regionCatalog: new RegionCatalog(now) };
}

export { SANDBOX_LABEL };

/** Bounds the size of any one argument object (arrays are capped at 100 items by the schemas). */
export const MAX_TOOL_INPUT_ELEMENTS = 500;

const INSTRUCTIONS =
  "Answers questions about Alibaba Cloud ECS asynchronous tasks (image import/export, instance redeploy, disk spec changes, snapshot archiving). " +
  "Pass the user's IANA time zone in TimeZone when you know it, and repeat the resolved time window from Query when you answer.";

export function createServer(deps: ServerDeps): McpServer {
  const now = deps.now ?? (() => new Date());
  const redactor = deps.redactor ?? new Redactor();
  const caches = deps.caches ?? createCaches(now);
  // Looked up at the first call, not here: the first Intl time-zone query loads ICU's zone data
  // (about 20 ms), which would otherwise sit between spawn and the tools/list answer.
  let serverZone = deps.defaultTimeZone;
  const services: TaskServices = {
    ecs: deps.ecs,
    regions: deps.regions ?? new RegionResolver(deps.config.regionId, deps.config.profile),
    now,
    get defaultTimeZone() {
      return (serverZone ??= defaultTimeZone());
    },
    ...caches,
    pageConcurrency: deps.pageConcurrency ?? DEFAULT_PAGE_CONCURRENCY,
    regionBudgetMs: deps.regionBudgetMs ?? REGION_BUDGET_MS,
    sleep: deps.sleep ?? abortableSleep,
    dataSource: deps.config.sandbox ? "sandbox" : "alibaba-cloud",
    redact: redactor.text,
    ...(deps.profiles ? { profiles: deps.profiles } : {}),
    audit: deps.audit ?? ((line) => logError(redactor, line)),
  };
  const caller = deps.caller ?? LOCAL_USER;
  const server = new McpServer(
    { name: SERVER_NAME, version: SERVER_VERSION },
    { capabilities: { logging: {}, resources: {} }, instructions: INSTRUCTIONS, maxToolInputElements: MAX_TOOL_INPUT_ELEMENTS },
  );

  // Every tool call: the call's scope from the MCP request, the answer (or failure) redacted.
  const run: RunTool = async (name, extra, work) => {
    const progressToken = extra._meta?.progressToken;
    const started = Date.now();
    const record = (outcome: ToolCallRecord["outcome"], more: Partial<ToolCallRecord>) =>
      deps.onToolCall?.({
        time: new Date(started).toISOString(),
        ...(deps.caller ? { caller: deps.caller.name } : {}),
        tool: name,
        durationMs: Date.now() - started,
        outcome,
        requestIds: [],
        ...more,
      });
    // The person can be asked only when the client declared elicitation and the transport keeps a session.
    const canAsk = caller.canElicit !== false && server.server.getClientCapabilities()?.elicitation !== undefined;
    const ctx: UseCaseDeps = {
      ...services,
      caller,
      ...(canAsk ? { askConsent: (message: string) => askPerson(server, message, extra.signal) } : {}),
      signal: extra.signal,
      ...(deps.draining ? { draining: deps.draining } : {}),
      log: (level, message) =>
        server.sendLoggingMessage({ level, logger: name, data: redactor.redact(message) }, extra.sessionId).catch(() => undefined),
      ...(progressToken !== undefined
        ? {
            reportProgress: (progress: number, total: number, message: string) =>
              extra
                .sendNotification({ method: "notifications/progress", params: { progressToken, progress, total, message: redactor.redact(message) } })
                .catch(() => undefined),
          }
        : {}),
    };
    try {
      const out = await work(ctx);
      const ids = new Set<string>();
      requestIdsIn(out.structured, ids);
      const region = (out.structured as { RegionId?: unknown }).RegionId;
      record("ok", { requestIds: [...ids].map(redactor.text), ...(typeof region === "string" ? { region } : {}) });
      // Redact first (keys and values), then render: the renderer's cuts fall on redacted text.
      const structured = redactor.redactDeep(out.structured as Record<string, unknown>);
      const text = out.render(structured);
      return {
        content: [{ type: "text", text: redactor.redact(text) }, ...(out.links?.(structured) ?? [])],
        structuredContent: structured,
      };
    } catch (err) {
      const requestId = err instanceof EcsApiError ? err.requestId : undefined;
      record("error", { errorCode: redactor.redact(diagnose(err, { now: now(), redact: redactor.text }).code), requestIds: requestId ? [redactor.redact(requestId)] : [] });
      return errorResult(err, now(), redactor);
    }
  };
  // MCP Apps (the live dashboard) unless --no-ui: the `_meta.ui` of describe_ecs_tasks, the view's
  // resource and the app-only refresh tool, which only clients that declared the UI extension list.
  // A caller's policy (over HTTP) decides which tools exist for its requests at all; cancel_ecs_task
  // exists only with --allow-cancel.
  const ui = !deps.config.noUi;
  const offered = toolsFor(deps.config);
  for (const tool of offered) {
    if ((ui || !isAppOnly(tool)) && mayUseTool(deps.caller, tool.name, tool.kind)) tool.register(server, run, { ui });
  }
  if (ui) {
    registerDashboardResource(server);
    listAppOnlyToolsToUiClientsOnly(server, new Set(offered.filter(isAppOnly).map((t) => t.name)));
  }
  // Every row of a large answer, as CSV, from the query its URI encodes (the same services).
  registerTasksCsvResource(server, { services, redactor, caller, ...(deps.config.sandbox ? { sandboxLabel: SANDBOX_LABEL } : {}) });
  return server;
}

/** A yes/no question through elicitation/create: only accept with the box ticked counts as yes. */
async function askPerson(server: McpServer, message: string, signal: AbortSignal): Promise<ConsentAnswer> {
  const answer = await server.server.elicitInput(
    {
      message,
      requestedSchema: {
        type: "object",
        properties: { confirm: { type: "boolean", title: "Cancel this task", description: "Tick to stop the task now; it cannot be undone." } },
        required: ["confirm"],
      },
    },
    { signal },
  );
  if (answer.action !== "accept") return answer.action;
  return answer.content?.["confirm"] === true ? "accept" : "decline";
}
