// Kept apart from the parser so the tool descriptions can import the help text
// without pulling in chrono-node.
import { AppError } from "../errors.js";

export const TIME_FORMS_HELP = [
  "Accepted time forms (wall-clock times are in TimeZone, an IANA zone such as Asia/Shanghai; default: the server's zone):",
  '- TimeRange, one phrase for a whole window: "last 2 hours", "past 7 days", "24h", "today", "yesterday", "this week", "last week", "this month", "last month", "Monday", "2026-11-20", "Nov 20", "since Monday 9am", "until 2026-11-20", "between 2026-11-20 09:00 and 17:30", "from Nov 20 to Nov 22".',
  '- StartTime / EndTime, one point each: ISO 8601 ("2026-11-20T09:00:00Z", "2026-11-20T09:00:00+08:00", "2026-11-20 09:00" in TimeZone) or "now", "3 hours ago", "yesterday 14:30", "today 9am", "Monday 9am", "9am", or a date/calendar word (its start as StartTime, its end as EndTime).',
  "- Use TimeRange or StartTime/EndTime, not both.",
  'Examples: TimeRange="last 2 hours"; StartTime="yesterday 14:30", EndTime="now".',
].join("\n");

/** A time phrase or zone that cannot be used: the problem, then the accepted forms. */
export class TimeInputError extends AppError {
  override name = "TimeInputError";
  constructor(problem: string) {
    super({ code: "InvalidTimeInput", summary: problem, details: TIME_FORMS_HELP.split("\n") });
  }
}
