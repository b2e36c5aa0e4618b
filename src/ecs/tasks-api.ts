// DescribeTasks: typed parameters -> wire query, and the parsed answer (see responses.ts, which
// absorbs the API's quirks) -> the server's Task model.
import { tally } from "../util/counts.js";
import { elapsedSeconds } from "../util/utc.js";
import type { EcsResponse, QueryParams } from "./client.js";
import { capTaskRows, describeTasksSchema, invalidTimes, parseBody, taskRowSchema, type TaskRow, type TimeField } from "./responses.js";

export { normalizeApiTime, parseSupportCancel } from "./responses.js";

export const TASK_ACTIONS = ["ImportImage", "ExportImage", "RedeployInstance", "ModifyDiskSpec", "ArchiveSnapshot"] as const;
export const TASK_STATUSES = ["Finished", "Processing", "Failed"] as const;
/** DescribeTasks' PageSize when none is sent, and its largest. */
export const API_DEFAULT_PAGE_SIZE = 10;
export const API_MAX_PAGE_SIZE = 100;
export type TaskAction = (typeof TASK_ACTIONS)[number];
export type TaskStatus = (typeof TASK_STATUSES)[number];

export interface DescribeTasksParams {
  RegionId: string;
  TaskIds?: string[];
  TaskAction?: TaskAction;
  TaskStatus?: TaskStatus;
  /** `yyyy-MM-ddTHH:mm:ssZ` UTC. */
  StartTime?: string;
  EndTime?: string;
  ResourceIds?: string[];
  PageNumber?: number;
  PageSize?: number;
}

/** Exactly the given filters; arrays flattened the way the API wants them. */
export function toDescribeTasksQuery(p: DescribeTasksParams): QueryParams {
  const q: QueryParams = { RegionId: p.RegionId };
  if (p.TaskIds?.length) q.TaskIds = p.TaskIds.join(",");
  if (p.TaskAction) q.TaskAction = p.TaskAction;
  if (p.TaskStatus) q.TaskStatus = p.TaskStatus;
  if (p.StartTime) q.StartTime = p.StartTime;
  if (p.EndTime) q.EndTime = p.EndTime;
  p.ResourceIds?.forEach((id, i) => {
    q[`ResourceIds.${i + 1}`] = id;
  });
  if (p.PageNumber !== undefined) q.PageNumber = String(p.PageNumber);
  if (p.PageSize !== undefined) q.PageSize = String(p.PageSize);
  return q;
}

export interface Task {
  TaskId: string;
  /** Set when tasks of several regions are merged. */
  RegionId?: string;
  TaskAction: string;
  /** Open string: older documents show Waiting, Paused, Deleted, Pending. */
  TaskStatus: string;
  ResourceId?: string;
  CreationTime?: string;
  FinishedTime?: string;
  SupportCancel: boolean;
  /** Finished/Failed: FinishedTime − CreationTime; still running: time elapsed so far. */
  DurationSeconds?: number;
  /** Times ECS sent that are not real dates: kept as received, not converted, no DurationSeconds. */
  InvalidTimes?: TimeField[];
}

export interface TaskPage {
  RegionId: string;
  TotalCount: number;
  PageNumber: number;
  PageSize: number;
  RequestId: string;
  Tasks: Task[];
  /** Which credential provider signed the call. */
  ProviderName: string;
  /** Rows the answer held beyond the PageSize asked for: dropped unread. */
  RowsDropped: number;
}

/** Tasks per value of `key` (an empty value counts as "(unknown)"); any word is an ordinary key. */
export function countBy(tasks: readonly Task[], key: (t: Task) => string): Record<string, number> {
  return tally(tasks, (t) => key(t) || "(unknown)");
}

/** A parsed row as the server's Task: DurationSeconds is worked out here, once, for every tool. */
export function taskFromRow(row: TaskRow, now: Date): Task {
  const task: Task = {
    TaskId: row.TaskId ?? "",
    TaskAction: row.TaskAction ?? "",
    TaskStatus: row.TaskStatus ?? "",
    SupportCancel: row.SupportCancel,
  };
  if (row.ResourceId) task.ResourceId = row.ResourceId;
  if (row.CreationTime) task.CreationTime = row.CreationTime;
  if (row.FinishedTime) task.FinishedTime = row.FinishedTime;
  const seconds = elapsedSeconds(row.CreationTime, row.FinishedTime, now.getTime());
  if (seconds !== undefined) task.DurationSeconds = seconds;
  const invalid = invalidTimes(row);
  if (invalid.length) task.InvalidTimes = invalid;
  return task;
}

/** One raw task object as the server's Task (the same preprocessing as a whole page). */
export function normalizeTask(raw: Record<string, unknown>, now: Date): Task {
  return taskFromRow(taskRowSchema.parse(raw), now);
}

/** `pageSize`: the PageSize sent (the API's default when none was): rows beyond it are dropped. */
export function parseDescribeTasks(res: EcsResponse, now: Date, pageSize = API_DEFAULT_PAGE_SIZE): TaskPage {
  const capped = capTaskRows(res.body, pageSize);
  const body = parseBody(describeTasksSchema, { ...res, body: capped.body }, "DescribeTasks");
  const tasks = body.TaskSet.map((row) => taskFromRow(row, now));
  return {
    RegionId: body.RegionId ?? "",
    TotalCount: body.TotalCount,
    PageNumber: body.PageNumber ?? 1,
    PageSize: Math.min(body.PageSize ?? pageSize, API_MAX_PAGE_SIZE),
    RequestId: res.requestId ?? body.RequestId ?? "",
    Tasks: tasks,
    ProviderName: res.providerName,
    RowsDropped: capped.dropped,
  };
}
