// DescribeTasks: typed parameters -> wire query, and the raw answer -> normalised tasks.
// Absorbs the API's quirks: minute-precision times, SupportCancel as a string, empty FinishedTime,
// TaskSet sometimes wrapped in an array.
import type { EcsResponse, QueryParams } from "./client.js";
import { EcsResponseError } from "./errors.js";

export const TASK_ACTIONS = ["ImportImage", "ExportImage", "RedeployInstance", "ModifyDiskSpec", "ArchiveSnapshot"] as const;
export const TASK_STATUSES = ["Finished", "Processing", "Failed"] as const;
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
}

/** Tasks per value of `key` (an empty value counts as "(unknown)"). */
export function countBy(tasks: readonly Task[], key: (t: Task) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of tasks) {
    const k = key(t) || "(unknown)";
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}

const API_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?(?:\.\d+)?Z$/;

/** `2020-11-24T12:50Z` -> `2020-11-24T12:50:00Z`; other parseable forms to UTC seconds; junk -> undefined. */
export function normalizeApiTime(value: unknown): string | undefined {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const m = API_TIME.exec(value.trim());
  if (m) return `${m[1]}${m[2] ?? ":00"}Z`;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function parseSupportCancel(value: unknown): boolean {
  return value === true || (typeof value === "string" && value.toLowerCase() === "true");
}

function text(value: unknown): string | undefined {
  if (typeof value === "string") return value === "" ? undefined : value;
  if (typeof value === "number") return String(value);
  return undefined;
}

export function normalizeTask(raw: Record<string, unknown>, now: Date): Task {
  const task: Task = {
    TaskId: text(raw.TaskId) ?? "",
    TaskAction: text(raw.TaskAction) ?? "",
    TaskStatus: text(raw.TaskStatus) ?? "",
    SupportCancel: parseSupportCancel(raw.SupportCancel),
  };
  const resource = text(raw.ResourceId);
  if (resource) task.ResourceId = resource;
  const created = normalizeApiTime(raw.CreationTime);
  const finished = normalizeApiTime(raw.FinishedTime);
  if (created) task.CreationTime = created;
  if (finished) task.FinishedTime = finished;
  if (created) {
    const end = finished ? Date.parse(finished) : now.getTime();
    const seconds = Math.floor((end - Date.parse(created)) / 1000);
    if (seconds >= 0) task.DurationSeconds = seconds;
  }
  return task;
}

function integer(value: unknown): number | undefined {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** `TaskSet.Task[]`, tolerating the older `TaskSet: [{Task: [...]}]` shape and a single object. */
function rawTasks(taskSet: unknown): unknown[] | undefined {
  if (taskSet === undefined || taskSet === null || taskSet === "") return [];
  const holder: unknown = Array.isArray(taskSet) ? taskSet[0] : taskSet;
  if (holder === undefined) return [];
  if (typeof holder !== "object" || holder === null) return undefined;
  const list = (holder as { Task?: unknown }).Task;
  if (list === undefined) return [];
  if (Array.isArray(list)) return list as unknown[];
  return typeof list === "object" && list !== null ? [list] : undefined;
}

export function parseDescribeTasks(res: EcsResponse, now: Date): TaskPage {
  const b = res.body;
  const totalCount = integer(b.TotalCount);
  const list = rawTasks(b.TaskSet);
  const bad = (what: string): never => {
    throw new EcsResponseError(
      res.httpStatus,
      res.endpoint,
      "DescribeTasks",
      JSON.stringify(b).slice(0, 200),
      `DescribeTasks answered with ${what}`,
    );
  };
  if (totalCount === undefined) bad("a TotalCount that is not a whole number");
  if (list === undefined) bad("a TaskSet that is not a list of tasks");
  const tasks = (list ?? []).map((t) =>
    t && typeof t === "object" ? normalizeTask(t as Record<string, unknown>, now) : bad("a task that is not an object"),
  );
  return {
    RegionId: text(b.RegionId) ?? "",
    TotalCount: totalCount ?? 0,
    PageNumber: integer(b.PageNumber) ?? 1,
    PageSize: integer(b.PageSize) ?? tasks.length,
    RequestId: res.requestId ?? text(b.RequestId) ?? "",
    Tasks: tasks,
    ProviderName: res.providerName,
  };
}
