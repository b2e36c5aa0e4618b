// The text half of a describe_ecs_tasks answer, from its structured half. It must stand on its own
// for a model that never reads structuredContent (Claude Desktop): counts first, then the window,
// the rows in the answer's zone with percent, ETA and reasons, then the exact next call. It never
// points at structuredContent, and stays within TEXT_BUDGET characters (the use case drops rows to
// keep it there).
import type { DescribeTasksOutput, ListedTask } from "../contracts/describe-tasks.js";
import { isUtcSeconds } from "../util/utc.js";
import { formatCounts, formatDuration, profileLine } from "./format.js";
import { zoneLine } from "./progress-text.js";

/** The text budget of every answer. */
export const TEXT_BUDGET = 6_000;
const FIELD_MAX = 48;
const REASON_MAX = 90;

const clip = (s: string, max = FIELD_MAX) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
/** The local time; a time that is not a real date has none, so it is shown as received (cut after redaction), marked. */
const local = (value: string | undefined, raw?: string) =>
  value ?? (!raw ? "-" : isUtcSeconds(raw) ? raw : `${clip(raw, 24)} (not a date)`);

function filtersLine(q: DescribeTasksOutput["Query"]): string | undefined {
  const parts: string[] = [];
  if (q.TaskAction) parts.push(`TaskAction=${q.TaskAction}`);
  if (q.TaskStatus) parts.push(`TaskStatus=${q.TaskStatus}`);
  if (q.TaskIds) parts.push(`TaskIds=${clip(q.TaskIds, 200)}`);
  if (q.ResourceIds) parts.push(`ResourceIds=${clip(q.ResourceIds.join(","), 200)}`);
  return parts.length ? `Filters: ${parts.join(", ")}.` : undefined;
}

function windowLine(q: DescribeTasksOutput["Query"]): string | undefined {
  if (!q.StartTime && !q.EndTime) return undefined;
  const sent = [q.StartTime ? `StartTime=${q.StartTime}` : "", q.EndTime ? `EndTime=${q.EndTime}` : ""].filter(Boolean).join(", ");
  return `Created: ${q.TimeWindow ?? "(window)"} (sent ${sent}).`;
}

const coversText = (covers: string, read: number) => (covers === "all matching tasks" ? "all matching" : `the ${read} task(s) read`);

/** Failed regions, bounded whatever their number: counts by error code, then a few examples. */
const REGION_EXAMPLES = 3;
const REGION_CODES = 5;

function failedRegionsText(failed: NonNullable<DescribeTasksOutput["Regions"]>): string {
  const examples = failed.slice(0, REGION_EXAMPLES).map((r) => `${clip(r.RegionId)}: ${clip(r.Error ?? "", 160)}`);
  if (failed.length <= REGION_EXAMPLES) return `failed (${failed.length}): ${examples.join("; ")}`;
  const byCode = new Map<string, number>();
  for (const r of failed) byCode.set(r.ErrorCode ?? "Error", (byCode.get(r.ErrorCode ?? "Error") ?? 0) + 1);
  const codes = [...byCode].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const shown = codes.slice(0, REGION_CODES).map(([code, n]) => `${clip(code)} ${n}`);
  if (codes.length > REGION_CODES) shown.push(`${codes.length - REGION_CODES} other code(s)`);
  return `failed (${failed.length}): ${shown.join(", ")}; e.g. ${examples.join("; ")}; ${failed.length - REGION_EXAMPLES} more`;
}

function regionsLines(out: DescribeTasksOutput): string[] {
  if (!out.Regions) return [];
  const withTasks = out.Regions.filter((r) => !r.Error).map((r) => `${r.RegionId} ${r.TotalCount ?? 0}`);
  const failed = out.Regions.filter((r) => r.Error);
  const parts = [withTasks.length ? `Regions with tasks: ${clip(withTasks.join(", "), 400)}` : "No region has matching tasks"];
  if (failed.length) parts.push(failedRegionsText(failed));
  const lines = [`${parts.join("; ")}.`];
  const partial = out.Truncated ? out.Regions.filter((r) => r.FullyRead === false) : [];
  if (partial.length) {
    const shown = partial.slice(0, REGION_EXAMPLES).map((r) => `${clip(r.RegionId)} ${r.Returned ?? 0} of ${r.TotalCount ?? "?"}`);
    const rest = partial.length > REGION_EXAMPLES ? `; ${partial.length - REGION_EXAMPLES} more` : "";
    lines.push(`Not fully read (MaxResults is a total across regions, and was reached): ${shown.join(", ")}${rest}. Counts by status stay exact.`);
  }
  return lines;
}

function headLines(out: DescribeTasksOutput): string[] {
  const lines: string[] = [];
  if (out.Notice) lines.push(out.Notice);
  const where = out.RegionId === "all" ? "All regions" : out.RegionId;
  if (out.Returned === 0) {
    lines.push(`${where}: ${out.TotalCount} task(s) match; none shown${out.TotalCount > 0 ? ` on page ${out.PageNumber}` : ""}.`);
  } else {
    lines.push(`${where}: ${out.TotalCount} task(s) match; ${out.Returned} shown, newest first (${out.RowsRead} read in ${out.PagesFetched} page(s)).`);
  }
  lines.push(`By status (all matching): ${formatCounts(out.Summary.ByStatus)}.`);
  const window = windowLine(out.Query);
  if (window) lines.push(window);
  const filters = filtersLine(out.Query);
  if (filters) lines.push(filters);
  if (out.RowsRead > 0) lines.push(`By action (${coversText(out.Summary.ByActionCovers, out.RowsRead)}): ${formatCounts(out.Summary.ByAction)}.`);
  const oldest = out.Summary.OldestProcessing;
  if (oldest) {
    lines.push(
      `Oldest still running (${coversText(oldest.Covers, out.RowsRead)}): ${oldest.TaskId} (${oldest.TaskAction}) since ${local(oldest.CreationTimeLocal)}, running for ${formatDuration(oldest.RunningSeconds)}.`,
    );
  }
  lines.push(...regionsLines(out));
  if (out.ProgressNote) lines.push(out.ProgressNote.replace(" (see LookupError)", ""));
  if (out.UpstreamNote) lines.push(`Note: ${clip(out.UpstreamNote, 400)}`);
  if (out.ImageNote) lines.push(`Note: ${clip(out.ImageNote, 400)}`);
  const m = out.ImageMatch;
  if (m && m.Matched.length) {
    const images = m.Matched.map((i) => `${i.ImageId} "${clip(i.ImageName ?? "?", 60)}"${i.Status ? ` (${i.Status})` : ""}`);
    lines.push(`Images named like "${clip(m.ImageName, 60)}" (${m.Matched.length}${m.Truncated ? ", the first 100" : ""}): ${clip(images.join(", "), 600)}.`);
  }
  lines.push(zoneLine(out));
  if (out.Profile) lines.push(profileLine(out.Profile, out.CredentialProvider));
  return lines;
}

function statusCell(t: ListedTask): string {
  if (t.TaskStatus === "Failed" && t.Progress !== undefined) return `Failed at ${t.Progress}%`;
  const pct = t.Progress !== undefined && t.TaskStatus === "Processing" ? ` ${t.Progress}%` : "";
  return `${t.TaskStatus}${pct}${t.SupportCancel && t.TaskStatus === "Processing" ? " (cancellable)" : ""}`;
}

function endCell(t: ListedTask): string {
  if (t.FinishedTime) return local(t.FinishedTimeLocal, t.FinishedTime);
  if (t.EstimatedCompletionTimeLocal) return `ETA ${t.EstimatedCompletionTimeLocal}`;
  if (t.OverdueSeconds !== undefined) return `overdue ${formatDuration(t.OverdueSeconds)}`;
  return "-";
}

function durationCell(t: ListedTask): string {
  if (t.DurationSeconds === undefined) return "-";
  return t.TaskStatus === "Processing" ? `running for ${formatDuration(t.DurationSeconds)}` : formatDuration(t.DurationSeconds);
}

function reasonCell(t: ListedTask): string {
  if (t.ErrorCode || t.ErrorMsg) return clip(`${t.ErrorCode ? `${t.ErrorCode}: ` : ""}${t.ErrorMsg ?? ""}`, REASON_MAX);
  if (t.LookupError) return clip(`look-up failed: ${t.LookupError}`, REASON_MAX);
  if (t.Note) return "API gives no percent/reason";
  return "";
}

function row(t: ListedTask, withRegion: boolean): string {
  const resource = t.ResourceId ? `${clip(t.ResourceId)}${t.ImageName ? ` "${clip(t.ImageName, 60)}"` : ""}` : "-";
  const cells = [clip(t.TaskId), clip(t.TaskAction), clip(statusCell(t)), clip(resource, 100), local(t.CreationTimeLocal, t.CreationTime), endCell(t), durationCell(t)];
  if (withRegion) cells.splice(1, 0, clip(t.RegionId ?? "-"));
  const reason = reasonCell(t);
  if (reason) cells.push(reason);
  return cells.map((c) => clip(c, 160)).join(" | ");
}

function moreLines(out: DescribeTasksOutput): string[] {
  const lines: string[] = [];
  const notShown = out.TotalCount - out.Returned;
  if (out.Next) {
    lines.push(`More: ${notShown} matching task(s) not shown. Next call, for ${out.Next.Why}: describe_ecs_tasks ${JSON.stringify(out.Next.Arguments)}`);
  } else if (out.HasMore) {
    lines.push(`More: ${notShown} matching task(s) not shown; narrow the filters (TaskStatus, TaskAction, a shorter time window) to see them.`);
  }
  if (out.AllRows) lines.push(`All ${out.AllRows.Rows} matching row(s) as CSV: resources/read ${out.AllRows.Uri}`);
  return lines;
}

export function renderTasksText(out: DescribeTasksOutput): string {
  const lines = headLines(out);
  if (out.Returned > 0) {
    const withRegion = out.Tasks.some((t) => t.RegionId);
    lines.push("", `TaskId${withRegion ? " | Region" : ""} | Action | Status | Resource | Created | Finished or ETA | Took | Reason`);
    for (const t of out.Tasks) lines.push(row(t, withRegion));
  }
  return [...lines, "", ...moreLines(out), `RequestId: ${out.RequestId}`].join("\n");
}
