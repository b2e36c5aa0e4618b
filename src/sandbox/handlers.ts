// Per-action logic: DescribeTasks, DescribeTaskAttribute, CancelTask, DescribeRegions, DescribeImages (images.ts).
// Answers mirror the API reference's shapes, including its quirks (minute-precision times,
// SupportCancel as a string, empty FinishedTime while running).
import { ATTRIBUTE_ACTIONS, CANCELLABLE_ACTIONS, defaultFailure, isTaskAction } from "./catalog.js";
import { compareTasks } from "./data.js";
import { describeImagesBody } from "./images.js";
import { liveStatus, liveTask, minuteTime } from "./live.js";
import { invalidParameter, optionalInteger, optionalTime, required } from "./params.js";
import { regionLocalName } from "./regions.js";
import { SandboxApiError, type SandboxTask } from "./types.js";

export interface SandboxState {
  tasks: SandboxTask[];
  /** Every region the sandbox serves (configured plus those found in the data). */
  regions(): string[];
  isKnownRegion(regionId: string): boolean;
}

export interface ActionContext {
  query: Record<string, string>;
  now: Date;
  requestId: string;
  state: SandboxState;
}

type Body = Record<string, unknown>;
export type ActionHandler = (ctx: ActionContext) => Body;

const MAX_IDS = 100;

function region(ctx: ActionContext): string {
  const regionId = required(ctx.query, "RegionId");
  if (!ctx.state.isKnownRegion(regionId)) {
    throw new SandboxApiError(400, "InvalidRegionId.NotFound", "The specified RegionId does not exist.");
  }
  return regionId;
}

function findTask(ctx: ActionContext, regionId: string): SandboxTask {
  const taskId = required(ctx.query, "TaskId");
  const task = ctx.state.tasks.find((t) => t.TaskId === taskId && t.RegionId === regionId);
  if (!task) throw new SandboxApiError(404, "InvalidTaskId.NotFound", 'The specified "TaskId" is not found.');
  return task;
}

function actionNotSupported(): SandboxApiError {
  return new SandboxApiError(403, "InvalidTaskId.TaskActionNotSupport", "The specified task action does not support this operation.");
}

/** ResourceIds.1 … ResourceIds.100, the RPC way of sending a list. */
function resourceIds(query: Record<string, string>): Set<string> | undefined {
  const ids = new Set<string>();
  for (const [name, value] of Object.entries(query)) {
    const m = /^ResourceIds\.(\d+)$/.exec(name);
    if (!m) continue;
    const n = Number(m[1]);
    if (n < 1 || n > MAX_IDS) throw invalidParameter(name);
    if (value !== "") ids.add(value);
  }
  return ids.size > 0 ? ids : undefined;
}

const describeTasks: ActionHandler = (ctx) => {
  const { query, now } = ctx;
  const regionId = region(ctx);
  const pageNumber = optionalInteger(query, "PageNumber", 1, 1, Number.MAX_SAFE_INTEGER);
  const pageSize = optionalInteger(query, "PageSize", 10, 1, 100);
  let taskIds: Set<string> | undefined;
  if (query["TaskIds"]) {
    const list = query["TaskIds"].split(",").map((s) => s.trim()).filter((s) => s !== "");
    if (list.length > MAX_IDS) throw invalidParameter("TaskIds");
    taskIds = new Set(list);
  }
  const action = query["TaskAction"] || undefined;
  if (action !== undefined && !isTaskAction(action)) throw invalidParameter("TaskAction");
  // Unknown status words are silently ignored, as the API does.
  const rawStatus = query["TaskStatus"];
  const status = rawStatus === "Finished" || rawStatus === "Processing" || rawStatus === "Failed" ? rawStatus : undefined;
  const start = optionalTime(query, "StartTime")?.getTime();
  const end = optionalTime(query, "EndTime")?.getTime();
  const resources = resourceIds(query);

  const matches: SandboxTask[] = [];
  let sorted = true;
  for (const task of ctx.state.tasks) {
    if (task.RegionId !== regionId) continue;
    if (taskIds && !taskIds.has(task.TaskId)) continue;
    if (action && task.TaskAction !== action) continue;
    if (resources && !resources.has(task.ResourceId)) continue;
    const created = task.CreationTime.getTime();
    if (start !== undefined && created < start) continue;
    if (end !== undefined && created > end) continue;
    if (status && liveStatus(task, now) !== status) continue;
    const previous = matches[matches.length - 1];
    if (previous && compareTasks(previous, task) > 0) sorted = false;
    matches.push(task);
  }
  // Data usually arrives sorted (the generators sort), so 100,000 tasks need no sort per call.
  if (!sorted) matches.sort(compareTasks);
  const page = matches.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  return {
    PageSize: pageSize,
    PageNumber: pageNumber,
    TotalCount: matches.length,
    RegionId: regionId,
    RequestId: ctx.requestId,
    TaskSet: {
      Task: page.map((task) => {
        const live = liveTask(task, now);
        return {
          TaskId: task.TaskId,
          TaskAction: task.TaskAction,
          TaskStatus: live.status,
          SupportCancel: String(live.supportCancel),
          CreationTime: minuteTime(task.CreationTime),
          FinishedTime: live.status === "Processing" ? "" : minuteTime(live.finishedTime),
          ResourceId: task.ResourceId,
        };
      }),
    },
  };
};

const OPERATION_STATUS: Record<string, string> = { Finished: "Success", Failed: "Failed", Processing: "Processing" };

const describeTaskAttribute: ActionHandler = (ctx) => {
  const regionId = region(ctx);
  const task = findTask(ctx, regionId);
  if (!ATTRIBUTE_ACTIONS.has(task.TaskAction)) throw actionNotSupported();
  const live = liveTask(task, ctx.now);
  const failed = live.status === "Failed";
  const failure = failed ? (task.failure ?? defaultFailure(task.TaskAction)) : undefined;
  return {
    TaskId: task.TaskId,
    TaskAction: task.TaskAction,
    TaskStatus: live.status,
    TaskProcess: `${live.percent}%`,
    SupportCancel: String(live.supportCancel),
    // One resource per task, as ImportImage/ExportImage/ModifyDiskSpec each act on one.
    SuccessCount: live.status === "Finished" ? 1 : 0,
    FailedCount: failed ? 1 : 0,
    TotalCount: 1,
    CreationTime: minuteTime(task.CreationTime),
    FinishedTime: live.status === "Processing" ? "" : minuteTime(live.finishedTime),
    RegionId: regionId,
    RequestId: ctx.requestId,
    OperationProgressSet: {
      OperationProgress: [
        {
          OperationStatus: Object.hasOwn(OPERATION_STATUS, live.status) ? OPERATION_STATUS[live.status] : live.status,
          ErrorCode: failure?.ErrorCode ?? "",
          ErrorMsg: failure?.ErrorMsg ?? "",
          RelatedItemSet: {
            RelatedItem: Object.entries(task.relatedItems ?? {}).map(([Name, Value]) => ({ Name, Value })),
          },
        },
      ],
    },
  };
};

/**
 * Ends a task now: the switch behind finishTask and CancelTask. The progress reached is kept
 * in progressStartPercent so a Failed task reports where it stopped.
 */
export function settleTask(
  task: SandboxTask,
  status: "Finished" | "Failed",
  now: Date,
  failure?: { ErrorCode: string; ErrorMsg: string },
): void {
  const live = liveTask(task, now);
  // Already over by the clock (finishAt passed)? Keep that end time rather than rewrite history.
  task.FinishedTime = live.status === "Processing" ? now : (live.finishedTime ?? task.FinishedTime ?? now);
  if (status === "Failed") {
    if (live.status === "Processing") task.progressStartPercent = live.percent;
    task.failure = failure ?? task.failure ?? defaultFailure(task.TaskAction);
  }
  task.TaskStatus = status;
  task.SupportCancel = false;
  delete task.finishAt;
  delete task.progressStartTime;
}

const cancelTask: ActionHandler = (ctx) => {
  const regionId = region(ctx);
  const task = findTask(ctx, regionId);
  if (!CANCELLABLE_ACTIONS.has(task.TaskAction)) throw actionNotSupported();
  const live = liveTask(task, ctx.now);
  if (live.status !== "Processing") {
    throw new SandboxApiError(403, "InvalidTaskId.IncorrectTaskStatus", "The current status of the task does not support this operation.");
  }
  if (!live.supportCancel) throw new SandboxApiError(403, "CancelTaskFailed", "The task cannot be cancelled at this stage.");
  // A cancelled import/export reads as Failed with a cancellation error, not as Finished.
  settleTask(task, "Failed", ctx.now, { ErrorCode: "TaskCancelled", ErrorMsg: "The task was cancelled by the user." });
  return { RequestId: ctx.requestId };
};

const describeRegions: ActionHandler = (ctx) => {
  const language = ctx.query["AcceptLanguage"] === "en-US" ? "en-US" : "zh-CN";
  return {
    RequestId: ctx.requestId,
    Regions: {
      Region: ctx.state.regions().map((id) => ({
        RegionId: id,
        RegionEndpoint: `ecs.${id}.aliyuncs.com`,
        LocalName: regionLocalName(id, language),
        Status: "available",
      })),
    },
  };
};

const describeImages: ActionHandler = (ctx) => describeImagesBody(ctx.state.tasks, region(ctx), ctx.query, ctx.now, ctx.requestId);

export const ACTIONS: Readonly<Record<string, ActionHandler>> = {
  DescribeImages: describeImages,
  DescribeTasks: describeTasks,
  DescribeTaskAttribute: describeTaskAttribute,
  CancelTask: cancelTask,
  DescribeRegions: describeRegions,
};
