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
import { COUNT_RE, MONTH_UNIT_RE, type PointSpec, SINGULAR_UNIT_RE, UNIT_MS, UNIT_RE, count, monthUnit } from "./words.js";

export type RangeSpec =
  | { kind: "rolling"; ms: number }
  | { kind: "since"; from: PointSpec } // [X.start, now]
  | { kind: "after"; from: PointSpec } // [X.end, now]
  | { kind: "until"; to: PointSpec } // [open, X.end]
  | { kind: "before"; to: PointSpec } // [open, X.start]
  | { kind: "between"; from: PointSpec; to: PointSpec } // [X.start, Y.end]
  | { kind: "point"; point: PointSpec };

const ROLLING_PREFIX = "(?:in the |the |in )?(?:last|past)";
const ROLLING_N = new RegExp(`^${ROLLING_PREFIX} ${COUNT_RE} ?${UNIT_RE}$`);
const ROLLING_1 = new RegExp(`^${ROLLING_PREFIX} ${SINGULAR_UNIT_RE}$`);
const COMPACT = new RegExp(`^(\\d+) ?${UNIT_RE}$`);
const MONTHS_N = new RegExp(`^(?:${ROLLING_PREFIX} )?${COUNT_RE} ?${MONTH_UNIT_RE}$`);
const MONTHS_1 = new RegExp(`^${ROLLING_PREFIX} ${MONTH_UNIT_RE}$`);

function rolling(t: string, original: string, ctx: Ctx): RangeSpec | undefined {
  if (t === "last week" || t === "last month" || t === "last year") return undefined; // calendar, see above
  const mm = MONTHS_N.exec(t) ?? MONTHS_1.exec(t);
  if (mm) {
    const unit = mm[2] ?? mm[1]!;
    throw monthsRefusal(`TimeRange "${original}"`, monthUnit(unit), mm[2] ? count(mm[1]!) : 1, "window", "en", ctx.today);
  }
  let m = ROLLING_N.exec(t) ?? COMPACT.exec(t);
  if (m) {
    const n = count(m[1]!);
    if (n < 1) throw new TimeInputError(`TimeRange "${original}" is an empty window; the count must be at least 1.`);
    return { kind: "rolling", ms: n * UNIT_MS[m[2]!]! };
  }
  m = ROLLING_1.exec(t);
  if (m) return { kind: "rolling", ms: UNIT_MS[m[1]!]! };
  return undefined;
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
