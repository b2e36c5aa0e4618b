// One region's answer to a describe_ecs_tasks question: a page or all pages, and status counts
// that are exact for the whole match. Knows nothing of MCP.
import { countBy, type DescribeTasksParams, type Task } from "../ecs/tasks-api.js";
import { fetchAllPages, fetchPage, type PageFetchDeps } from "./pages.js";
import { emptyRecord } from "../util/counts.js";
import { countByStatus } from "./status-counts.js";

export interface QueryOptions {
  allPages: boolean;
  maxResults: number;
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

export async function queryRegion(params: DescribeTasksParams, options: QueryOptions, deps: PageFetchDeps): Promise<RegionTasks> {
  if (!options.allPages) {
    const page = await fetchPage(params, deps);
    const start = (page.PageNumber - 1) * page.PageSize;
    const complete = start === 0 && page.Tasks.length >= page.TotalCount;
    const hasMore = page.Tasks.length > 0 && start + page.Tasks.length < page.TotalCount;
    const exact = await statusCounts(params, page.TotalCount, page.Tasks, complete, deps);
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
    };
  }

  const startPage = params.PageNumber ?? 1;
  const first = await fetchPage({ ...params, PageNumber: startPage, PageSize: 100 }, deps);
  const complete = startPage === 1 && first.TotalCount <= options.maxResults;
  // The count probes run beside the remaining pages, not after them.
  const [assembled, probed] = await Promise.all([
    fetchAllPages(params, options.maxResults, deps, first),
    complete ? undefined : statusCounts(params, first.TotalCount, [], false, deps),
  ]);
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
    ExactByStatus: probed ?? (await statusCounts(params, assembled.TotalCount, assembled.Tasks, true, deps)),
    Complete: complete,
    DuplicatesDropped: assembled.DuplicatesDropped,
    RowsDropped: assembled.RowsDropped,
  };
}
