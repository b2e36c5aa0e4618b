// Polls DescribeTaskAttribute until every task has ended or the time is up. No MCP here: the tool
// turns each poll into progress notifications and log lines through `onPoll`.
import type { EcsApi } from "../ecs/client.js";
import { AppError, EcsApiError } from "../errors.js";
import { describeTaskAttribute } from "../ecs/task-attribute-api.js";
import { settleLimit } from "../util/concurrency.js";
import type { DurationHistory } from "./history.js";
import { viewTask, type TaskProgressView } from "./task-view.js";
import type { ProgressTracker } from "./tracker.js";

export const LOOKUP_CONCURRENCY = 5;
const FINAL_STATUSES = new Set(["Finished", "Failed"]);
/** Lookup errors that polling again cannot fix. */
const FINAL_LOOKUP_CODES = new Set(["InvalidTaskId.NotFound", "InvalidTaskId.TaskActionNotSupport", "Forbidden.RAM"]);

export interface WaitedTask {
  TaskId: string;
  /** Where it is looked up: the region asked, or where it was found. */
  RegionId: string;
  view?: TaskProgressView;
  /** The last lookup failure, if the last poll of this task failed. */
  lookupError?: string;
  /** Its error code, when it was one of ours or Alibaba's. */
  lookupCode?: string;
  /** True when the task has ended, or cannot be looked up at all. */
  settled: boolean;
}

export interface PollReport {
  poll: number;
  tasks: WaitedTask[];
  /** Mean percent over the tasks; ended tasks count as 100. */
  meanProgress: number;
  providerName?: string;
}

export interface WaitDeps {
  ecs: EcsApi;
  tracker: ProgressTracker;
  history: DurationHistory;
  now: () => Date;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  signal: AbortSignal;
  /** Aborted when the server drains: the wait stops at once and answers with the last poll (not done). */
  draining?: AbortSignal;
  /**
   * Where tasks not found in their region are (one search, after the first poll); those found
   * elsewhere are looked up there at once.
   */
  locate?: (taskIds: string[]) => Promise<Map<string, string>>;
}

export interface WaitOutcome extends PollReport {
  done: boolean;
  elapsedMs: number;
  /** True when the wait ended early because the server is shutting down. */
  drained?: boolean;
}

function meanProgress(tasks: WaitedTask[]): number {
  const sum = tasks.reduce((acc, t) => acc + (t.settled ? 100 : (t.view?.Progress ?? 0)), 0);
  return tasks.length ? sum / tasks.length : 100;
}

export async function waitForTasks(
  regionId: string,
  taskIds: string[],
  timeoutMs: number,
  pollIntervalMs: number,
  deps: WaitDeps,
  onPoll: (report: PollReport) => Promise<void>,
): Promise<WaitOutcome> {
  const started = deps.now().getTime();
  const deadline = started + timeoutMs;
  const tasks: WaitedTask[] = taskIds.map((TaskId) => ({ TaskId, RegionId: regionId, settled: false }));
  let providerName: string | undefined;
  const lookUp = async (pending: WaitedTask[]) => {
    const results = await settleLimit(pending, LOOKUP_CONCURRENCY, async (t) => {
      const { detail, providerName: p } = await describeTaskAttribute(deps.ecs, t.RegionId, t.TaskId, deps.signal);
      providerName = p;
      return viewTask(detail, t.RegionId, { ...deps, now: deps.now() });
    });
    deps.signal.throwIfAborted();
    results.forEach((r, i) => {
      const t = pending[i]!;
      if (r.status === "fulfilled") {
        t.view = r.value;
        delete t.lookupError;
        delete t.lookupCode;
        t.settled = FINAL_STATUSES.has(r.value.TaskStatus);
      } else {
        const err: unknown = r.reason;
        t.lookupError = err instanceof Error ? err.message : String(err);
        if (err instanceof AppError) t.lookupCode = err.code;
        t.settled = err instanceof EcsApiError && FINAL_LOOKUP_CODES.has(err.code);
      }
    });
  };

  for (let poll = 1; ; poll++) {
    await lookUp(tasks.filter((t) => !t.settled));
    const missing = poll === 1 && deps.locate ? tasks.filter((t) => t.lookupCode === "InvalidTaskId.NotFound") : [];
    if (missing.length > 0) {
      const where = await deps.locate!(missing.map((t) => t.TaskId)).catch(() => new Map<string, string>());
      const moved = missing.filter((t) => {
        const found = where.get(t.TaskId);
        if (!found || found === t.RegionId) return false;
        t.RegionId = found;
        t.settled = false;
        return true;
      });
      if (moved.length > 0) await lookUp(moved);
    }
    const report: PollReport = { poll, tasks, meanProgress: meanProgress(tasks), ...(providerName ? { providerName } : {}) };
    await onPoll(report);
    const elapsedMs = deps.now().getTime() - started;
    const remaining = deadline - deps.now().getTime();
    if (tasks.every((t) => t.settled) || remaining <= 0) {
      return { ...report, done: tasks.every((t) => t.settled), elapsedMs };
    }
    const drained = { ...report, done: false, elapsedMs, drained: true };
    if (deps.draining?.aborted) return drained;
    const wake = deps.draining ? AbortSignal.any([deps.signal, deps.draining]) : deps.signal;
    try {
      await deps.sleep(Math.min(pollIntervalMs, remaining), wake);
    } catch (err) {
      // A cancelled call still ends with its reason; a draining server answers with what it has.
      if (deps.signal.aborted || !deps.draining?.aborted) throw err;
      return { ...drained, elapsedMs: deps.now().getTime() - started };
    }
  }
}

/** When not done: wait until the soonest ETA, at least one poll interval and at most 5 minutes. */
export function nextCheckAfterSeconds(running: WaitedTask[], now: Date, pollSeconds: number): number {
  const etas = running
    .map((t) => t.view?.EstimatedCompletionTime)
    .filter((e): e is string => !!e)
    .map((e) => (Date.parse(e) - now.getTime()) / 1000);
  const soonest = etas.length ? Math.min(...etas) : pollSeconds;
  return Math.round(Math.min(300, Math.max(pollSeconds, soonest)));
}
