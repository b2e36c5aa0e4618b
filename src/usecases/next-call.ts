// Next: the exact arguments that continue an answer, so no row is ever skipped by paging. The API
// pages by PageNumber and PageSize, so continuing at any row means choosing a page size that
// divides the number of rows already seen.
import type { DescribeTasksInput } from "../contracts/describe-tasks.js";

export interface PageStart {
  PageNumber: number;
  PageSize: number;
}

/** A page whose first row is row `offset + 1`: the largest page size (at most 100) dividing `offset`. */
export function pageStartingAfter(offset: number): PageStart {
  if (offset <= 0) return { PageNumber: 1, PageSize: 100 };
  for (let size = Math.min(100, offset); size > 1; size--) {
    if (offset % size === 0) return { PageNumber: offset / size + 1, PageSize: size };
  }
  return { PageNumber: offset + 1, PageSize: 1 };
}

/** The filters of this answer as arguments, times made absolute so "last 2 hours" means the same rows later. */
export function baseArguments(args: DescribeTasksInput, sent: { RegionId: string; StartTime?: string; EndTime?: string; TaskIds?: string[]; TimeZone: string }): Record<string, unknown> {
  return {
    RegionId: sent.RegionId,
    ...(sent.TaskIds ? { TaskIds: sent.TaskIds } : {}),
    ...(args.TaskAction ? { TaskAction: args.TaskAction } : {}),
    ...(args.TaskStatus ? { TaskStatus: args.TaskStatus } : {}),
    ...(sent.StartTime ? { StartTime: sent.StartTime } : {}),
    ...(sent.EndTime ? { EndTime: sent.EndTime } : {}),
    ...(args.ResourceIds ? { ResourceIds: args.ResourceIds } : {}),
    ...(args.TimeZone !== undefined ? { TimeZone: sent.TimeZone } : {}),
    ...(args.IncludeProgress === false ? { IncludeProgress: false } : {}),
    ...(args.Profile !== undefined ? { Profile: args.Profile } : {}),
  };
}
