// Polls until every task has ended or the time is up: DescribeTaskAttribute (percent, failure
// reasons) for the actions it covers, DescribeTasks by TaskIds (status and times, one request per
// region) for the rest (RedeployInstance, ArchiveSnapshot, ...). No MCP here: the tool turns each poll
// into progress notifications and log lines through `onPoll`.
import type { EcsApi } from "../ecs/client.js";
import { AppError, EcsApiError } from "../errors.js";
import { describeTaskAttribute, type TaskDetail } from "../ecs/task-attribute-api.js";
import { parseDescribeTasks, toDescribeTasksQuery, type Task } from "../ecs/tasks-api.js";
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
  /** DescribeTaskAttribute does not cover its action: polled through DescribeTasks (status only). */
  statusOnly?: boolean;
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

/** A DescribeTasks row in DescribeTaskAttribute's shape: no percent, no operations. */
function detailOf(row: Task, regionId: string, requestId: string): TaskDetail {
  const { RegionId: _r, ResourceId: _res, DurationSeconds: _d, ...fields } = row;
  return { ...fields, RegionId: regionId, RequestId: requestId, TaskProcess: "", Operations: [] };
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
  const record = (t: WaitedTask, r: PromiseSettledResult<TaskProgressView>) => {
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
  };
  const lookUp = async (pending: WaitedTask[]) => {
    const detailed = pending.filter((t) => !t.statusOnly);
    const results = await settleLimit(detailed, LOOKUP_CONCURRENCY, async (t) => {
      const { detail, providerName: p } = await describeTaskAttribute(deps.ecs, t.RegionId, t.TaskId, deps.signal);
      providerName = p;
      return viewTask(detail, t.RegionId, { ...deps, now: deps.now() });
    });
    deps.signal.throwIfAborted();
    results.forEach((r, i) => {
      const t = detailed[i]!;
      const unsupported = r.status === "rejected" && r.reason instanceof EcsApiError && r.reason.code === "InvalidTaskId.TaskActionNotSupport";
      if (unsupported) t.statusOnly = true;
      else record(t, r);
    });
    await lookUpStatus(pending.filter((t) => t.statusOnly));
  };
  /** Status-only tasks, one DescribeTasks per region (TaskIds takes up to 100; a wait names at most 20). */
  const lookUpStatus = async (pending: WaitedTask[]) => {
    const regions = [...new Set(pending.map((t) => t.RegionId))];
    const pages = await settleLimit(regions, LOOKUP_CONCURRENCY, async (regionId) => {
      const ids = pending.filter((t) => t.RegionId === regionId).map((t) => t.TaskId);
      const res = await deps.ecs.call("DescribeTasks", toDescribeTasksQuery({ RegionId: regionId, TaskIds: ids, PageSize: 100 }), { regionId, signal: deps.signal });
      return parseDescribeTasks(res, deps.now(), 100);
    });
    deps.signal.throwIfAborted();
    for (const [i, regionId] of regions.entries()) {
      const page = pages[i]!;
      if (page.status === "fulfilled") providerName = page.value.ProviderName;
      for (const t of pending.filter((w) => w.RegionId === regionId)) {
        if (page.status === "rejected") {
          record(t, page);
          continue;
        }
        const row = page.value.Tasks.find((r) => r.TaskId === t.TaskId);
        if (row) {
          record(t, { status: "fulfilled", value: await viewTask(detailOf(row, regionId, page.value.RequestId), regionId, { ...deps, now: deps.now() }) });
        } else {
          // Listed by DescribeTaskAttribute's refusal a moment ago, gone now: polling again cannot help.
          Object.assign(t, { lookupError: `DescribeTasks no longer lists ${t.TaskId} in ${regionId}.`, lookupCode: "InvalidTaskId.NotFound", settled: true });
        }
      }
    }
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
