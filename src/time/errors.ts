// Kept apart from the parser so the tool descriptions can import the help text
// without pulling in chrono-node.
import { AppError } from "../errors.js";

export const TIME_FORMS_HELP = [
  "Accepted time forms (read in TimeZone, an IANA zone such as Asia/Shanghai or a fixed offset such as UTC+8; default: the server's zone):",
  '- TimeRange, one phrase for a whole window: "last 2 hours", "past three days", "24h", "today", "yesterday", "the day before yesterday", "this morning", "this week", "last week", "this month", "last month", "this year", "Monday", "2026-11-20", "Nov 20", "since Monday 9am", "until 2026-11-20", "between 2026-11-20 09:00 and 17:30", "from Nov 20 to Nov 22".',
  '- StartTime / EndTime, one point each: ISO 8601 ("2026-11-20T09:00:00Z", "2026-11-20T09:00:00+08:00", "2026-11-20 09:00" in TimeZone) or "now", "3 hours ago", "an hour ago", "yesterday 14:30", "today 9am", "Monday 9am", or a date/calendar word (its start as StartTime, its end as EndTime).',
  '- Chinese (中文), same rules: TimeRange "最近2小时", "过去三天", "今天", "昨天", "前天", "本周", "上周", "本月", "上个月", "今年", "去年", "从 11月20日 到 11月22日", "周一以来", "自 2026-11-20 起"; StartTime/EndTime "3小时前", "两天前", "昨天 15:00", "昨天下午3点", "今天上午9点半", "现在".',
  '- Use TimeRange or StartTime/EndTime, not both. Months and years are calendar units only: "past month" is refused (say "last 30 days" or "last month").',
  'Examples: TimeRange="last 2 hours"; StartTime="yesterday 14:30", EndTime="now".',
  '中文示例 (Chinese examples): TimeRange="最近2小时"; StartTime="昨天 15:00", EndTime="现在".',
].join("\n");

export const ZONE_FORMS_HELP = [
  "Accepted TimeZone forms:",
  '- an IANA zone name (Area/City), which follows daylight saving: "Asia/Shanghai", "America/Los_Angeles", "Europe/London", "UTC";',
  '- a fixed offset from UTC, no daylight saving: "UTC+8", "UTC+08:00", "GMT-5", "+05:30", "-03:00" (from UTC-12:00 to UTC+14:00).',
  "Abbreviations (CST, IST, PST, ...) are refused: many have several meanings.",
  'Examples: TimeZone="Asia/Shanghai"; TimeZone="UTC+8".',
].join("\n");

/**
 * A time phrase or zone that cannot be used: the problem (one line: what was wrong, and the fix
 * when there is one), then the accepted forms with examples as `details`.
 */
export class TimeInputError extends AppError {
  override name = "TimeInputError";
  constructor(problem: string, accepted: string = TIME_FORMS_HELP) {
    super({ code: "InvalidTimeInput", summary: problem, details: accepted.split("\n") });
  }
}
