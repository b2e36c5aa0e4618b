// Grammar for one point in time ("now", "3 hours ago", "yesterday 14:30",
// "2026-11-20", "Nov 20 3pm", "last week"). A point resolves to a span
// [start, end): an instant has start === end, a day or calendar word covers
// its whole window, so callers take the start (StartTime, "since X") or the
// end (EndTime, "until X") without re-parsing.
import { parseFreeDate, parseIso } from "./dates.js";
import { parseDuration } from "./durations.js";
import { TimeInputError } from "./errors.js";
import { monthsRefusal } from "./months.js";
import {
  CLOCK_RE,
  type DaySpec,
  type PointSpec,
  WEEKDAYS,
  WEEKDAY_RE,
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
  if (/^(?:today|earlier today|so far today|today so far)$/.test(t)) return { kind: "offset", days: 0 };
  if (t === "yesterday") return { kind: "offset", days: -1 };
  if (/^(?:the )?day before yesterday$/.test(t)) return { kind: "offset", days: -2 };
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

/** Parts of a day, in hours from its midnight: "night" runs to 06:00 the next day. */
export const DAY_PARTS: Record<string, [number, number]> = {
  morning: [0, 12],
  afternoon: [12, 18],
  evening: [18, 24],
  night: [18, 30],
};

/** "3 hours ago", "an hour ago", "in 2 days", "2 days from now": a signed offset from now. */
function elapsed(t: string, original: string, ctx: Ctx): PointSpec | undefined {
  const m = /^(.+) ago$/.exec(t) ?? /^in (.+)$/.exec(t) ?? /^(.+) from now$/.exec(t);
  const d = m && parseDuration(m[1]!, original);
  if (!d) return undefined;
  const back = t.endsWith(" ago");
  if (d.kind === "calendar") {
    if (back) throw monthsRefusal(`"${t}"`, d.unit, d.n, "point", "en", ctx.today);
    throw new TimeInputError(`"${t}" is in the future; only past windows can be queried.`);
  }
  return { kind: "relative", ms: back ? -d.ms : d.ms };
}

/** "this morning", "tonight", "last night", "yesterday afternoon", "Monday evening". */
function dayPart(t: string, original: string, ctx: Ctx): PointSpec | undefined {
  const part = (day: DaySpec, name: string): PointSpec => ({ kind: "part", day, from: DAY_PARTS[name]![0], to: DAY_PARTS[name]![1] });
  if (t === "tonight") return part({ kind: "offset", days: 0 }, "evening");
  if (t === "last night") return part({ kind: "offset", days: -1 }, "night");
  let m = /^this (morning|afternoon|evening)$/.exec(t);
  if (m) return part({ kind: "offset", days: 0 }, m[1]!);
  m = /^(.+?),? (?:in the )?(morning|afternoon|evening|night)$/.exec(t);
  const day = m && parseDate(m[1]!, original, ctx);
  return day ? part(day, m![2]!) : undefined;
}
const DAY_THEN_CLOCK = new RegExp(`^(.+?),? (?:at )?${CLOCK_RE}$`);
const CLOCK_THEN_DAY = new RegExp(`^${CLOCK_RE},? (?:on )?(.+)$`);

/** Parses a point phrase (already normalized); undefined when not understood. */
export function parsePoint(t: string, original: string, ctx: Ctx): PointSpec | undefined {
  if (t === "now" || t === "right now") return { kind: "now" };
  const rel = elapsed(t, original, ctx);
  if (rel) return rel;
  const iso = parseIso(t, original);
  if (iso) return iso;
  let m = /^(this|last|next) (week|month|year)$/.exec(t);
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
  const part = dayPart(t, original, ctx);
  if (part) return part;
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
    case "weekOf": // 上周一: the Monday of last week, whatever today is
      return addDays(ctx.today, day.wd - isoWeekday(ctx.today) + 7 * day.weeks);
    case "dayOfMonth": {
      // 20号: the latest 20th not after today, skipping months too short for it.
      let c: CivilDate = { ...ctx.today, d: 1 };
      if (day.d > ctx.today.d) c = addMonths(c, -1);
      while (day.d > daysInMonth(c.y, c.mo)) c = addMonths(c, -1);
      return { ...c, d: day.d };
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
    case "part": {
      const date = resolveDay(p.day, ctx);
      const at = (h: number): number => wallToUtc(ctx.zone, { ...addDays(date, Math.floor(h / 24)), h: h % 24, mi: 0, s: 0 });
      return { start: at(p.from), end: at(p.to), instant: false };
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
