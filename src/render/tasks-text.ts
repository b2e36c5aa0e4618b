// The text half of a describe_ecs_tasks answer: counts first, then the window, then at most 30
// rows, then how to get the rest. It must stand on its own for a model that never reads
// structuredContent, and stay within about 6,000 characters whatever the answer holds.
import { formatLocal } from "../time/index.js";
import { isUtcSeconds } from "../util/utc.js";
import type { DescribeTasksOutput } from "../contracts/describe-tasks.js";
import { formatCounts, formatDuration } from "./format.js";

/** Rows shown in text; structuredContent always holds every returned task. */
export const TEXT_ROW_LIMIT = 30;
/** The text budget; rows are dropped (never the summary) to stay under it. */
export const TEXT_BUDGET = 6_000;
const FIELD_MAX = 48;

/**
 * Table times are shown in the query's zone, so an agent can repeat them to the user without
 * converting (structuredContent keeps UTC): `2026-11-28 20:10` in Asia/Shanghai, `2026-11-28 12:10Z`
 * in UTC. The API has minute precision anyway.
 */
function timeIn(zone: string) {
  return (iso: string | undefined): string => {
    if (!iso) return "-";
    if (!isUtcSeconds(iso)) return `${clip(iso, 24)} (not a date)`; // as received, marked
    if (isUtc(zone)) return `${iso.slice(0, 10)} ${iso.slice(11, 16)}Z`;
    return formatLocal(zone, Date.parse(iso)).slice(0, 16);
  };
}

const clip = (s: string, max = FIELD_MAX) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

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

const isUtc = (zone: string) => zone === "UTC" || zone === "Etc/UTC";
const zoneSuffix = (zone: string) => (isUtc(zone) ? "" : ` ${zone}`);

function headLines(out: DescribeTasksOutput, shortTime: (iso: string | undefined) => string): string[] {
  const lines: string[] = [];
  const where = out.RegionId === "all" ? `All regions (${out.Regions?.length ?? 0})` : out.RegionId;
  const paged = out.Query.AllPages || out.RegionId === "all";
  const first = paged ? 1 : (out.PageNumber - 1) * out.PageSize + 1;
  if (out.Returned === 0) {
    lines.push(`${where}: ${out.TotalCount} task(s) match; none ${paged ? "returned" : `on page ${out.PageNumber}`}.`);
  } else if (paged) {
    lines.push(`${where}: ${out.TotalCount} task(s) match; ${out.Returned} returned (${out.PagesFetched} page(s) read).`);
  } else {
    lines.push(`${where}: ${out.TotalCount} task(s) match; showing ${first}-${first + out.Returned - 1} (page ${out.PageNumber}, size ${out.PageSize}).`);
  }
  lines.push(`By status (all matching): ${formatCounts(out.Summary.ByStatus)}.`);
  if (out.HasMore) {
    const more = out.TotalCount - out.Returned - (paged ? 0 : first - 1);
    const how =
      out.NextPageNumber !== undefined
        ? `call again with PageNumber=${out.NextPageNumber}${out.Query.AllPages ? " (AllPages)" : ""}`
        : "narrow the filters or raise MaxResults";
    lines.push(`More: ${more} not returned${out.Truncated ? " (MaxResults reached)" : ""}; ${how}.`);
  }
  const window = windowLine(out.Query);
  if (window) lines.push(window);
  const filters = filtersLine(out.Query);
  if (filters) lines.push(filters);
  if (out.Returned > 0) {
    const covers = out.Summary.ByActionCovers === "all matching tasks" ? "all matching" : "returned";
    lines.push(`By action (${covers}): ${formatCounts(out.Summary.ByAction)}.`);
  }
  const failed = failedRegionsLine(out.Regions ?? []);
  if (failed) lines.push(failed);
  const partial = out.RegionId === "all" && out.Truncated ? (out.Regions ?? []).filter((r) => r.FullyRead === false) : [];
  if (partial.length) {
    const shown = partial.slice(0, REGION_EXAMPLES).map((r) => `${clip(r.RegionId)} ${r.Returned ?? 0} of ${r.TotalCount ?? "?"}`);
    const rest = partial.length > REGION_EXAMPLES ? `; ${partial.length - REGION_EXAMPLES} more (FullyRead false in structuredContent.Regions)` : "";
    lines.push(`Not fully read (MaxResults is a total across regions, and was reached): ${shown.join(", ")}${rest}. Counts by status stay exact.`);
  }
  const oldest = out.Summary.OldestProcessing;
  if (oldest) {
    lines.push(
      `Oldest still running: ${oldest.TaskId} (${oldest.TaskAction}) since ${shortTime(oldest.CreationTime)}${zoneSuffix(out.Query.TimeZone)}, ${formatDuration(oldest.RunningSeconds)} so far.`,
    );
  }
  if (out.ProgressNote) lines.push(out.ProgressNote);
  if (out.UpstreamNote) lines.push(`Note: ${clip(out.UpstreamNote, 400)}`);
  return lines;
}

/** Failed regions, bounded whatever their number: counts by error code, then a few examples. */
const REGION_EXAMPLES = 3;
const REGION_CODES = 5;

function failedRegionsLine(regions: NonNullable<DescribeTasksOutput["Regions"]>): string | undefined {
  const failed = regions.filter((r) => r.Error);
  if (failed.length === 0) return undefined;
  const examples = failed.slice(0, REGION_EXAMPLES).map((r) => `${clip(r.RegionId)}: ${clip(r.Error ?? "", 160)}`);
  if (failed.length <= REGION_EXAMPLES) return `Regions that failed (${failed.length}): ${examples.join("; ")}`;
  const byCode = new Map<string, number>();
  for (const r of failed) byCode.set(r.ErrorCode ?? "Error", (byCode.get(r.ErrorCode ?? "Error") ?? 0) + 1);
  const codes = [...byCode].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const shown = codes.slice(0, REGION_CODES).map(([code, n]) => `${clip(code)} ${n}`);
  if (codes.length > REGION_CODES) shown.push(`${codes.length - REGION_CODES} other code(s)`);
  return (
    `Regions that failed (${failed.length}): ${shown.join(", ")}. E.g. ${examples.join("; ")}; ` +
    `${failed.length - REGION_EXAMPLES} more in structuredContent.Regions.`
  );
}

function row(t: DescribeTasksOutput["Tasks"][number], withRegion: boolean, shortTime: (iso: string | undefined) => string): string {
  const status = t.Progress !== undefined ? `${t.TaskStatus} ${t.Progress}%` : t.TaskStatus;
  const cells = [clip(t.TaskId), clip(t.TaskAction), clip(status), clip(t.ResourceId ?? "-"), shortTime(t.CreationTime), shortTime(t.FinishedTime), formatDuration(t.DurationSeconds)];
  if (withRegion) cells.splice(1, 0, clip(t.RegionId ?? "-"));
  return cells.join(" | ");
}

export function renderTasksText(out: DescribeTasksOutput): string {
  const zone = out.Query.TimeZone;
  const shortTime = timeIn(zone);
  const lines = headLines(out, shortTime);
  const tail = ["", `RequestId: ${out.RequestId}`];
  if (out.Returned > 0) {
    const withRegion = out.RegionId === "all";
    const zoneNote = isUtc(zone) ? "" : ` (times in ${zone})`;
    lines.push("", `TaskId${withRegion ? " | Region" : ""} | Action | Status | Resource | Created | Finished | Duration${zoneNote}`);
    let used = lines.join("\n").length + tail.join("\n").length + 120;
    let shown = 0;
    for (const t of out.Tasks.slice(0, TEXT_ROW_LIMIT)) {
      const r = row(t, withRegion, shortTime);
      if (used + r.length + 1 > TEXT_BUDGET) break;
      lines.push(r);
      used += r.length + 1;
      shown++;
    }
    if (out.Returned > shown) lines.push(`(${out.Returned - shown} more row(s) in structuredContent.Tasks)`);
  }
  return [...lines, ...tail].join("\n");
}
