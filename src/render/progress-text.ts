// Text for task progress: one line per task, then failure reasons and estimates.
import type { TaskProgressView } from "../progress/task-view.js";
import type { TaskAttributeOutput } from "../contracts/task-attribute.js";
import type { WaitForTasksOutput } from "../contracts/wait-for-tasks.js";
import { isUtcSeconds } from "../util/utc.js";
import { formatDuration } from "./format.js";

/** A time that is not a real date is shown as received (cut after redaction), marked. */
const short = (iso: string | undefined) =>
  !iso ? "-" : isUtcSeconds(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}Z` : `${iso.length > 24 ? `${iso.slice(0, 23)}…` : iso} (not a date)`;

export function progressLine(t: TaskProgressView): string {
  const pct = t.Progress !== undefined ? `${t.Progress}%` : "progress unknown";
  const parts = [`${t.TaskId} (${t.TaskAction}): ${t.TaskStatus}, ${pct}`];
  if (t.TaskStatus === "Processing") parts.push(`running ${formatDuration(t.DurationSeconds)} since ${short(t.CreationTime)}`);
  else if (t.FinishedTime) parts.push(`ended ${short(t.FinishedTime)} after ${formatDuration(t.DurationSeconds)}`);
  if (t.EstimatedCompletionTime) parts.push(`ETA ${short(t.EstimatedCompletionTime)} (${t.EtaBasis})`);
  return parts.join("; ");
}

export function progressDetails(t: TaskProgressView): string[] {
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

/** The text of a wait_for_ecs_tasks answer, from its structured half. */
export function renderWaitText(out: WaitForTasksOutput): string {
  const lines = [
    out.Done
      ? `Done: all ${out.Tasks.length} task(s) ended after ${out.Polls} check(s) in ${formatDuration(out.ElapsedSeconds)}.`
      : `Not done after ${formatDuration(out.ElapsedSeconds)} (${out.Polls} checks): ${out.ResumeArguments?.TaskIds.length ?? 0} of ${out.Tasks.length} still running. ` +
        `Call wait_for_ecs_tasks again in about ${out.NextCheckAfterSeconds} s with ${JSON.stringify(out.ResumeArguments)}.`,
  ];
  for (const t of out.Tasks) {
    // An entry with TaskAction came from a successful look-up: it has every progress field.
    if (t.TaskAction !== undefined) lines.push(progressLine(t as TaskProgressView), ...progressDetails(t as TaskProgressView));
    else lines.push(`${t.TaskId}: could not be looked up`);
    if (t.LookupError) lines.push(`  Lookup failed: ${t.LookupError}`);
  }
  return lines.join("\n");
}

/** The text of a describe_ecs_task_attribute answer, from its structured half. */
export function renderAttributeText(out: TaskAttributeOutput): string {
  const counts =
    out.TotalCount !== undefined
      ? [`Items: ${out.SuccessCount ?? 0} succeeded, ${out.FailedCount ?? 0} failed, of ${out.TotalCount}.`]
      : [];
  return [`${out.RegionId}: ${progressLine(out)}`, ...counts, ...progressDetails(out), "", `RequestId: ${out.RequestId}`].join("\n");
}
