// The refresh_ecs_task_progress use case: the dashboard's running rows, again. One
// DescribeTaskAttribute call per task (at most ENRICH_CONCURRENCY at a time, ENRICH_MAX_TASKS per
// call, the limits of describe_ecs_tasks), an ETA from the readings seen so far, the reason when a
// task has failed since. A failed look-up marks its row; it never fails the answer.
import type { RefreshProgressInput, RefreshProgressOutput, RefreshedTask } from "../contracts/refresh-progress.js";
import { describeTaskAttribute } from "../ecs/task-attribute-api.js";
import { ENRICH_CONCURRENCY } from "../progress/enrich.js";
import { bestEta } from "../progress/eta.js";
import { failureOf } from "../progress/task-view.js";
import { settleLimit } from "../util/concurrency.js";
import { formatUtcSeconds } from "../util/utc.js";
import { zoneOf } from "./answer-zone.js";
import type { UseCaseDeps } from "./services.js";

export async function refreshProgress(args: RefreshProgressInput, deps: UseCaseDeps): Promise<RefreshProgressOutput> {
  const zone = zoneOf(args.TimeZone, deps.defaultTimeZone);
  const { regionId } = await deps.regions.resolve(args.RegionId);
  const ids = [...new Set(args.TaskIds)];
  const results = await settleLimit(ids, ENRICH_CONCURRENCY, (id) => describeTaskAttribute(deps.ecs, regionId, id, deps.signal));
  deps.signal.throwIfAborted();
  const now = deps.now();
  const tasks = results.map((r, i): RefreshedTask => {
    const TaskId = ids[i]!;
    if (r.status === "rejected") return { TaskId, LookupError: r.reason instanceof Error ? r.reason.message : String(r.reason) };
    const d = r.value.detail;
    const row: RefreshedTask = { TaskId, TaskStatus: d.TaskStatus };
    if (d.Progress !== undefined) row.Progress = d.Progress;
    const times = { CreationTime: d.CreationTime, FinishedTime: d.FinishedTime };
    for (const [key, iso] of Object.entries(times)) {
      if (!iso) continue;
      row[key as keyof typeof times] = iso;
      const local = zone.local(iso);
      if (local) row[`${key}Local` as "CreationTimeLocal" | "FinishedTimeLocal"] = local;
    }
    if (d.TaskStatus === "Processing") {
      if (d.Progress !== undefined) deps.tracker.observe(regionId, TaskId, now.getTime(), d.Progress);
      const eta = bestEta(deps.tracker.observations(regionId, TaskId), d.CreationTime, d.Progress, now.getTime());
      if (eta) {
        Object.assign(row, eta);
        const local = zone.local(eta.EstimatedCompletionTime);
        if (local) row.EstimatedCompletionTimeLocal = local;
      }
    } else {
      deps.tracker.forget(regionId, TaskId);
      const failure = failureOf(d);
      if (failure?.ErrorCode) row.ErrorCode = failure.ErrorCode;
      if (failure?.ErrorMsg) row.ErrorMsg = failure.ErrorMsg;
    }
    return row;
  });
  return { RegionId: regionId, Tasks: tasks, TimeZone: zone.zone, CheckedAt: formatUtcSeconds(now) };
}
