// Adds percent done to the running tasks of a DescribeTasks page: DescribeTaskAttribute for each,
// at most 5 at a time and 20 per call. A failed lookup marks that task; it never fails the page.
import type { EcsApi } from "../ecs/client.js";
import { ATTRIBUTE_ACTIONS, describeTaskAttribute } from "../ecs/task-attribute-api.js";
import type { Task } from "../ecs/tasks-api.js";
import { settleLimit } from "../util/concurrency.js";
import type { ProgressTracker } from "./tracker.js";

export const ENRICH_CONCURRENCY = 5;
export const ENRICH_MAX_TASKS = 20;

export interface ProgressLookups {
  progress: Map<string, number>;
  errors: Map<string, string>;
  /** Running tasks whose action DescribeTaskAttribute covers. */
  eligible: number;
  /** Eligible tasks not looked up because of the per-call cap. */
  skipped: number;
}

export interface EnrichDeps {
  ecs: EcsApi;
  tracker: ProgressTracker;
  now: () => Date;
  signal?: AbortSignal;
}

export function needsProgress(t: Task): boolean {
  return t.TaskStatus === "Processing" && ATTRIBUTE_ACTIONS.has(t.TaskAction);
}

/** `regionOf` names each task's region (tasks of several regions may be mixed). */
export async function lookUpProgress(tasks: Task[], regionOf: (t: Task) => string, deps: EnrichDeps): Promise<ProgressLookups> {
  const eligible = tasks.filter(needsProgress);
  const chosen = eligible.slice(0, ENRICH_MAX_TASKS);
  const out: ProgressLookups = { progress: new Map(), errors: new Map(), eligible: eligible.length, skipped: eligible.length - chosen.length };
  const results = await settleLimit(chosen, ENRICH_CONCURRENCY, (t) => describeTaskAttribute(deps.ecs, regionOf(t), t.TaskId, deps.signal));
  deps.signal?.throwIfAborted();
  results.forEach((r, i) => {
    const task = chosen[i]!;
    const id = task.TaskId;
    if (r.status === "rejected") {
      out.errors.set(id, r.reason instanceof Error ? r.reason.message : String(r.reason));
      return;
    }
    const pct = r.value.detail.Progress;
    if (pct === undefined) {
      out.errors.set(id, `no percent in TaskProcess ${JSON.stringify(r.value.detail.TaskProcess)}`);
      return;
    }
    out.progress.set(id, pct);
    deps.tracker.observe(regionOf(task), id, deps.now().getTime(), pct);
  });
  return out;
}

/** One sentence on what the lookups covered, for the answer. */
export function progressNote(l: ProgressLookups): string | undefined {
  if (l.eligible === 0) return undefined;
  const parts = [`Progress looked up for ${l.eligible - l.skipped} running task(s)`];
  if (l.errors.size) parts.push(`${l.errors.size} lookup(s) failed (see ProgressError)`);
  if (l.skipped) parts.push(`${l.skipped} more skipped: at most ${ENRICH_MAX_TASKS} per call; use describe_ecs_task_attribute or filter further`);
  return `${parts.join("; ")}.`;
}
