// DescribeTaskAttribute: one task's progress, counts and per-operation errors.
// Covers ImportImage, ExportImage and ModifyDiskSpec only (the API says so).
import type { EcsApi, EcsResponse } from "./client.js";
import { EcsResponseError } from "./errors.js";
import { normalizeApiTime, parseSupportCancel } from "./tasks-api.js";

export const ATTRIBUTE_ACTIONS: ReadonlySet<string> = new Set(["ImportImage", "ExportImage", "ModifyDiskSpec"]);

export interface Operation {
  OperationStatus: string;
  ErrorCode?: string;
  ErrorMsg?: string;
  RelatedItems: Record<string, string>;
}

export interface TaskDetail {
  RegionId: string;
  RequestId: string;
  TaskId: string;
  TaskAction: string;
  TaskStatus: string;
  /** 0..100 from `TaskProcess`; absent when the API gave no percent. */
  Progress?: number;
  /** `TaskProcess` as the API sent it, e.g. "63%". */
  TaskProcess: string;
  SuccessCount?: number;
  FailedCount?: number;
  TotalCount?: number;
  CreationTime?: string;
  FinishedTime?: string;
  SupportCancel: boolean;
  Operations: Operation[];
}

/** "63%" -> 63, "100%" -> 100, "7.5%" -> 7.5, "" / missing / junk -> undefined; clamped to 0..100. */
export function parseTaskProcess(raw: unknown): number | undefined {
  if (typeof raw === "number") return Number.isFinite(raw) ? Math.min(100, Math.max(0, raw)) : undefined;
  if (typeof raw !== "string") return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(raw);
  if (!m) return undefined;
  return Math.min(100, Math.max(0, Number(m[1])));
}

function str(v: unknown): string | undefined {
  if (typeof v === "string") return v === "" ? undefined : v;
  if (typeof v === "number") return String(v);
  return undefined;
}

function count(v: unknown): number | undefined {
  const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
  return typeof n === "number" && Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** `{X: [..]}` or `[{X: [..]}]` or a lone object -> a list (the API wraps lists inconsistently). */
function listOf(holder: unknown, key: string): unknown[] {
  const inner: unknown = Array.isArray(holder) ? holder[0] : holder;
  if (!inner || typeof inner !== "object") return [];
  const list = (inner as Record<string, unknown>)[key];
  if (Array.isArray(list)) return list;
  return list && typeof list === "object" ? [list] : [];
}

function parseOperation(raw: unknown): Operation {
  const r = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  const related: Record<string, string> = {};
  for (const item of listOf(r.RelatedItemSet, "RelatedItem")) {
    const it = (item ?? {}) as Record<string, unknown>;
    const name = str(it.Name);
    if (name) related[name] = str(it.Value) ?? "";
  }
  const op: Operation = { OperationStatus: str(r.OperationStatus) ?? "", RelatedItems: related };
  const code = str(r.ErrorCode);
  const msg = str(r.ErrorMsg);
  if (code) op.ErrorCode = code;
  if (msg) op.ErrorMsg = msg;
  return op;
}

export function parseDescribeTaskAttribute(res: EcsResponse): TaskDetail {
  const b = res.body;
  const taskId = str(b.TaskId);
  if (!taskId) {
    throw new EcsResponseError(res.httpStatus, res.endpoint, "DescribeTaskAttribute", JSON.stringify(b).slice(0, 200), "DescribeTaskAttribute answered without a TaskId");
  }
  const detail: TaskDetail = {
    RegionId: str(b.RegionId) ?? "",
    RequestId: res.requestId ?? str(b.RequestId) ?? "",
    TaskId: taskId,
    TaskAction: str(b.TaskAction) ?? "",
    TaskStatus: str(b.TaskStatus) ?? "",
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a number in practice; any other shape is shown as String() renders it
    TaskProcess: typeof b.TaskProcess === "string" ? b.TaskProcess : b.TaskProcess === undefined ? "" : String(b.TaskProcess),
    SupportCancel: parseSupportCancel(b.SupportCancel),
    Operations: listOf(b.OperationProgressSet, "OperationProgress").map(parseOperation),
  };
  const progress = parseTaskProcess(b.TaskProcess);
  if (progress !== undefined) detail.Progress = progress;
  else if (detail.TaskStatus === "Finished") detail.Progress = 100;
  for (const key of ["SuccessCount", "FailedCount", "TotalCount"] as const) {
    const n = count(b[key]);
    if (n !== undefined) detail[key] = n;
  }
  const created = normalizeApiTime(b.CreationTime);
  const finished = normalizeApiTime(b.FinishedTime);
  if (created) detail.CreationTime = created;
  if (finished) detail.FinishedTime = finished;
  return detail;
}

export async function describeTaskAttribute(
  ecs: EcsApi,
  regionId: string,
  taskId: string,
  signal?: AbortSignal,
): Promise<{ detail: TaskDetail; providerName: string }> {
  const res = await ecs.call("DescribeTaskAttribute", { RegionId: regionId, TaskId: taskId }, { regionId, ...(signal ? { signal } : {}) });
  return { detail: parseDescribeTaskAttribute(res), providerName: res.providerName };
}
