// The same question asked of every region, merged newest first with the region on each task.
// MaxResults is a total across regions: a shared row budget stops new pages (and rows from regions
// not yet started) once enough rows are held, while every region still gives its exact counts.
import type { EcsApi } from "../ecs/client.js";
import type { DescribeTasksParams, Task } from "../ecs/tasks-api.js";
import { AppError } from "../errors.js";
import { addCount, emptyRecord } from "../util/counts.js";
import { RowBudget } from "./pages.js";
import { queryRegion, type QueryOptions, type RegionTasks } from "./query-region.js";
import { fanOut, type RegionCatalog, type RegionOutcome } from "./regions.js";

export interface RegionStatus {
  RegionId: string;
  TotalCount?: number;
  Returned?: number;
  /** Every matching task of the region was read (false: one page of it, or MaxResults stopped it). */
  FullyRead?: boolean;
  Error?: string;
  ErrorCode?: string;
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
  /** Called as each region settles (answered or failed), with how many have, of how many. */
  onRegion?(settled: number, total: number, regionId: string, failed: boolean): void;
}

/**
 * Newest first. The API's times are to the minute, so ties keep each region's own order (the
 * sort is stable) rather than inventing one.
 */
export const newestFirst = (a: Task, b: Task) => (b.CreationTime ?? "").localeCompare(a.CreationTime ?? "");

const errorCode = (err: unknown) => (err instanceof AppError ? err.code : "InternalError");

function regionStatus(o: RegionOutcome<RegionTasks>, describeError: (err: unknown) => string): RegionStatus {
  if (!o.value) return { RegionId: o.regionId, Error: describeError(o.error), ErrorCode: errorCode(o.error) };
  return { RegionId: o.regionId, TotalCount: o.value.TotalCount, Returned: o.value.Tasks.length, FullyRead: o.value.Complete };
}

export async function queryAllRegions(
  params: Omit<DescribeTasksParams, "RegionId">,
  options: QueryOptions,
  deps: AllRegionsDeps,
): Promise<AllRegionsTasks> {
  const regionIds = await deps.catalog.list(deps.ecs, deps.signal, deps.via);
  const budget = new RowBudget(options.maxResults);
  let settled = 0;
  const outcomes = await fanOut(
    regionIds,
    deps.signal,
    (regionId, signal) =>
      queryRegion({ ...params, RegionId: regionId }, { ...options, budget }, {
        ecs: deps.ecs,
        now: deps.now,
        signal,
        ...(deps.concurrency ? { concurrency: deps.concurrency } : {}),
      }),
    deps.budgetMs,
    (regionId, failed) => deps.onRegion?.(++settled, regionIds.length, regionId, failed),
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
    BudgetStopped: answered.some((o) => o.value.BudgetStopped),
    Regions: outcomes.map((o) => regionStatus(o, (err) => deps.describeError(err))),
  };
}
