// Reading many DescribeTasks pages: the first one tells the total, the rest are fetched
// concurrently (bounded), reassembled in the API's order, and cut at MaxResults.
import type { EcsApi } from "../ecs/client.js";
import { PageError } from "../errors.js";
import { parseDescribeTasks, toDescribeTasksQuery, type DescribeTasksParams, type Task, type TaskPage } from "../ecs/tasks-api.js";
import { mapLimit } from "../util/concurrency.js";

export const ALL_PAGES_PAGE_SIZE = 100;
export const DEFAULT_PAGE_CONCURRENCY = 8;
/** Pages read beyond the planned ones to fill a gap left by tasks shifting between pages. */
const MAX_FILL_PAGES = 2;

/**
 * Rows still wanted across regions read in parallel (RegionId "all"): MaxResults is a total, so once
 * enough rows are held no region starts another page (pages already in flight finish).
 */
export class RowBudget {
  constructor(private left: number) {}

  get exhausted(): boolean {
    return this.left <= 0;
  }

  take(rows: number): void {
    this.left -= rows;
  }
}

export interface PageFetchDeps {
  ecs: EcsApi;
  now: () => Date;
  signal?: AbortSignal;
  /** Pages in flight at once. */
  concurrency?: number;
}

export interface AssembledTasks {
  TotalCount: number;
  Tasks: Task[];
  PagesFetched: number;
  /** More tasks match than were read (MaxResults reached). */
  Truncated: boolean;
  /** With PageSize 100, the page that holds the first task not returned. */
  NextPageNumber?: number;
  RequestIds: string[];
  /** Duplicates dropped when tasks shifted between pages while they were read. */
  DuplicatesDropped: number;
  /** Rows pages held beyond the PageSize asked for (dropped unread). */
  RowsDropped: number;
  /** Pages not read because the shared row budget was spent. */
  PagesSkipped: number;
}

export async function fetchPage(params: DescribeTasksParams, deps: PageFetchDeps): Promise<TaskPage> {
  const res = await deps.ecs.call("DescribeTasks", toDescribeTasksQuery(params), {
    regionId: params.RegionId,
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
  return parseDescribeTasks(res, deps.now(), params.PageSize);
}

export async function fetchAllPages(
  params: DescribeTasksParams,
  maxResults: number,
  deps: PageFetchDeps,
  first?: TaskPage,
  budget?: RowBudget,
): Promise<AssembledTasks> {
  const size = ALL_PAGES_PAGE_SIZE;
  const startPage = params.PageNumber ?? 1;
  const firstPage = first ?? (await fetchPage({ ...params, PageNumber: startPage, PageSize: size }, deps));
  const available = Math.max(0, firstPage.TotalCount - (startPage - 1) * size);
  const wanted = Math.min(available, maxResults);
  const lastPage = startPage + Math.max(0, Math.ceil(wanted / size) - 1);
  const rest = Array.from({ length: Math.max(0, lastPage - startPage) }, (_, i) => startPage + 1 + i);

  const read = await mapLimit(rest, deps.concurrency ?? DEFAULT_PAGE_CONCURRENCY, async (pageNumber) => {
    deps.signal?.throwIfAborted();
    // Pages start in order, so once the budget is spent every later page is skipped: the rows kept stay a prefix.
    if (budget?.exhausted) return undefined;
    try {
      const page = await fetchPage({ ...params, PageNumber: pageNumber, PageSize: size }, deps);
      budget?.take(page.Tasks.length);
      return page;
    } catch (err) {
      if (deps.signal?.aborted) throw err;
      throw new PageError(pageNumber, err);
    }
  });
  const pages = read.filter((p): p is TaskPage => p !== undefined);

  // Tasks created while we read shift later pages: keep the first sighting of each task, and
  // when that left a gap at the end, read on a page or two to fill it.
  const seen = new Set<string>();
  const tasks: Task[] = [];
  let duplicates = 0;
  const take = (page: TaskPage) => {
    for (const t of page.Tasks) {
      if (seen.has(t.TaskId)) duplicates++;
      else {
        seen.add(t.TaskId);
        tasks.push(t);
      }
    }
  };
  [firstPage, ...pages].forEach(take);
  let extra = 0;
  const skipped = read.length - pages.length;
  for (let next = lastPage + 1; skipped === 0 && duplicates > 0 && tasks.length < wanted && extra < MAX_FILL_PAGES; next++, extra++) {
    const page = await fetchPage({ ...params, PageNumber: next, PageSize: size }, deps).catch((err: unknown) => {
      throw deps.signal?.aborted ? err : new PageError(next, err);
    });
    pages.push(page);
    take(page);
    if (page.Tasks.length < size) break;
  }
  const kept = tasks.slice(0, maxResults);
  const truncated = available > kept.length;
  return {
    TotalCount: firstPage.TotalCount,
    Tasks: kept,
    PagesFetched: 1 + pages.length,
    Truncated: truncated,
    ...(truncated ? { NextPageNumber: startPage + Math.floor(kept.length / size) } : {}),
    RequestIds: [firstPage.RequestId, ...pages.map((p) => p.RequestId)],
    DuplicatesDropped: duplicates,
    RowsDropped: [firstPage, ...pages].reduce((n, p) => n + p.RowsDropped, 0),
    PagesSkipped: skipped,
  };
}
