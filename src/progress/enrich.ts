// Details for the rows an answer shows: percent and ETA of running tasks, and the reason of failed
// ones, from DescribeTaskAttribute (which covers ImportImage, ExportImage and ModifyDiskSpec only).
// One budget for both: at most 5 look-ups at a time and 20 per call. A failed look-up marks that
// row; it never fails the answer.
import type { EcsApi } from "../ecs/client.js";
import { ATTRIBUTE_ACTIONS, describeTaskAttribute } from "../ecs/task-attribute-api.js";
import type { Task } from "../ecs/tasks-api.js";
import { settleLimit } from "../util/concurrency.js";
import { bestEta, type Eta } from "./eta.js";
import { failureOf } from "./task-view.js";
import type { ProgressTracker } from "./tracker.js";

export const ENRICH_CONCURRENCY = 5;
export const ENRICH_MAX_TASKS = 20;

export interface RowDetail {
  Progress?: number;
  Eta?: Eta;
  ErrorCode?: string;
  ErrorMsg?: string;
}

export interface DetailLookups {
  details: Map<string, RowDetail>;
  errors: Map<string, string>;
  /** Running or failed rows whose action DescribeTaskAttribute covers. */
  eligible: number;
  /** Eligible rows not looked up because of the per-call cap. */
  skipped: number;
}

export interface EnrichDeps {
  ecs: EcsApi;
  tracker: ProgressTracker;
  now: () => Date;
  signal?: AbortSignal;
}

/** Rows worth a DescribeTaskAttribute call: running (percent, ETA) or failed (the reason). */
export function needsDetail(t: Task): boolean {
  return (t.TaskStatus === "Processing" || t.TaskStatus === "Failed") && ATTRIBUTE_ACTIONS.has(t.TaskAction);
}

/** `regionOf` names each task's region (tasks of several regions may be mixed). */
export async function lookUpDetails(tasks: readonly Task[], regionOf: (t: Task) => string, deps: EnrichDeps): Promise<DetailLookups> {
  const eligible = tasks.filter(needsDetail);
  // Running rows first: a percent is what people wait for; reasons share what is left.
  const chosen = [...eligible.filter((t) => t.TaskStatus === "Processing"), ...eligible.filter((t) => t.TaskStatus !== "Processing")].slice(0, ENRICH_MAX_TASKS);
  const out: DetailLookups = { details: new Map(), errors: new Map(), eligible: eligible.length, skipped: eligible.length - chosen.length };
  const results = await settleLimit(chosen, ENRICH_CONCURRENCY, (t) => describeTaskAttribute(deps.ecs, regionOf(t), t.TaskId, deps.signal));
  deps.signal?.throwIfAborted();
  const nowMs = deps.now().getTime();
  results.forEach((r, i) => {
    const task = chosen[i]!;
    if (r.status === "rejected") {
      out.errors.set(task.TaskId, r.reason instanceof Error ? r.reason.message : String(r.reason));
      return;
    }
    const detail = r.value.detail;
    const row: RowDetail = {};
    if (detail.Progress !== undefined) row.Progress = detail.Progress;
    if (task.TaskStatus === "Processing") {
      if (detail.Progress === undefined) {
        out.errors.set(task.TaskId, `no percent in TaskProcess ${JSON.stringify(detail.TaskProcess)}`);
        return;
      }
      deps.tracker.observe(regionOf(task), task.TaskId, nowMs, detail.Progress);
      const eta = bestEta(deps.tracker.observations(regionOf(task), task.TaskId), task.CreationTime, detail.Progress, nowMs);
      if (eta) row.Eta = eta;
    } else {
      const failure = failureOf(detail);
      if (failure?.ErrorCode) row.ErrorCode = failure.ErrorCode;
      if (failure?.ErrorMsg) row.ErrorMsg = failure.ErrorMsg;
    }
    out.details.set(task.TaskId, row);
  });
  return out;
}

/** One sentence on what the look-ups covered, for the answer. */
export function lookupNote(l: DetailLookups): string | undefined {
  if (l.eligible === 0) return undefined;
  const parts = [`Details looked up for ${l.eligible - l.skipped} running or failed row(s)`];
  if (l.errors.size) parts.push(`${l.errors.size} look-up(s) failed (see LookupError)`);
  if (l.skipped) parts.push(`${l.skipped} more skipped: at most ${ENRICH_MAX_TASKS} per call; use describe_ecs_task_attribute or filter further`);
  return `${parts.join("; ")}.`;
}
