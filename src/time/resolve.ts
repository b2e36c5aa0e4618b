// Public API: turns TimeRange / StartTime / EndTime / TimeZone into UTC bounds.
//
// Choices where the contract left room (mirrored in the README):
// - Everything is computed on `now` floored to the second, so outputs are
//   whole seconds and an end clamped to now equals the reported now.
// - A start after now is refused (the window would be in the future). An end
//   after now is clamped to now, whether it comes from a calendar window that
//   contains now ("today", "this week") or from an explicit future EndTime;
//   ECS has no tasks in the future, so nothing is lost. The start-after-end
//   check uses the unclamped end.
// - A bare clock time ("9am") is today in the zone; as EndTime it takes the
//   date of StartTime when one is given, as in "between X and 17:30".
// - Weekday names mean the most recent such day, today included; "last
//   Monday" is strictly before today. A time on a weekday ("Monday 9am") is
//   applied after choosing the day, so a future result is refused, not moved
//   back a week. A month-day without a year ("Nov 20") is its latest
//   occurrence not after today.
// - "N <unit> ago" is elapsed time like rolling windows (2 days = 48 h),
//   "midnight" is 00:00 of its day, and a written weekday that contradicts
//   its date ("Monday Nov 20 2026") is refused.
// - Rolling vs calendar ("last week" is calendar, "past week" rolling): see
//   phrases.ts. DST gaps and overlaps: see wallToUtc in zone.ts.
// - Parts of a day: morning 00:00-12:00 (the a.m. hours, so nothing early is
//   missed), afternoon 12:00-18:00, evening/tonight 18:00-24:00, last night
//   18:00 yesterday to 06:00 today; the same hours for 上午/下午/晚上/昨晚
//   (凌晨 00:00-06:00, 中午 11:00-13:00).
// - Phrases with any Chinese character go to zh.ts, the rest to the English
//   grammar; either way the same window rules apply, and TimeWindow is joined
//   in that language ("至", "自 ... 起", "截至 ...") around the same dates.
// - A window whose end is a whole day or calendar unit ending where the start
//   is ("from yesterday to the day before") ends before it starts: refused.
// - "until X" ends at the end of X ("until yesterday" = until 00:00 today);
//   "before X" ends at its start; "after X" starts at its end.
// - A single instant as TimeRange ("3 hours ago") is refused: it is not a
//   window; "since 3 hours ago" or StartTime says what is meant.
// - Empty or blank strings count as absent. An invalid TimeZone is refused
//   (abbreviations too, see zones.ts); an invalid defaultZone argument falls
//   back to defaultTimeZone(). ZoneSource says which of the two was used.
import { TimeInputError } from "./errors.js";
import { type RangeSpec, parseRange } from "./phrases.js";
import { type Ctx, type Span, parsePoint, resolvePoint } from "./points.js";
import { vagueReason } from "./vague.js";
import { type PointSpec, normalize } from "./words.js";
import { parseZhPoint, parseZhRange } from "./zh.js";
import { isChinese, normalizeZh } from "./zh-words.js";
import { formatUtcSeconds } from "../util/utc.js";
import { civilOf, formatLocal } from "./zone.js";

export { formatUtcSeconds };
import { type ZoneSource, chooseZone } from "./zones.js";

export interface TimeInput {
  TimeRange?: string;
  StartTime?: string;
  EndTime?: string;
  TimeZone?: string;
}

export interface ResolvedTime {
  /** UTC, to the second: "2026-11-27T16:00:00Z". Absent when the window is open at that end. */
  StartTime?: string;
  EndTime?: string;
  /** The zone the phrases were read in and TimeWindow is shown in: an IANA name or "UTC+08:00". */
  TimeZone: string;
  /** "argument" when the caller passed TimeZone, "server" when the server's zone was used. */
  ZoneSource: ZoneSource;
  /**
   * The window in local time, "yyyy-MM-dd HH:mm" (":ss" when not zero) and the zone, worded in the
   * phrases' language: "2026-11-27 00:00 to 2026-11-28 00:00 Asia/Shanghai", "since ...", "until ...";
   * for Chinese phrases "2026-11-27 00:00 至 2026-11-28 00:00 Asia/Shanghai", "自 ... 起", "截至 ...".
   */
  TimeWindow?: string;
  /** The language the time phrases were written in: "zh" when any was Chinese, else "en". */
  Language: "en" | "zh";
}

const MAX_PHRASE = 200;


function present(name: string, v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw new TimeInputError(`${name} must be a string.`);
  const t = v.trim();
  if (t.length > MAX_PHRASE) throw new TimeInputError(`${name} is too long (over ${MAX_PHRASE} characters).`);
  return t === "" ? undefined : t;
}

function notUnderstood(what: string, text: string): TimeInputError {
  const why = vagueReason(text);
  return new TimeInputError(`Could not understand ${what}${why ? `: ${why}` : "."}`);
}

function parsePointOrThrow(name: string, text: string, ctx: Ctx): PointSpec {
  const p = isChinese(text) ? parseZhPoint(normalizeZh(text), text, ctx) : parsePoint(normalize(text), text, ctx);
  if (!p) throw notUnderstood(`${name} "${text}" as a point in time`, text);
  return p;
}

function parseRangeOrThrow(text: string, ctx: Ctx): RangeSpec {
  const r = isChinese(text) ? parseZhRange(normalizeZh(text), text, ctx) : parseRange(normalize(text), text, ctx);
  if (!r) throw notUnderstood(`TimeRange "${text}"`, text);
  return r;
}

interface Bounds {
  start?: number;
  end?: number;
  /** The end is a whole day or calendar window: ending where the start is means it lies before it. */
  endIsWindow?: boolean;
}

function rangeBounds(spec: RangeSpec, text: string, ctx: Ctx): Bounds {
  const at = (p: PointSpec): Span => resolvePoint(p, ctx);
  switch (spec.kind) {
    case "rolling":
      return { start: ctx.now - spec.ms, end: ctx.now };
    case "since":
      return { start: at(spec.from).start, end: ctx.now };
    case "after":
      return { start: at(spec.from).end, end: ctx.now };
    case "until":
      return { end: at(spec.to).end };
    case "before":
      return { end: at(spec.to).start };
    case "between": {
      const from = at(spec.from);
      const to = resolvePoint(spec.to, ctx, civilOf(ctx.zone, from.start));
      return { start: from.start, end: to.end, endIsWindow: !to.instant };
    }
    case "point": {
      const span = at(spec.point);
      // A future instant is reported as a future window, not as a lone point.
      if (span.instant && span.start > ctx.now) return { start: span.start };
      if (span.instant) {
        const since = isChinese(text) ? `"自 ${text} 起" (since ${text})` : `"since ${text}"`;
        throw new TimeInputError(`TimeRange "${text}" is a single point in time, not a window; say ${since} or pass it as StartTime.`);
      }
      return { start: span.start, end: span.end };
    }
  }
}

function checkAndClamp(b: Bounds, ctx: Ctx, what: string): Bounds {
  const show = (ms: number): string => `${formatLocal(ctx.zone, ms)} ${ctx.zone}`;
  for (const v of [b.start, b.end]) {
    if (v !== undefined && !(v >= 0)) throw new TimeInputError(`${what} reaches back before 1970, which is out of range.`);
  }
  if (b.start !== undefined && b.start > ctx.now) {
    throw new TimeInputError(
      `${what} starts in the future (${show(b.start)} is after now, ${show(ctx.now)}); only past windows can be queried.`,
    );
  }
  if (b.start !== undefined && b.end !== undefined && (b.start > b.end || (b.endIsWindow && b.start === b.end))) {
    throw new TimeInputError(`${what} starts after it ends (start ${show(b.start)}, end ${show(b.end)}).`);
  }
  const floor = (ms: number): number => Math.floor(ms / 1000) * 1000;
  return {
    start: b.start === undefined ? undefined : floor(b.start),
    end: b.end === undefined ? undefined : floor(Math.min(b.end, ctx.now)),
  };
}

export function resolveTimeQuery(input: TimeInput, now: Date, defaultZone?: string): ResolvedTime {
  const { TimeZone: zone, ZoneSource: source } = chooseZone(input.TimeZone, defaultZone);
  const range = present("TimeRange", input.TimeRange);
  const startText = present("StartTime", input.StartTime);
  const endText = present("EndTime", input.EndTime);
  const texts = [range, startText, endText].filter((x): x is string => x !== undefined);
  const lang = texts.some(isChinese) ? "zh" : "en";
  if (texts.length === 0) return { TimeZone: zone, ZoneSource: source, Language: lang };
  if (range !== undefined && (startText !== undefined || endText !== undefined)) {
    throw new TimeInputError(
      "TimeRange cannot be combined with StartTime or EndTime (ambiguous): give either one TimeRange phrase, or StartTime and/or EndTime.",
    );
  }

  const nowMs = Math.floor(now.getTime() / 1000) * 1000;
  if (!Number.isFinite(nowMs)) throw new RangeError("resolveTimeQuery: invalid clock");
  const ctx: Ctx = { zone, now: nowMs, today: civilOf(zone, nowMs) };

  let bounds: Bounds;
  if (range !== undefined) {
    const spec = parseRangeOrThrow(range, ctx);
    bounds = checkAndClamp(rangeBounds(spec, range, ctx), ctx, `TimeRange "${range}"`);
  } else {
    const startSpan = startText === undefined ? undefined : resolvePoint(parsePointOrThrow("StartTime", startText, ctx), ctx);
    const base = startSpan && civilOf(zone, startSpan.start);
    const endSpan = endText === undefined ? undefined : resolvePoint(parsePointOrThrow("EndTime", endText, ctx), ctx, base);
    const what = startText !== undefined && endText !== undefined ? "The window StartTime..EndTime" : startText !== undefined ? "StartTime" : "EndTime";
    bounds = checkAndClamp({ start: startSpan?.start, end: endSpan?.end, endIsWindow: endSpan?.instant === false }, ctx, what);
  }

  const out: ResolvedTime = { TimeZone: zone, ZoneSource: source, Language: lang };
  if (bounds.start !== undefined) out.StartTime = formatUtcSeconds(new Date(bounds.start));
  if (bounds.end !== undefined) out.EndTime = formatUtcSeconds(new Date(bounds.end));
  const window = timeWindow(bounds, zone, lang);
  if (window) out.TimeWindow = window;
  return out;
}

// The same dates and zone in both languages; only the joining words differ.
const WINDOW_WORDS = {
  en: { to: " to ", since: ["since ", ""], until: ["until ", ""] },
  zh: { to: " 至 ", since: ["自 ", " 起"], until: ["截至 ", ""] },
} as const;

function timeWindow(b: Bounds, zone: string, lang: "en" | "zh"): string | undefined {
  const w = WINDOW_WORDS[lang];
  const local = (ms: number): string => formatLocal(zone, ms);
  if (b.start !== undefined && b.end !== undefined) return `${local(b.start)}${w.to}${local(b.end)} ${zone}`;
  if (b.start !== undefined) return `${w.since[0]}${local(b.start)}${w.since[1]} ${zone}`;
  if (b.end !== undefined) return `${w.until[0]}${local(b.end)}${w.until[1]} ${zone}`;
  return undefined;
}
