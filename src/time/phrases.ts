// Grammar for a whole window (TimeRange). Ranges, rolling windows and
// calendar words are recognised here with our own regexes; only the points
// inside them ever reach chrono (see points.ts), because chrono returns
// points, not ranges, and splits many ranges wrongly.
//
// "last week" (bare) is the calendar week before this one. Every other
// spelling that names a duration -- "past week", "the past week", "in the
// past week", "the last week", "in the last week", "last 1 week", "last 7
// days" -- is a rolling window ending now. Likewise "last month" is the
// previous calendar month; months are not a rolling unit (their length
// varies), so "past month" is refused rather than guessed, with the forms that
// say it exactly (months.ts); the same for years ("last year" is calendar).
import { TimeInputError } from "./errors.js";
import { monthsRefusal } from "./months.js";
import { type Ctx, parsePoint } from "./points.js";
import { parseDuration } from "./durations.js";
import type { PointSpec } from "./words.js";

export type RangeSpec =
  | { kind: "rolling"; ms: number }
  | { kind: "since"; from: PointSpec } // [X.start, now]
  | { kind: "after"; from: PointSpec } // [X.end, now]
  | { kind: "until"; to: PointSpec } // [open, X.end]
  | { kind: "before"; to: PointSpec } // [open, X.start]
  | { kind: "between"; from: PointSpec; to: PointSpec } // [X.start, Y.end]
  | { kind: "point"; point: PointSpec };

const ROLLING = /^(?:(?:in|within|over|during|for) )?(?:the )?(?:last|past) (.+)$/;

/** "last 3 hours", "the past three days", "in the last hour", "24h", "three days", "half an hour". */
function rolling(t: string, original: string, ctx: Ctx): RangeSpec | undefined {
  if (t === "last week" || t === "last month" || t === "last year") return undefined; // calendar, see above
  const m = ROLLING.exec(t);
  const d = m ? parseDuration(m[1]!, original, true) : parseDuration(t, original);
  if (!d) return undefined;
  if (d.kind === "calendar") throw monthsRefusal(`TimeRange "${original}"`, d.unit, d.n, "window", "en", ctx.today);
  return rollingWindow(d.ms, original);
}

export function rollingWindow(ms: number, original: string): RangeSpec {
  if (!(ms > 0)) throw new TimeInputError(`TimeRange "${original}" is an empty window; the count must be more than 0 (e.g. "last 1 hour").`);
  return { kind: "rolling", ms };
}

/** Parses a normalized TimeRange; undefined when any part is not understood. */
export function parseRange(t: string, original: string, ctx: Ctx): RangeSpec | undefined {
  const r = rolling(t, original, ctx);
  if (r) return r;
  const point = (s: string): PointSpec | undefined => parsePoint(s, original, ctx);
  const pair = (a: string, b: string): RangeSpec | undefined => {
    const from = point(a);
    const to = point(b);
    return from && to ? { kind: "between", from, to } : undefined;
  };

  let m = /^between (.+?) and (.+)$/.exec(t);
  if (m) return pair(m[1]!, m[2]!);
  m = /^from (.+?) (?:to|until|till|through|thru|-) (.+)$/.exec(t);
  if (m) return pair(m[1]!, m[2]!);
  m = /^(?:since|from) (.+)$/.exec(t);
  if (m) {
    const from = point(m[1]!);
    return from && { kind: "since", from };
  }
  m = /^after (.+)$/.exec(t);
  if (m) {
    const from = point(m[1]!);
    return from && { kind: "after", from };
  }
  m = /^(?:until|till|til|up to|through) (.+)$/.exec(t);
  if (m) {
    const to = point(m[1]!);
    return to && { kind: "until", to };
  }
  m = /^before (.+)$/.exec(t);
  if (m) {
    const to = point(m[1]!);
    return to && { kind: "before", to };
  }
  const whole = point(t);
  if (whole) return { kind: "point", point: whole };
  // "X to Y" / "X - Y" last, so that a single point containing "-" (ISO
  // dates) or one chrono understands is never split.
  m = /^(.+?) (?:to|-) (.+)$/.exec(t);
  if (m) return pair(m[1]!, m[2]!);
  return undefined;
}
