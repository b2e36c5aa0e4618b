// Polls DescribeTaskAttribute until every task has ended or the time is up. No MCP here: the tool
// turns each poll into progress notifications and log lines through `onPoll`.
import type { EcsApi } from "../ecs/client.js";
import { EcsApiError } from "../ecs/errors.js";
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
  view?: TaskProgressView;
  /** The last lookup failure, if the last poll of this task failed. */
  lookupError?: string;
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
}

export interface WaitOutcome extends PollReport {
  done: boolean;
  elapsedMs: number;
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
  const tasks: WaitedTask[] = taskIds.map((TaskId) => ({ TaskId, settled: false }));
  let providerName: string | undefined;

  for (let poll = 1; ; poll++) {
    const pending = tasks.filter((t) => !t.settled);
    const results = await settleLimit(pending, LOOKUP_CONCURRENCY, async (t) => {
      const { detail, providerName: p } = await describeTaskAttribute(deps.ecs, regionId, t.TaskId, deps.signal);
      providerName = p;
      return viewTask(detail, regionId, { ...deps, now: deps.now() });
    });
    deps.signal.throwIfAborted();
    results.forEach((r, i) => {
      const t = pending[i]!;
      if (r.status === "fulfilled") {
        t.view = r.value;
        delete t.lookupError;
        t.settled = FINAL_STATUSES.has(r.value.TaskStatus);
      } else {
        const err: unknown = r.reason;
        t.lookupError = err instanceof Error ? err.message : String(err);
        t.settled = err instanceof EcsApiError && FINAL_LOOKUP_CODES.has(err.code);
      }
    });
    const report: PollReport = { poll, tasks, meanProgress: meanProgress(tasks), ...(providerName ? { providerName } : {}) };
    await onPoll(report);
    const elapsedMs = deps.now().getTime() - started;
    const remaining = deadline - deps.now().getTime();
    if (tasks.every((t) => t.settled) || remaining <= 0) {
      return { ...report, done: tasks.every((t) => t.settled), elapsedMs };
    }
    await deps.sleep(Math.min(pollIntervalMs, remaining), deps.signal);
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
