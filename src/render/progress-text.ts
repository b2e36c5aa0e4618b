// Text for task progress: one line per task, then failure reasons and estimates.
import type { TaskProgressView } from "../progress/task-view.js";
import { formatDuration } from "./summary.js";

const short = (iso: string | undefined) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}Z` : "-");

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
