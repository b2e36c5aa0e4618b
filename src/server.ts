// createServer(deps): the whole MCP server built from injected parts (config, ECS client, clock,
// redactor), so tests run the very same server in memory. No I/O happens here.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { ServerConfig } from "./config.js";
import type { EcsApi } from "./ecs/client.js";
import type { ProfileSource } from "./ecs/profiles.js";
import { logError } from "./log.js";
import { LOCAL_USER, type Caller } from "./policy.js";
import { RegionResolver } from "./ecs/region.js";
import { abortableSleep } from "./ecs/retry.js";
import { DurationHistory } from "./progress/history.js";
import { ProgressTracker } from "./progress/tracker.js";
import { Redactor } from "./redact.js";
import { registerTasksCsvResource } from "./resources/tasks-csv.js";
import { DEFAULT_PAGE_CONCURRENCY } from "./tasks/pages.js";
import { REGION_BUDGET_MS, RegionCatalog } from "./tasks/regions.js";
import { defaultTimeZone } from "./time/index.js";
import type { RunTool } from "./tools/define-tool.js";
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
  /** The aliyun CLI profiles a call may name in Profile (absent: Profile is refused). */
  profiles?: ProfileSource;
  /** Who calls this server and what its policy allows (stdio: the local user). */
  caller?: Caller;
  /** Where audit lines go (stderr by default). */
  audit?: (line: string) => void;
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
  const services: TaskServices = {
    ecs: deps.ecs,
    regions: deps.regions ?? new RegionResolver(deps.config.regionId, deps.config.profile),
    now,
    defaultTimeZone: deps.defaultTimeZone ?? defaultTimeZone(),
    ...caches,
    pageConcurrency: deps.pageConcurrency ?? DEFAULT_PAGE_CONCURRENCY,
    regionBudgetMs: deps.regionBudgetMs ?? REGION_BUDGET_MS,
    sleep: deps.sleep ?? abortableSleep,
    dataSource: deps.config.sandbox ? "sandbox" : "alibaba-cloud",
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
    // The person can be asked only when the client declared elicitation and the transport keeps a session.
    const canAsk = caller.canElicit !== false && server.server.getClientCapabilities()?.elicitation !== undefined;
    const ctx: UseCaseDeps = {
      ...services,
      caller,
      ...(canAsk ? { askConsent: (message: string) => askPerson(server, message, extra.signal) } : {}),
      signal: extra.signal,
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
      return {
        content: [{ type: "text", text: redactor.redact(out.text) }, ...(out.links ?? []).map((l) => redactor.redactDeep(l))],
        structuredContent: redactor.redactDeep(out.structured as Record<string, unknown>),
      };
    } catch (err) {
      return errorResult(err, now(), redactor);
    }
  };
  for (const tool of toolsFor(deps.config)) tool.register(server, run);
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
