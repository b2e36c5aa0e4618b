// DescribeTaskAttribute: one task's progress, counts and per-operation errors.
// Covers ImportImage, ExportImage and ModifyDiskSpec only (the API says so).
import { emptyRecord } from "../util/counts.js";
import type { EcsApi, EcsResponse } from "./client.js";
import { describeTaskAttributeSchema, invalidTimes, parseBody, parseTaskProcess, type TimeField } from "./responses.js";

export { parseTaskProcess } from "./responses.js";

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
  /** Times ECS sent that are not real dates: kept as received, not converted. */
  InvalidTimes?: TimeField[];
}

export function parseDescribeTaskAttribute(res: EcsResponse): TaskDetail {
  const b = parseBody(describeTaskAttributeSchema, res, "DescribeTaskAttribute");
  const detail: TaskDetail = {
    RegionId: b.RegionId ?? "",
    RequestId: res.requestId ?? b.RequestId ?? "",
    TaskId: b.TaskId,
    TaskAction: b.TaskAction ?? "",
    TaskStatus: b.TaskStatus ?? "",
    TaskProcess: b.TaskProcess,
    SupportCancel: b.SupportCancel,
    Operations: b.OperationProgressSet.map((op) => {
      const related = emptyRecord<string>();
      for (const item of op.RelatedItemSet) if (item.Name) related[item.Name] = item.Value ?? "";
      return {
        OperationStatus: op.OperationStatus ?? "",
        RelatedItems: related,
        ...(op.ErrorCode ? { ErrorCode: op.ErrorCode } : {}),
        ...(op.ErrorMsg ? { ErrorMsg: op.ErrorMsg } : {}),
      };
    }),
  };
  const progress = parseTaskProcess(res.body.TaskProcess);
  if (progress !== undefined) detail.Progress = progress;
  else if (detail.TaskStatus === "Finished") detail.Progress = 100;
  for (const key of ["SuccessCount", "FailedCount", "TotalCount"] as const) {
    const n = b[key];
    if (n !== undefined) detail[key] = n;
  }
  if (b.CreationTime) detail.CreationTime = b.CreationTime;
  if (b.FinishedTime) detail.FinishedTime = b.FinishedTime;
  const invalid = invalidTimes(detail);
  if (invalid.length) detail.InvalidTimes = invalid;
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
