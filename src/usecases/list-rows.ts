// The rows and the summary of a task list answer: local times beside UTC, percent and ETA of
// running rows, reasons of failed ones, and counts that say exactly what they cover.
import type { DescribeTasksOutput, ListedTask } from "../contracts/describe-tasks.js";
import { ATTRIBUTE_ACTIONS } from "../ecs/task-attribute-api.js";
import type { Task } from "../ecs/tasks-api.js";
import type { DetailLookups } from "../progress/enrich.js";
import { countBy } from "../ecs/tasks-api.js";
import type { AnswerZone } from "./answer-zone.js";
import { imageNameOf, type ImageNames } from "./image-names.js";

const MESSAGE_MAX = 300;
const clip = (s: string, max = MESSAGE_MAX) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** Actions DescribeTaskAttribute does not cover: the API has no percent and no reason for them. */
function noDetailNote(t: Task): string | undefined {
  if (ATTRIBUTE_ACTIONS.has(t.TaskAction) || (t.TaskStatus !== "Processing" && t.TaskStatus !== "Failed")) return undefined;
  return `The API gives no percent and no failure reason for ${t.TaskAction || "this action"}.`;
}

export function listedRow(t: Task, zone: AnswerZone, lookups: DetailLookups | undefined, images?: ImageNames): ListedTask {
  const detail = lookups?.details.get(t.TaskId);
  const lookupError = lookups?.errors.get(t.TaskId);
  const eta = detail?.Eta;
  const note = noDetailNote(t);
  const created = zone.local(t.CreationTime);
  const finished = zone.local(t.FinishedTime);
  const etaLocal = zone.local(eta?.EstimatedCompletionTime);
  return {
    TaskId: t.TaskId,
    ...(t.RegionId ? { RegionId: t.RegionId } : {}),
    TaskAction: t.TaskAction,
    TaskStatus: t.TaskStatus,
    ...(t.ResourceId ? { ResourceId: t.ResourceId } : {}),
    ...imageNameOf(images, t),
    ...(t.CreationTime ? { CreationTime: t.CreationTime } : {}),
    ...(created ? { CreationTimeLocal: created } : {}),
    ...(t.FinishedTime ? { FinishedTime: t.FinishedTime } : {}),
    ...(finished ? { FinishedTimeLocal: finished } : {}),
    SupportCancel: t.SupportCancel,
    ...(t.DurationSeconds !== undefined ? { DurationSeconds: t.DurationSeconds } : {}),
    ...(detail?.Progress !== undefined ? { Progress: detail.Progress } : {}),
    ...(eta?.EstimatedCompletionTime ? { EstimatedCompletionTime: eta.EstimatedCompletionTime } : {}),
    ...(etaLocal ? { EstimatedCompletionTimeLocal: etaLocal } : {}),
    ...(eta ? { EtaBasis: eta.EtaBasis } : {}),
    ...(eta?.OverdueSeconds !== undefined ? { OverdueSeconds: eta.OverdueSeconds } : {}),
    ...(detail?.ErrorCode ? { ErrorCode: detail.ErrorCode } : {}),
    ...(detail?.ErrorMsg ? { ErrorMsg: clip(detail.ErrorMsg) } : {}),
    ...(lookupError ? { LookupError: lookupError } : {}),
    ...(t.InvalidTimes ? { InvalidTimes: t.InvalidTimes } : {}),
    ...(note ? { Note: note } : {}),
  };
}

type Covers = DescribeTasksOutput["Summary"]["ByStatusCovers"];

/** Counts and spans over every task read (`covers` says whether that is the whole match). */
export function listSummary(
  read: readonly Task[],
  byStatus: Record<string, number>,
  covers: Covers,
  zone: AnswerZone,
): DescribeTasksOutput["Summary"] {
  let oldestRunning: Task | undefined;
  let oldest: string | undefined;
  let newest: string | undefined;
  for (const t of read) {
    const c = t.CreationTime;
    if (c) {
      if (oldest === undefined || c < oldest) oldest = c;
      if (newest === undefined || c > newest) newest = c;
    }
    if (t.TaskStatus === "Processing" && (!oldestRunning || (c ?? "") < (oldestRunning.CreationTime ?? ""))) oldestRunning = t;
  }
  const summary: DescribeTasksOutput["Summary"] = {
    ByStatus: byStatus,
    ByStatusCovers: "all matching tasks",
    ByAction: countBy(read, (t) => t.TaskAction),
    ByActionCovers: covers,
  };
  if (oldestRunning) {
    const local = zone.local(oldestRunning.CreationTime);
    summary.OldestProcessing = {
      TaskId: oldestRunning.TaskId,
      TaskAction: oldestRunning.TaskAction,
      ...(oldestRunning.CreationTime ? { CreationTime: oldestRunning.CreationTime } : {}),
      ...(local ? { CreationTimeLocal: local } : {}),
      ...(oldestRunning.DurationSeconds !== undefined ? { RunningSeconds: oldestRunning.DurationSeconds } : {}),
      Covers: covers,
    };
  }
  if (oldest && newest) {
    summary.Created = { Oldest: oldest, OldestLocal: zone.local(oldest) ?? oldest, Newest: newest, NewestLocal: zone.local(newest) ?? newest, Covers: covers };
  }
  return summary;
}
