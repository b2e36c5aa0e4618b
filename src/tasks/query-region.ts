// One region's answer to a describe_ecs_tasks question: a page or all pages, and status counts
// that are exact for the whole match. Knows nothing of MCP.
import { countBy, type DescribeTasksParams, type Task } from "../ecs/tasks-api.js";
import { emptyRecord } from "../util/counts.js";
import { fetchAllPages, fetchPage, type PageFetchDeps, type RowBudget } from "./pages.js";
import { countByStatus } from "./status-counts.js";

export interface QueryOptions {
  allPages: boolean;
  maxResults: number;
  /** Shared by the regions of RegionId "all": once spent, regions only count (no rows are read). */
  budget?: RowBudget;
  /** Told the first page's rows the moment they arrive, before further pages or count queries. */
  onFirstRows?: (tasks: Task[]) => void;
}

export interface RegionTasks {
  RegionId: string;
  TotalCount: number;
  PageNumber: number;
  PageSize: number;
  Tasks: Task[];
  /** More tasks match than were returned. */
  HasMore: boolean;
  NextPageNumber?: number;
  PagesFetched: number;
  RequestIds: string[];
  ProviderName: string;
  /** Counts per status over the whole match, always exact. */
  ExactByStatus: Record<string, number>;
  /** The returned rows are the whole match, so counts over them are exact too. */
  Complete: boolean;
  DuplicatesDropped: number;
  /** Rows the answers held beyond the PageSize asked for (dropped unread). */
  RowsDropped: number;
  /** The shared row budget (MaxResults across regions) stopped this region's reading early. */
  BudgetStopped: boolean;
}

/**
 * Exact status counts cost three one-row queries, so they are asked only when the rows do not
 * already cover the whole match; a fixed TaskStatus needs none (TotalCount is the count).
 */
function statusCounts(params: DescribeTasksParams, total: number, rows: Task[], complete: boolean, deps: PageFetchDeps) {
  if (params.TaskStatus) {
    const counts = emptyRecord<number>();
    if (total > 0) counts[params.TaskStatus] = total;
    return Promise.resolve(counts);
  }
  if (complete) return Promise.resolve(countBy(rows, (t) => t.TaskStatus));
  return countByStatus(params, deps);
}

/** A region reached after the row budget was spent: its exact counts (one-row queries), no rows. */
async function countOnly(params: DescribeTasksParams, deps: PageFetchDeps): Promise<RegionTasks> {
  const { PageNumber: _n, PageSize: _s, ...filters } = params;
  const [page, probed] = await Promise.all([
    fetchPage({ ...filters, PageNumber: 1, PageSize: 1 }, deps),
    params.TaskStatus ? undefined : countByStatus(params, deps),
  ]);
  return {
    RegionId: page.RegionId || params.RegionId,
    TotalCount: page.TotalCount,
    PageNumber: params.PageNumber ?? 1,
    PageSize: params.PageSize ?? page.PageSize,
    Tasks: [],
    HasMore: page.TotalCount > 0,
    PagesFetched: 1,
    RequestIds: [page.RequestId],
    ProviderName: page.ProviderName,
    ExactByStatus: probed ?? (await statusCounts(params, page.TotalCount, [], false, deps)),
    Complete: page.TotalCount === 0,
    DuplicatesDropped: 0,
    RowsDropped: 0,
    BudgetStopped: page.TotalCount > 0,
  };
}

export async function queryRegion(params: DescribeTasksParams, options: QueryOptions, deps: PageFetchDeps): Promise<RegionTasks> {
  const budget = options.budget;
  if (budget?.exhausted) return countOnly(params, deps);
  if (!options.allPages) {
    // A later page never holds the whole match: its count queries run beside it, not after it.
    const later = (params.PageNumber ?? 1) > 1 && !params.TaskStatus;
    const [page, probed] = await Promise.all([fetchPage(params, deps), later ? countByStatus(params, deps) : undefined]);
    options.onFirstRows?.(page.Tasks);
    budget?.take(page.Tasks.length);
    const start = (page.PageNumber - 1) * page.PageSize;
    const complete = start === 0 && page.Tasks.length >= page.TotalCount;
    const hasMore = page.Tasks.length > 0 && start + page.Tasks.length < page.TotalCount;
    const exact = probed ?? (await statusCounts(params, page.TotalCount, page.Tasks, complete, deps));
    return {
      RegionId: page.RegionId || params.RegionId,
      TotalCount: page.TotalCount,
      PageNumber: page.PageNumber,
      PageSize: page.PageSize,
      Tasks: page.Tasks,
      HasMore: hasMore,
      ...(hasMore ? { NextPageNumber: page.PageNumber + 1 } : {}),
      PagesFetched: 1,
      RequestIds: [page.RequestId],
      ProviderName: page.ProviderName,
      ExactByStatus: exact,
      Complete: complete,
      DuplicatesDropped: 0,
      RowsDropped: page.RowsDropped,
      BudgetStopped: false,
    };
  }

  const startPage = params.PageNumber ?? 1;
  const first = await fetchPage({ ...params, PageNumber: startPage, PageSize: 100 }, deps);
  options.onFirstRows?.(first.Tasks);
  budget?.take(first.Tasks.length);
  const mayComplete = startPage === 1 && first.TotalCount <= options.maxResults;
  // The count probes run beside the remaining pages, not after them.
  const [assembled, probed] = await Promise.all([
    fetchAllPages(params, options.maxResults, deps, first, budget),
    mayComplete ? undefined : statusCounts(params, first.TotalCount, [], false, deps),
  ]);
  // The budget may have stopped the reading short of the whole match: then the rows cannot be counted.
  const complete = mayComplete && !assembled.Truncated;
  return {
    RegionId: first.RegionId || params.RegionId,
    TotalCount: assembled.TotalCount,
    PageNumber: startPage,
    PageSize: 100,
    Tasks: assembled.Tasks,
    HasMore: assembled.Truncated,
    ...(assembled.NextPageNumber !== undefined ? { NextPageNumber: assembled.NextPageNumber } : {}),
    PagesFetched: assembled.PagesFetched,
    RequestIds: assembled.RequestIds,
    ProviderName: first.ProviderName,
    ExactByStatus: probed ?? (await statusCounts(params, assembled.TotalCount, assembled.Tasks, complete, deps)),
    Complete: complete,
    DuplicatesDropped: assembled.DuplicatesDropped,
    RowsDropped: assembled.RowsDropped,
    BudgetStopped: assembled.PagesSkipped > 0,
  };
}
