// Asking every region: the one way the use cases do it (RegionId "all", and looking for a task
// that is not in the region asked), bounded like RegionId "all": the region list cached, at most 8
// regions at a time, each within its time budget, failures reported per region.
import type { DescribeTasksParams } from "../ecs/tasks-api.js";
import { errorSummary } from "../errors.js";
import { cutRedacted, QUOTED_ERROR_MAX } from "../util/text.js";
import { queryAllRegions, type AllRegionsTasks } from "../tasks/all-regions.js";
import type { QueryOptions } from "../tasks/query-region.js";
import type { UseCaseDeps } from "./services.js";

export async function everyRegion(
  params: Omit<DescribeTasksParams, "RegionId">,
  options: QueryOptions,
  deps: UseCaseDeps,
): Promise<AllRegionsTasks> {
  return queryAllRegions(params, options, {
    ecs: deps.ecs,
    now: deps.now,
    signal: deps.signal,
    concurrency: deps.pageConcurrency,
    catalog: deps.regionCatalog,
    budgetMs: deps.regionBudgetMs,
    // DescribeRegions goes through the configured region's endpoint when there is one.
    ...(await deps.regions.resolve(undefined).then((r) => ({ via: r.regionId }), () => ({}))),
    // Quoted in the answer: redacted, then cut.
    describeError: (err) => cutRedacted(deps.redact(errorSummary(err)), QUOTED_ERROR_MAX),
    onRegion: (settled, total, regionId, failed) =>
      void deps.reportProgress?.(settled, total, `${settled} of ${total} regions answered (${regionId}${failed ? " failed" : ""})`),
  });
}

/** Which region holds each of these tasks (DescribeTasks with TaskIds in every region, one round). */
export async function locateTasks(taskIds: readonly string[], deps: UseCaseDeps): Promise<Map<string, string>> {
  const found = await everyRegion({ TaskIds: [...taskIds], PageSize: Math.min(100, Math.max(10, taskIds.length)) }, { allPages: false, maxResults: taskIds.length }, deps);
  const where = new Map<string, string>();
  for (const t of found.Tasks) if (t.RegionId && !where.has(t.TaskId)) where.set(t.TaskId, t.RegionId);
  return where;
}

/** "Not in cn-hangzhou: found in cn-shanghai." */
export function foundElsewhereNotice(asked: string, regions: Iterable<string>): string {
  return `Not in ${asked}: found in ${[...new Set(regions)].join(", ")} (every region was asked).`;
}
