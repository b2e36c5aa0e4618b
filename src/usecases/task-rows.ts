// Every row of a TaskQuery, for the CSV resource: one region read page by page (100 each, through
// fetchAllPages), or every region through the catalog and fanOut, failed regions reported. Counted
// before it is read: page 1 of each region tells TotalCount, and a match over MAX_CSV_ROWS is
// refused before any further page is asked for. MCP-free; cancelled through deps.signal.
import { AppError, errorSummary, InputError } from "../errors.js";
import type { DescribeTasksParams, Task, TaskPage } from "../ecs/tasks-api.js";
import { newestFirst, type RegionStatus } from "../tasks/all-regions.js";
import { ALL_PAGES_PAGE_SIZE, fetchAllPages, fetchPage, type PageFetchDeps } from "../tasks/pages.js";
import { describeTasksFilters, MAX_CSV_ROWS, type TaskQuery, validateTaskQuery } from "../tasks/query-uri.js";
import { fanOut } from "../tasks/regions.js";
import type { TaskServices } from "./services.js";

export type TaskRowsDeps = Pick<
  TaskServices,
  "ecs" | "regions" | "now" | "regionCatalog" | "pageConcurrency" | "regionBudgetMs"
> & { signal: AbortSignal; maxRows?: number };

export interface TaskRows {
  /** The query's region, or "all". */
  RegionId: string;
  /** Every row read, each with its RegionId, in the API's order (with "all": newest first, each region's order kept on ties). */
  Tasks: Task[];
  /** With "all": each region asked, with its count or its error. */
  Regions?: RegionStatus[];
  /** With "all": the regions that failed; their rows are missing. */
  FailedRegions?: RegionStatus[];
}

/** Regions that take longer than the usual per-region budget: it grows by one budget per 100 pages. */
const PAGES_PER_BUDGET = 100;

function tooMany(total: number, max: number, where: string): InputError {
  return new InputError(`${total} tasks match in ${where}; the CSV holds at most ${max}.`, [
    "Narrow the filters: a shorter StartTime/EndTime window, a TaskStatus, a TaskAction, or one region instead of all.",
  ]);
}

const withRegion = (tasks: Task[], regionId: string) => tasks.map((t) => ({ ...t, RegionId: t.RegionId ?? regionId }));

async function readRegion(params: DescribeTasksParams, first: TaskPage, max: number, deps: PageFetchDeps): Promise<Task[]> {
  const assembled = await fetchAllPages(params, max, deps, first);
  return withRegion(assembled.Tasks, params.RegionId);
}

export async function readTaskRows(query: TaskQuery, deps: TaskRowsDeps): Promise<TaskRows> {
  // Checked here too, for callers that build a TaskQuery themselves: only known, valid fields go on.
  const q = validateTaskQuery(query);
  deps.signal.throwIfAborted();
  const max = deps.maxRows ?? MAX_CSV_ROWS;
  const filters = describeTasksFilters(q);
  const pageDeps = (signal: AbortSignal): PageFetchDeps => ({ ecs: deps.ecs, now: deps.now, signal, concurrency: deps.pageConcurrency });
  const firstPage = (regionId: string, signal: AbortSignal) =>
    fetchPage({ ...filters, RegionId: regionId, PageNumber: 1, PageSize: ALL_PAGES_PAGE_SIZE }, pageDeps(signal));

  if (q.RegionId !== "all") {
    const first = await firstPage(q.RegionId, deps.signal);
    if (first.TotalCount > max) throw tooMany(first.TotalCount, max, q.RegionId);
    return { RegionId: q.RegionId, Tasks: await readRegion({ ...filters, RegionId: q.RegionId }, first, max, pageDeps(deps.signal)) };
  }

  // DescribeRegions goes through the configured region's endpoint when there is one (as the tool does).
  const via = await deps.regions.resolve(undefined).then((r) => r.regionId, () => undefined);
  const regionIds = await deps.regionCatalog.list(deps.ecs, deps.signal, via);
  const firsts = await fanOut(regionIds, deps.signal, (regionId, signal) => firstPage(regionId, signal), deps.regionBudgetMs);
  const total = firsts.reduce((n, o) => n + (o.value?.TotalCount ?? 0), 0);
  if (total > max) throw tooMany(total, max, "all regions together");
  const answered = firsts.flatMap((o) => (o.value ? [{ regionId: o.regionId, first: o.value }] : []));
  if (answered.length === 0) {
    const reasons = firsts.map((o) => `${o.regionId}: ${errorSummary(o.error)}`);
    throw new AppError({ code: "AllRegionsFailed", summary: `Every region failed (${firsts.length}); no rows to return.`, details: reasons.slice(0, 10) });
  }

  const pages = Math.max(...answered.map((a) => Math.ceil(a.first.TotalCount / ALL_PAGES_PAGE_SIZE)));
  const budget = deps.regionBudgetMs * Math.max(1, Math.ceil(pages / PAGES_PER_BUDGET));
  const firstOf = new Map(answered.map((a) => [a.regionId, a.first]));
  const rest = await fanOut(
    answered.map((a) => a.regionId),
    deps.signal,
    (regionId, signal) => readRegion({ ...filters, RegionId: regionId }, firstOf.get(regionId)!, max, pageDeps(signal)),
    budget,
  );

  const outcome = new Map(rest.map((o) => [o.regionId, o]));
  const regions: RegionStatus[] = firsts.map((o) => {
    const read = outcome.get(o.regionId);
    const error = o.error ?? read?.error;
    if (error !== undefined || !read?.value) return { RegionId: o.regionId, Error: errorSummary(error) };
    return { RegionId: o.regionId, TotalCount: o.value!.TotalCount, Returned: read.value.length };
  });
  // Sorted like queryAllRegions' answer; the sort is stable, so ties keep each region's order.
  const tasks = rest.flatMap((o) => o.value ?? []).sort(newestFirst);
  const failed = regions.filter((r) => r.Error !== undefined);
  return { RegionId: "all", Tasks: tasks, Regions: regions, ...(failed.length ? { FailedRegions: failed } : {}) };
}
