// The text half of a describe_ecs_tasks answer: a line of counts, the window, then a small table.
// It must stand on its own for a model that never reads structuredContent, and stay compact.
import type { DescribeTasksOutput } from "../tools/describe-tasks.js";
import { formatCounts, formatDuration } from "./summary.js";

/** Rows shown in text; structuredContent always holds every returned task. */
export const TEXT_ROW_LIMIT = 30;

/** `2026-11-28T12:10:00Z` -> `2026-11-28 12:10Z` (the API has minute precision anyway). */
function shortTime(iso: string | undefined): string {
  return iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}Z` : "-";
}

function filtersLine(q: DescribeTasksOutput["Query"]): string | undefined {
  const parts: string[] = [];
  if (q.TaskAction) parts.push(`TaskAction=${q.TaskAction}`);
  if (q.TaskStatus) parts.push(`TaskStatus=${q.TaskStatus}`);
  if (q.TaskIds) parts.push(`TaskIds=${q.TaskIds}`);
  if (q.ResourceIds) parts.push(`ResourceIds=${q.ResourceIds.join(",")}`);
  return parts.length ? `Filters: ${parts.join(", ")}.` : undefined;
}

function windowLine(q: DescribeTasksOutput["Query"]): string | undefined {
  if (!q.StartTime && !q.EndTime) return undefined;
  const sent = [q.StartTime ? `StartTime=${q.StartTime}` : "", q.EndTime ? `EndTime=${q.EndTime}` : ""].filter(Boolean).join(", ");
  return `Created: ${q.TimeWindow ?? "(window)"} (sent ${sent}).`;
}

export function renderTasksText(out: DescribeTasksOutput): string {
  const lines: string[] = [];
  const first = (out.PageNumber - 1) * out.PageSize + 1;
  const head =
    out.Returned === 0
      ? `${out.RegionId}: ${out.TotalCount} task(s) match; none on page ${out.PageNumber}.`
      : `${out.RegionId}: ${out.TotalCount} task(s) match; showing ${first}-${first + out.Returned - 1} (page ${out.PageNumber}, size ${out.PageSize}).`;
  lines.push(head);
  if (out.HasMore) {
    lines.push(`More: ${out.TotalCount - (first + out.Returned - 1)} not shown; call again with PageNumber=${out.NextPageNumber}.`);
  }
  const window = windowLine(out.Query);
  if (window) lines.push(window);
  const filters = filtersLine(out.Query);
  if (filters) lines.push(filters);
  if (out.Returned > 0) {
    lines.push(`Shown by status: ${formatCounts(out.Summary.ByStatus)}. By action: ${formatCounts(out.Summary.ByAction)}.`);
  }
  const oldest = out.Summary.OldestProcessing;
  if (oldest) {
    lines.push(
      `Oldest still running: ${oldest.TaskId} (${oldest.TaskAction}) since ${shortTime(oldest.CreationTime)}, ${formatDuration(oldest.RunningSeconds)} so far.`,
    );
  }
  if (out.ProgressNote) lines.push(out.ProgressNote);
  if (out.Returned > 0) {
    lines.push("", "TaskId | Action | Status | Resource | Created | Finished | Duration");
    for (const t of out.Tasks.slice(0, TEXT_ROW_LIMIT)) {
      lines.push(
        [t.TaskId, t.TaskAction, t.Progress !== undefined ? `${t.TaskStatus} ${t.Progress}%` : t.TaskStatus, t.ResourceId ?? "-", shortTime(t.CreationTime), shortTime(t.FinishedTime), formatDuration(t.DurationSeconds)].join(" | "),
      );
    }
    if (out.Returned > TEXT_ROW_LIMIT) {
      lines.push(`(${out.Returned - TEXT_ROW_LIMIT} more rows in structuredContent.Tasks)`);
    }
  }
  lines.push("", `RequestId: ${out.RequestId}`);
  return lines.join("\n");
}
