// The same question asked of every region, merged newest first with the region on each task.
import type { EcsApi } from "../ecs/client.js";
import type { DescribeTasksParams, Task } from "../ecs/tasks-api.js";
import { addCount, emptyRecord } from "../util/counts.js";
import { queryRegion, type QueryOptions, type RegionTasks } from "./query-region.js";
import { fanOut, type RegionCatalog } from "./regions.js";

export interface RegionStatus {
  RegionId: string;
  TotalCount?: number;
  Returned?: number;
  Error?: string;
}

export interface AllRegionsTasks extends RegionTasks {
  Regions: RegionStatus[];
}

export interface AllRegionsDeps {
  ecs: EcsApi;
  catalog: RegionCatalog;
  now: () => Date;
  signal: AbortSignal;
  concurrency?: number;
  /** A region whose endpoint can answer DescribeRegions (else the central endpoint). */
  via?: string;
  /** Time each region gets (default REGION_BUDGET_MS). */
  budgetMs?: number;
  /** Turns a region's failure into one line of text. */
  describeError(err: unknown): string;
}

/**
 * Newest first. The API's times are to the minute, so ties keep each region's own order (the
 * sort is stable) rather than inventing one.
 */
const newestFirst = (a: Task, b: Task) => (b.CreationTime ?? "").localeCompare(a.CreationTime ?? "");

export async function queryAllRegions(
  params: Omit<DescribeTasksParams, "RegionId">,
  options: QueryOptions,
  deps: AllRegionsDeps,
): Promise<AllRegionsTasks> {
  const regionIds = await deps.catalog.list(deps.ecs, deps.signal, deps.via);
  const outcomes = await fanOut(
    regionIds,
    deps.signal,
    (regionId, signal) =>
      queryRegion({ ...params, RegionId: regionId }, options, {
        ecs: deps.ecs,
        now: deps.now,
        signal,
        ...(deps.concurrency ? { concurrency: deps.concurrency } : {}),
      }),
    deps.budgetMs,
  );
  const answered = outcomes.flatMap((o) => (o.value ? [{ regionId: o.regionId, value: o.value }] : []));
  const merged = answered.flatMap((o) => o.value.Tasks.map((t) => ({ ...t, RegionId: o.regionId }))).sort(newestFirst);
  const tasks = merged.slice(0, options.maxResults);
  const total = answered.reduce((n, o) => n + o.value.TotalCount, 0);
  const byStatus = emptyRecord<number>();
  for (const o of answered) for (const [k, n] of Object.entries(o.value.ExactByStatus)) addCount(byStatus, k, n);
  const first = answered[0]?.value;
  return {
    RegionId: "all",
    TotalCount: total,
    PageNumber: first?.PageNumber ?? params.PageNumber ?? 1,
    PageSize: first?.PageSize ?? params.PageSize ?? 10,
    Tasks: tasks,
    HasMore: tasks.length < total,
    PagesFetched: answered.reduce((n, o) => n + o.value.PagesFetched, 0),
    RequestIds: answered.flatMap((o) => o.value.RequestIds),
    ProviderName: first?.ProviderName ?? "",
    ExactByStatus: byStatus,
    Complete: answered.length === outcomes.length && answered.every((o) => o.value.Complete) && tasks.length === total,
    DuplicatesDropped: 0,
    RowsDropped: answered.reduce((n, o) => n + o.value.RowsDropped, 0),
    Regions: outcomes.map((o) =>
      o.value
        ? { RegionId: o.regionId, TotalCount: o.value.TotalCount, Returned: o.value.Tasks.length }
        : { RegionId: o.regionId, Error: deps.describeError(o.error) },
    ),
  };
}
