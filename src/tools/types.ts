// What every tool file exports, and what its handler may use. Handlers get everything through
// the context, so tests build the same tools with a sandbox client and a fixed clock.
import type { ToolAnnotations } from "@modelcontextprotocol/sdk/types.js";
import type { z } from "zod";
import type { ServerConfig } from "../config.js";
import type { EcsApi } from "../ecs/client.js";
import type { RegionResolver } from "../ecs/region.js";
import type { DurationHistory } from "../progress/history.js";
import type { ProgressTracker } from "../progress/tracker.js";
import type { RegionCatalog } from "../tasks/regions.js";

export type LogLevel = "debug" | "info" | "notice" | "warning" | "error";

export interface ToolContext {
  ecs: EcsApi;
  regions: RegionResolver;
  config: ServerConfig;
  now: () => Date;
  /** The zone natural time phrases are read in when the call names none. */
  defaultTimeZone: string;
  /** Aborted when the client cancels the request: pass it to every HTTP call. */
  signal: AbortSignal;
  /** Progress readings shared across calls, for rate-based ETAs. */
  tracker: ProgressTracker;
  /** Typical durations per region and action, cached. */
  history: DurationHistory;
  /** The account's regions, cached for an hour. */
  regionCatalog: RegionCatalog;
  /** DescribeTasks pages in flight at once with AllPages. */
  pageConcurrency: number;
  /** Time each region gets when RegionId is "all". */
  regionBudgetMs: number;
  /** Waits, ending early (rejecting) when the signal aborts. Injected so tests need no real time. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** Sends notifications/progress; present only when the request carried a progressToken. */
  reportProgress?: (progress: number, total: number, message: string) => Promise<void>;
  /** An MCP log message (notifications/message), redacted. */
  log(level: LogLevel, message: string): Promise<void>;
}

export interface ToolOutput<T> {
  structured: T;
  /** A compact human summary that stands on its own for a model that ignores structuredContent. */
  text: string;
}

export interface ToolDefinition<In extends z.ZodObject = z.ZodObject, Out extends z.ZodObject = z.ZodObject> {
  name: string;
  title: string;
  description: string;
  inputSchema: In;
  outputSchema: Out;
  annotations: ToolAnnotations;
  handler(args: z.infer<In>, ctx: ToolContext): Promise<ToolOutput<z.infer<Out>>>;
}
