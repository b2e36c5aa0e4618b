// Tasks as RFC 4180 CSV: a header line, one record per task, CRLF after every record. A field is
// quoted when it holds a comma, a double quote, CR or LF (quotes doubled inside). A field a
// spreadsheet would run as a formula (starting with = + - @, or tab / CR as OWASP adds) gets a
// leading ' first: the values come from the API and could be shaped by whoever named a resource.
import type { Task } from "../ecs/tasks-api.js";
import { formatLocal, isValidTimeZone } from "../time/index.js";

export const TASKS_CSV_COLUMNS = [
  "TaskId",
  "RegionId",
  "TaskAction",
  "TaskStatus",
  "ResourceId",
  "CreationTime",
  "CreationTimeLocal",
  "FinishedTime",
  "FinishedTimeLocal",
  "DurationSeconds",
  "SupportCancel",
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field, neutralised against formula injection, then quoted when RFC 4180 requires it. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A UTC time in the zone (an IANA name or a fixed offset such as "UTC+08:00"), or "" when there is no time or no usable zone. */
function local(utc: string | undefined, zone: string | undefined): string {
  if (!utc || !zone) return "";
  const ms = Date.parse(utc);
  return Number.isNaN(ms) ? "" : formatLocal(zone, ms);
}

export function tasksCsv(tasks: readonly Task[], timeZone?: string): string {
  const zone = timeZone !== undefined && isValidTimeZone(timeZone) ? timeZone : undefined;
  const lines = [TASKS_CSV_COLUMNS.join(",")];
  for (const t of tasks) {
    const fields = [
      t.TaskId,
      t.RegionId ?? "",
      t.TaskAction,
      t.TaskStatus,
      t.ResourceId ?? "",
      t.CreationTime ?? "",
      local(t.CreationTime, zone),
      t.FinishedTime ?? "",
      local(t.FinishedTime, zone),
      t.DurationSeconds === undefined ? "" : String(t.DurationSeconds),
      String(t.SupportCancel),
    ];
    lines.push(fields.map(csvField).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}
