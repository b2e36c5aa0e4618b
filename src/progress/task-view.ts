// One task's progress as the tools report it: the API detail, plus an ETA for running tasks and a
// plain-language hint for failures. Records each reading so later calls can measure a rate.
import type { EcsApi } from "../ecs/client.js";
import { elapsedSeconds } from "../util/utc.js";
import type { TaskDetail } from "../ecs/task-attribute-api.js";
import { bestEta, etaFromHistory, type Eta } from "./eta.js";
import { failureHint } from "./failure-hints.js";
import type { DurationHistory } from "./history.js";
import type { ProgressTracker } from "./tracker.js";

export interface TaskFailure {
  ErrorCode?: string;
  ErrorMsg?: string;
  Hint?: string;
}

/** The API's detail (less its envelope), plus what the server works out from it. */
export interface TaskProgressView extends Omit<TaskDetail, "RegionId" | "RequestId"> {
  DurationSeconds?: number;
  Failure?: TaskFailure;
  EstimatedCompletionTime?: string;
  EtaBasis?: Eta["EtaBasis"];
  EtaNote?: string;
  OverdueSeconds?: number;
}

export interface ViewDeps {
  ecs: EcsApi;
  tracker: ProgressTracker;
  history: DurationHistory;
  now: Date;
  signal?: AbortSignal;
}

/** The first operation error, with a hint when the code is known. */
export function failureOf(detail: TaskDetail): TaskFailure | undefined {
  const failed = detail.Operations.find((op) => op.ErrorCode || op.ErrorMsg);
  if (!failed && detail.TaskStatus !== "Failed") return undefined;
  const failure: TaskFailure = {};
  if (failed?.ErrorCode) failure.ErrorCode = failed.ErrorCode;
  if (failed?.ErrorMsg) failure.ErrorMsg = failed.ErrorMsg;
  const hint = failureHint(failed?.ErrorCode);
  if (hint) failure.Hint = hint;
  return failure;
}

export async function viewTask(detail: TaskDetail, regionId: string, deps: ViewDeps): Promise<TaskProgressView> {
  const nowMs = deps.now.getTime();
  const { RegionId: _r, RequestId: _q, ...fields } = detail;
  const view: TaskProgressView = { ...fields };
  // No duration from a time that is not a real date (see InvalidTimes).
  const seconds = elapsedSeconds(detail.CreationTime, detail.FinishedTime, nowMs);
  if (seconds !== undefined) view.DurationSeconds = seconds;
  const failure = failureOf(detail);
  if (failure) view.Failure = failure;
  if (detail.TaskStatus !== "Processing") {
    deps.tracker.forget(regionId, detail.TaskId);
    return view;
  }
  if (detail.Progress !== undefined) deps.tracker.observe(regionId, detail.TaskId, nowMs, detail.Progress);
  const observations = deps.tracker.observations(regionId, detail.TaskId);
  const created = detail.InvalidTimes?.includes("CreationTime") ? undefined : detail.CreationTime;
  let eta = bestEta(observations, created, detail.Progress, nowMs);
  if (!eta) {
    // History is a best effort (one DescribeTasks call, cached): without it there is simply no estimate.
    const stats = await deps.history.stats(deps.ecs, regionId, detail.TaskAction, deps.signal).catch(() => undefined);
    eta = etaFromHistory(created, stats, nowMs, detail.TaskAction);
  }
  if (eta) Object.assign(view, eta);
  return view;
}
