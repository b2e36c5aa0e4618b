// Exact counts per status for the whole match, without reading every task: one-row queries
// (PageSize 1) per status, in parallel, reading only TotalCount.
import { TASK_STATUSES, type DescribeTasksParams } from "../ecs/tasks-api.js";
import { emptyRecord } from "../util/counts.js";
import { fetchPage, type PageFetchDeps } from "./pages.js";

export async function countByStatus(params: DescribeTasksParams, deps: PageFetchDeps): Promise<Record<string, number>> {
  const { PageNumber: _n, PageSize: _s, ...filters } = params;
  const totals = await Promise.all(
    TASK_STATUSES.map(async (status) => {
      const page = await fetchPage({ ...filters, TaskStatus: status, PageNumber: 1, PageSize: 1 }, deps);
      return [status, page.TotalCount] as const;
    }),
  );
  const counts = emptyRecord<number>();
  for (const [status, n] of totals) if (n > 0) counts[status] = n;
  return counts;
}
