// What the use cases need from the process and from the call in flight. MCP-free: the tool
// adapters fill CallScope from the MCP request; tests fill both with fakes.
import type { EcsApi } from "../ecs/client.js";
import type { RegionResolver } from "../ecs/region.js";
import type { DurationHistory } from "../progress/history.js";
import type { ProgressTracker } from "../progress/tracker.js";
import type { RegionCatalog } from "../tasks/regions.js";

export type DataSource = "alibaba-cloud" | "sandbox";
export type LogLevel = "debug" | "info" | "notice" | "warning" | "error";

/** Process-wide parts: built once, shared by every call (and, over HTTP, every request). */
export interface TaskServices {
  ecs: EcsApi;
  regions: RegionResolver;
  now: () => Date;
  /** The zone natural time phrases are read in when the call names none. */
  defaultTimeZone: string;
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
  /** sandbox when answers come from the built-in stand-in, never from Alibaba Cloud. */
  dataSource: DataSource;
  /** The process's redaction: apply it before cutting any upstream text short (the answer is redacted again on the way out). */
  redact(text: string): string;
}

/** The call in flight. */
export interface CallScope {
  /** Aborted when the client cancels the request: pass it to every HTTP call. */
  signal: AbortSignal;
  /** Sends a progress notification; present only when the caller asked for progress. */
  reportProgress?: (progress: number, total: number, message: string) => Promise<void>;
  /** A log line to the caller (redacted on the way out). */
  log(level: LogLevel, message: string): Promise<void>;
}

export type UseCaseDeps = TaskServices & CallScope;
