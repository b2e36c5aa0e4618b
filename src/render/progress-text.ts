// Text for task progress: one line per task, then failure reasons and estimates, every time in the
// answer's zone. Pure renderers of the structured answers, complete on their own.
import type { TaskAttributeOutput } from "../contracts/task-attribute.js";
import type { TaskProgressOutput } from "../contracts/task-progress.js";
import type { WaitForTasksOutput } from "../contracts/wait-for-tasks.js";
import { isUtcSeconds } from "../util/utc.js";
import { formatDuration, profileLine } from "./format.js";

/** The local time; a time that is not a real date has none, so it is shown as received (cut after redaction), marked. */
const at = (local: string | undefined, raw?: string) =>
  local ?? (!raw ? "-" : isUtcSeconds(raw) ? raw : `${raw.length > 24 ? `${raw.slice(0, 23)}…` : raw} (not a date)`);

function statusText(t: TaskProgressOutput): string {
  if (t.TaskStatus === "Failed") return t.Progress !== undefined ? `Failed at ${t.Progress}%` : "Failed";
  return `${t.TaskStatus}, ${t.Progress !== undefined ? `${t.Progress}%` : "progress unknown"}`;
}

export function progressLine(t: TaskProgressOutput): string {
  const parts = [`${t.TaskId} (${t.TaskAction}): ${statusText(t)}`];
  if (t.TaskStatus === "Processing") parts.push(`running for ${formatDuration(t.DurationSeconds)} since ${at(t.CreationTimeLocal, t.CreationTime)}`);
  else if (t.FinishedTime) parts.push(`ended ${at(t.FinishedTimeLocal, t.FinishedTime)} after ${formatDuration(t.DurationSeconds)}`);
  if (t.EstimatedCompletionTimeLocal) parts.push(`ETA ${t.EstimatedCompletionTimeLocal} (${t.EtaBasis})`);
  else if (t.OverdueSeconds !== undefined) parts.push(`overdue by ${formatDuration(t.OverdueSeconds)} against the typical duration`);
  if (t.TaskStatus === "Processing" && t.SupportCancel) parts.push("can be cancelled");
  if (t.ResourceId) parts.push(t.ImageName ? `image ${t.ResourceId} "${t.ImageName}"` : `resource ${t.ResourceId}`);
  return parts.join("; ");
}

export function progressDetails(t: TaskProgressOutput): string[] {
  const lines: string[] = [];
  if (t.Failure) {
    const code = t.Failure.ErrorCode ? `${t.Failure.ErrorCode}: ` : "";
    lines.push(`  Failed because ${code}${t.Failure.ErrorMsg ?? "no reason given"}`);
    if (t.Failure.Hint) lines.push(`  Hint: ${t.Failure.Hint}`);
  }
  for (const op of t.Operations) {
    const items = Object.entries(op.RelatedItems).map(([k, v]) => `${k}=${v}`);
    if (items.length) lines.push(`  ${op.OperationStatus || "Operation"}: ${items.join(", ")}`);
  }
  if (t.EtaNote) lines.push(`  Estimate: ${t.EtaNote}`);
  return lines;
}

/** Where the times are: the zone note names the server's zone when the caller gave none. */
export const zoneLine = (out: { TimeZone: string; ZoneNote?: string | undefined }) => out.ZoneNote ?? `Times in ${out.TimeZone}.`;

function outcomeText(o: WaitForTasksOutput["Outcome"]): string {
  const parts = [
    o.Finished ? `${o.Finished} finished` : "",
    o.Failed ? `${o.Failed} failed` : "",
    o.StillRunning ? `${o.StillRunning} still running` : "",
    o.NotLookedUp ? `${o.NotLookedUp} could not be looked up` : "",
  ].filter(Boolean);
  return parts.join(", ");
}

/** The text of a wait_for_ecs_tasks answer, from its structured half. */
export function renderWaitText(out: WaitForTasksOutput): string {
  const lines = out.Notice ? [out.Notice] : [];
  const after = `after ${out.Polls} check(s) in ${formatDuration(out.ElapsedSeconds)}`;
  lines.push(out.Done ? `Done ${after}: ${outcomeText(out.Outcome)}.` : `Not done ${after}: ${outcomeText(out.Outcome)}.`);
  if (out.Advice) lines.push(out.Advice);
  if (out.ResumeArguments) {
    lines.push(`To wait more, call wait_for_ecs_tasks in about ${out.NextCheckAfterSeconds} s with ${JSON.stringify(out.ResumeArguments)}.`);
  }
  for (const t of out.Tasks) {
    const where = t.RegionId ? ` [${t.RegionId}]` : "";
    // An entry with TaskAction came from a successful look-up: it has every progress field.
    if (t.TaskAction !== undefined) lines.push(progressLine(t as TaskProgressOutput) + where, ...progressDetails(t as TaskProgressOutput));
    else lines.push(`${t.TaskId}${where}: could not be looked up`);
    if (t.LookupError) lines.push(`  Lookup failed: ${t.LookupError}`);
  }
  if (out.ImageNote) lines.push(`Note: ${out.ImageNote}`);
  if (out.Profile) lines.push(profileLine(out.Profile, out.CredentialProvider));
  lines.push(zoneLine(out));
  return lines.join("\n");
}

/** The text of a describe_ecs_task_attribute answer, from its structured half. */
export function renderAttributeText(out: TaskAttributeOutput): string {
  const counts =
    out.TotalCount !== undefined
      ? [`Items: ${out.SuccessCount ?? 0} succeeded, ${out.FailedCount ?? 0} failed, of ${out.TotalCount}.`]
      : [];
  const notice = out.Notice ? [out.Notice] : [];
  const note = [...(out.ImageNote ? [`Note: ${out.ImageNote}`] : []), ...(out.Profile ? [profileLine(out.Profile, out.CredentialProvider)] : [])];
  return [...notice, `${out.RegionId}: ${progressLine(out)}`, ...counts, ...progressDetails(out), ...note, zoneLine(out), "", `RequestId: ${out.RequestId}`].join("\n");
}
