// What the dashboard shows, as plain data: the describe_ecs_tasks answer read defensively (the view
// must never break on a field it does not know), and refreshed rows merged in. No DOM here, so the
// unit tests run it in Node.

export interface Row {
  TaskId: string;
  RegionId?: string;
  TaskAction: string;
  TaskStatus: string;
  ResourceId?: string;
  ImageName?: string;
  CreationTime?: string;
  CreationTimeLocal?: string;
  Progress?: number;
  EstimatedCompletionTime?: string;
  EstimatedCompletionTimeLocal?: string;
  ErrorCode?: string;
  ErrorMsg?: string;
  LookupError?: string;
  Note?: string;
}

export interface Dashboard {
  rows: Row[];
  byStatus: Record<string, number>;
  total: number;
  window?: string;
  /** The answer's zone: every ...Local time is in it. */
  zone: string;
  /** False when the query named no TimeZone (the server's zone was used): show times in the host's. */
  zoneNamed: boolean;
  regionId: string;
  notice?: string;
}

/** Rows whose progress is worth refreshing. */
export const RUNNING = "Processing";
/** Task IDs per refresh call: the server's per-call look-up limit. */
export const REFRESH_BATCH = 20;

const STRING_FIELDS = [
  "RegionId",
  "ResourceId",
  "ImageName",
  "CreationTime",
  "CreationTimeLocal",
  "EstimatedCompletionTime",
  "EstimatedCompletionTimeLocal",
  "ErrorCode",
  "ErrorMsg",
  "LookupError",
  "Note",
] as const;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

function rowFrom(raw: unknown): Row | undefined {
  if (!isObject(raw)) return undefined;
  const TaskId = str(raw["TaskId"]);
  if (!TaskId) return undefined;
  const row: Row = { TaskId, TaskAction: str(raw["TaskAction"]) ?? "", TaskStatus: str(raw["TaskStatus"]) ?? "" };
  for (const key of STRING_FIELDS) {
    const value = str(raw[key]);
    if (value !== undefined) row[key] = value;
  }
  const progress = raw["Progress"];
  if (typeof progress === "number" && Number.isFinite(progress)) row.Progress = Math.min(100, Math.max(0, progress));
  return row;
}

/** The structuredContent of describe_ecs_tasks, or undefined when it is not one. */
export function fromAnswer(structured: unknown): Dashboard | undefined {
  if (!isObject(structured) || !Array.isArray(structured["Tasks"])) return undefined;
  const rows = structured["Tasks"].map(rowFrom).filter((r): r is Row => r !== undefined);
  const summary = isObject(structured["Summary"]) ? structured["Summary"] : {};
  const byStatus: Record<string, number> = {};
  if (isObject(summary["ByStatus"])) {
    for (const [k, v] of Object.entries(summary["ByStatus"])) if (typeof v === "number") byStatus[k] = v;
  }
  const query = isObject(structured["Query"]) ? structured["Query"] : {};
  const window = str(query["TimeWindow"]);
  const notice = str(structured["Notice"]);
  return {
    rows,
    byStatus,
    total: typeof structured["TotalCount"] === "number" ? structured["TotalCount"] : rows.length,
    ...(window ? { window } : {}),
    zone: str(structured["TimeZone"]) ?? "UTC",
    zoneNamed: structured["ZoneNote"] === undefined,
    regionId: str(structured["RegionId"]) ?? "",
    ...(notice ? { notice } : {}),
  };
}

/** Running rows to refresh, one group per region, at most REFRESH_BATCH IDs each. */
export function refreshGroups(d: Dashboard): Array<{ RegionId?: string; TaskIds: string[] }> {
  const byRegion = new Map<string, string[]>();
  for (const row of d.rows) {
    if (row.TaskStatus !== RUNNING) continue;
    const region = row.RegionId ?? (d.regionId === "all" ? "" : d.regionId);
    byRegion.set(region, [...(byRegion.get(region) ?? []), row.TaskId]);
  }
  const groups: Array<{ RegionId?: string; TaskIds: string[] }> = [];
  for (const [region, ids] of byRegion) {
    for (let i = 0; i < ids.length; i += REFRESH_BATCH) groups.push({ ...(region ? { RegionId: region } : {}), TaskIds: ids.slice(i, i + REFRESH_BATCH) });
  }
  return groups;
}

export function hasRunning(d: Dashboard): boolean {
  return d.rows.some((r) => r.TaskStatus === RUNNING);
}

/**
 * Merges the `Tasks` of a refresh_ecs_task_progress answer into the rows (a failed look-up leaves
 * the row as it was, with the reason), and moves a task that ended from one status count to the
 * other. Returns a new dashboard and whether anything a person sees changed.
 */
export function applyRefresh(d: Dashboard, structured: unknown): { dashboard: Dashboard; changed: boolean } {
  const fresh = new Map<string, Json>();
  if (isObject(structured) && Array.isArray(structured["Tasks"])) {
    for (const t of structured["Tasks"]) if (isObject(t) && typeof t["TaskId"] === "string") fresh.set(t["TaskId"], t);
  }
  const byStatus = { ...d.byStatus };
  let changed = false;
  const rows = d.rows.map((row) => {
    const t = fresh.get(row.TaskId);
    if (!t) return row;
    const lookupError = str(t["LookupError"]);
    const status = str(t["TaskStatus"]);
    if (lookupError || !status) {
      if (row.LookupError === lookupError) return row;
      changed = true;
      return { ...row, ...(lookupError ? { LookupError: lookupError } : {}) };
    }
    const next: Row = { TaskId: row.TaskId, TaskAction: row.TaskAction, TaskStatus: status };
    for (const key of ["RegionId", "ResourceId", "ImageName", "CreationTime", "CreationTimeLocal", "Note"] as const) if (row[key] !== undefined) next[key] = row[key];
    const merged = rowFrom({ ...next, ...t, TaskAction: row.TaskAction, RegionId: row.RegionId });
    const out = merged ?? next;
    if (status !== row.TaskStatus) {
      byStatus[row.TaskStatus] = Math.max(0, (byStatus[row.TaskStatus] ?? 1) - 1);
      byStatus[status] = (byStatus[status] ?? 0) + 1;
    }
    if (JSON.stringify(out) !== JSON.stringify(row)) changed = true;
    return out;
  });
  return { dashboard: { ...d, rows, byStatus }, changed };
}

/** `yyyy-MM-dd HH:mm` of a UTC ISO time in an IANA zone, or undefined when either is unreadable. */
export function localMinute(iso: string | undefined, timeZone: string): string | undefined {
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return undefined;
  try {
    const parts = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).formatToParts(ms);
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
    return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
  } catch {
    return undefined;
  }
}

/**
 * A time as the person should read it: in the answer's zone when the query named one (the same as
 * the text answer), else in the host's zone when the host gave one.
 */
export function shownTime(iso: string | undefined, local: string | undefined, d: Dashboard, hostZone: string | undefined): { text: string; zone: string } | undefined {
  if (!d.zoneNamed && hostZone) {
    const text = localMinute(iso, hostZone);
    if (text) return { text, zone: hostZone };
  }
  if (local) return { text: local, zone: d.zone };
  const text = localMinute(iso, d.zone);
  return text ? { text, zone: d.zone } : undefined;
}
