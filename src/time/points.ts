// Grammar for one point in time ("now", "3 hours ago", "yesterday 14:30",
// "2026-11-20", "Nov 20 3pm", "last week"). A point resolves to a span
// [start, end): an instant has start === end, a day or calendar word covers
// its whole window, so callers take the start (StartTime, "since X") or the
// end (EndTime, "until X") without re-parsing.
import { parseFreeDate, parseIso } from "./dates.js";
import { TimeInputError } from "./errors.js";
import { monthsRefusal } from "./months.js";
import {
  CLOCK_RE,
  COUNT_RE,
  type DaySpec,
  MONTH_UNIT_RE,
  type PointSpec,
  UNIT_MS,
  UNIT_RE,
  WEEKDAYS,
  WEEKDAY_RE,
  count,
  monthUnit,
  parseClock,
} from "./words.js";
import {
  type CivilDate,
  addDays,
  addMonths,
  compareCivil,
  daysInMonth,
  formatLocal,
  isoWeekday,
  startOfDay,
  utcToWall,
  wallAsUtcMs,
  wallToUtc,
} from "./zone.js";

export interface Span {
  start: number;
  end: number;
  instant: boolean;
}

export interface Ctx {
  zone: string;
  now: number; // already floored to the second
  today: CivilDate;
}

function parseDayWord(t: string): DaySpec | undefined {
  if (t === "today") return { kind: "offset", days: 0 };
  if (t === "yesterday") return { kind: "offset", days: -1 };
  if (t === "tomorrow") return { kind: "offset", days: 1 };
  const m = new RegExp(`^(?:(last|on) )?${WEEKDAY_RE}$`).exec(t);
  if (m) return { kind: "weekday", wd: WEEKDAYS[m[2]!]!, strict: m[1] === "last" };
  return undefined;
}

/** A day without a time of day: a day word, an ISO date or a written date. */
function parseDate(t: string, original: string, ctx: Ctx): DaySpec | undefined {
  const word = parseDayWord(t);
  if (word) return word;
  const iso = parseIso(t, original);
  if (iso) return iso.kind === "day" && !iso.clock ? iso.day : undefined;
  const free = parseFreeDate(t, new Date(ctx.now), zoneOffsetMin(ctx));
  return free && !free.clock ? free.day : undefined;
}

function zoneOffsetMin(ctx: Ctx): number {
  return Math.round((wallAsUtcMs(utcToWall(ctx.zone, ctx.now)) - ctx.now) / 60_000);
}

const AGO = new RegExp(`^${COUNT_RE} ?${UNIT_RE} ago$`);
const MONTHS_AGO = new RegExp(`^${COUNT_RE} ?${MONTH_UNIT_RE} ago$`);
const AHEAD = new RegExp(`^(?:in ${COUNT_RE} ?${UNIT_RE}|${COUNT_RE} ?${UNIT_RE} from now)$`);
const DAY_THEN_CLOCK = new RegExp(`^(.+?),? (?:at )?${CLOCK_RE}$`);
const CLOCK_THEN_DAY = new RegExp(`^${CLOCK_RE},? (?:on )?(.+)$`);

/** Parses a point phrase (already normalized); undefined when not understood. */
export function parsePoint(t: string, original: string, ctx: Ctx): PointSpec | undefined {
  if (t === "now" || t === "right now") return { kind: "now" };
  let m = AGO.exec(t);
  if (m) return { kind: "relative", ms: -count(m[1]!) * UNIT_MS[m[2]!]! };
  m = MONTHS_AGO.exec(t);
  if (m) throw monthsRefusal(`"${t}"`, monthUnit(m[2]!), count(m[1]!), "point", "en", ctx.today);
  m = AHEAD.exec(t);
  if (m) return { kind: "relative", ms: count((m[1] ?? m[3])!) * UNIT_MS[(m[2] ?? m[4])!]! };
  const iso = parseIso(t, original);
  if (iso) return iso;
  m = /^(this|last|next) (week|month|year)$/.exec(t);
  if (m) {
    const offset = m[1] === "this" ? 0 : m[1] === "last" ? -1 : 1;
    return { kind: "calendar", unit: m[2] as "week" | "month" | "year", offset };
  }
  const clock = parseClock(t.replace(/^at /, ""));
  if (clock) return { kind: "clock", clock };
  // "<day> [at] <clock>" and "<clock> [on] <day>"
  for (const [re, di, ci] of [[DAY_THEN_CLOCK, 1, 2], [CLOCK_THEN_DAY, 2, 1]] as const) {
    m = re.exec(t);
    const c = m && parseClock(m[ci]!);
    const day = c && parseDate(m![di]!, original, ctx);
    if (c && day) return { kind: "day", day, clock: c };
  }
  const day = parseDate(t, original, ctx);
  if (day) return { kind: "day", day };
  const free = parseFreeDate(t, new Date(ctx.now), zoneOffsetMin(ctx));
  return free && { kind: "day", ...free };
}

function resolveDay(day: DaySpec, ctx: Ctx): CivilDate {
  let date: CivilDate;
  switch (day.kind) {
    case "offset":
      return addDays(ctx.today, day.days);
    case "weekday": {
      // Most recent such day, today included unless "last" was said.
      let back = (isoWeekday(ctx.today) - day.wd + 7) % 7;
      if (back === 0 && day.strict) back = 7;
      return addDays(ctx.today, -back);
    }
    case "date":
      date = day.date;
      break;
    case "dateNoYear": {
      // A month-day without a year is its latest occurrence not after today.
      let y = compareCivil({ y: ctx.today.y, mo: day.mo, d: day.d }, ctx.today) > 0 ? ctx.today.y - 1 : ctx.today.y;
      while (day.d > daysInMonth(y, day.mo)) y -= 1; // Feb 29
      date = { y, mo: day.mo, d: day.d };
    }
  }
  if (day.wd !== undefined && isoWeekday(date) !== day.wd) {
    const names = Object.keys(WEEKDAYS).filter((k) => k.endsWith("day")).map((k) => k[0]!.toUpperCase() + k.slice(1));
    const shown = formatLocal("UTC", Date.UTC(date.y, date.mo - 1, date.d)).slice(0, 10);
    throw new TimeInputError(`${shown} is a ${names[isoWeekday(date) - 1]}, not a ${names[day.wd - 1]}.`);
  }
  return date;
}

function daySpan(ctx: Ctx, from: CivilDate, to: CivilDate): Span {
  return { start: startOfDay(ctx.zone, from), end: startOfDay(ctx.zone, to), instant: false };
}

const instant = (ms: number): Span => ({ start: ms, end: ms, instant: true });

// 1970 .. 9999 keeps every later step (Intl formatting, Date) well defined.
const MAX_MS = Date.UTC(9999, 11, 31, 23, 59, 59);

/** baseDate: the date a bare clock time belongs to (today unless given). */
export function resolvePoint(p: PointSpec, ctx: Ctx, baseDate?: CivilDate): Span {
  const span = resolveUnchecked(p, ctx, baseDate);
  for (const v of [span.start, span.end]) {
    if (!Number.isFinite(v) || v < 0 || v > MAX_MS) {
      throw new TimeInputError("The time given is out of range (it must fall between 1970 and 9999).");
    }
  }
  return span;
}

function resolveUnchecked(p: PointSpec, ctx: Ctx, baseDate?: CivilDate): Span {
  switch (p.kind) {
    case "now":
      return instant(ctx.now);
    case "instant":
      return instant(p.ms);
    case "relative":
      return instant(ctx.now + p.ms);
    case "clock":
      return instant(wallToUtc(ctx.zone, { ...(baseDate ?? ctx.today), ...p.clock }));
    case "day": {
      const date = resolveDay(p.day, ctx);
      if (p.clock) return instant(wallToUtc(ctx.zone, { ...date, ...p.clock }));
      return daySpan(ctx, date, addDays(date, 1));
    }
    case "calendar": {
      if (p.unit === "week") {
        const monday = addDays(ctx.today, 1 - isoWeekday(ctx.today) + 7 * p.offset);
        return daySpan(ctx, monday, addDays(monday, 7));
      }
      if (p.unit === "year") {
        const y = ctx.today.y + p.offset;
        return daySpan(ctx, { y, mo: 1, d: 1 }, { y: y + 1, mo: 1, d: 1 });
      }
      const first = addMonths(ctx.today, p.offset);
      return daySpan(ctx, first, addMonths(first, 1));
    }
  }
}
