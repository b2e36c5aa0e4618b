// Written dates: ISO 8601 by our own regex (exact, offsets honoured) and
// free-form dates ("Nov 20", "20 November 2026", "11/20") through chrono.
import { createRequire } from "node:module";
import type * as Chrono from "chrono-node";

// chrono-node costs ~100 ms to load: it is required on the first free-form date, not at start-up
// (tools must list instantly). Its CommonJS build makes that a plain synchronous require.
let chronoModule: typeof Chrono | undefined;
function chrono(): typeof Chrono {
  chronoModule ??= createRequire(import.meta.url)("chrono-node") as typeof Chrono;
  return chronoModule;
}
import { TimeInputError } from "./errors.js";
import { type Clock, type DaySpec, type PointSpec, WEEKDAY_RE, checkClock } from "./words.js";
import { daysInMonth, wallAsUtcMs } from "./zone.js";

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:(?:t| )(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(z|[+-]\d{2}(?::?\d{2})?)?$/;

/** ISO date or date-time; a malformed one is refused, not passed on to chrono. */
export function parseIso(t: string, original: string): PointSpec | undefined {
  const m = ISO_RE.exec(t);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const bad = (): never => {
    throw new TimeInputError(`"${original}" is not a valid date/time (check month, day, hour, minute and offset).`);
  };
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) bad();
  const date = { y, mo, d };
  if (m[4] === undefined) {
    if (m[8] !== undefined) bad(); // an offset on a bare date means nothing
    return { kind: "day", day: { kind: "date", date } };
  }
  const clock = checkClock(Number(m[4]), Number(m[5]), Number(m[6] ?? 0)) ?? bad();
  if (m[8] === undefined) return { kind: "day", day: { kind: "date", date }, clock };
  let offMin = 0;
  if (m[8] !== "z") {
    const om = /^([+-])(\d{2}):?(\d{2})?$/.exec(m[8])!;
    const [oh, omin] = [Number(om[2]), Number(om[3] ?? 0)];
    if (oh > 18 || omin > 59) bad();
    offMin = (om[1] === "-" ? -1 : 1) * (oh * 60 + omin);
  }
  return { kind: "instant", ms: wallAsUtcMs({ ...date, ...clock }) - offMin * 60_000 };
}

// chrono's casual parser accepts far more than dates ("20 today" as 20:00,
// "2 days before", zone abbreviations), so it only sees text made of date
// words: month and weekday names, numbers, slash dates, clock times.
const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
const TOKEN = new RegExp(
  `^(?:${MONTH}|${WEEKDAY_RE}|\\d{1,4}(?:st|nd|rd|th)?|\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?|\\d{4}/\\d{1,2}/\\d{1,2}|\\d{1,2}:\\d{2}(?::\\d{2})?|[ap]\\.?m\\.?|at|on|of|the)$`,
);
const HAS_DATE = new RegExp(`(^|[ ,])${MONTH}($|[ ,])|\\d/\\d`);

export function parseFreeDate(t: string, ref: Date, offsetMin: number): { day: DaySpec; clock?: Clock } | undefined {
  const tokens = t.split(/[ ,]+/).filter(Boolean);
  if (tokens.length === 0 || !tokens.every((tok) => TOKEN.test(tok)) || !HAS_DATE.test(t)) return undefined;
  let results: Chrono.ParsedResult[];
  try {
    results = chrono().parse(t, { instant: ref, timezone: offsetMin }, { forwardDate: false });
  } catch {
    return undefined; // a parser failure is just "not understood"
  }
  const r = results[0];
  if (results.length !== 1 || !r || r.index !== 0 || r.text.length !== t.length || r.end) return undefined;
  const s = r.start;
  if (!s.isCertain("day") || !s.isCertain("month") || s.isCertain("timezoneOffset")) return undefined;
  const num = (k: Chrono.Component): number => s.get(k) ?? 0;
  // chrono numbers weekdays from Sunday = 0; a written weekday must agree with the date.
  const wd = s.isCertain("weekday") ? ((num("weekday") + 6) % 7) + 1 : undefined;
  // chrono fills a missing year from the reference year even when that puts
  // the date in the future; the year is chosen later (latest past occurrence).
  const day: DaySpec = s.isCertain("year")
    ? { kind: "date", date: { y: num("year"), mo: num("month"), d: num("day") }, wd }
    : { kind: "dateNoYear", mo: num("month"), d: num("day"), wd };
  if (!s.isCertain("hour")) return { day };
  return { day, clock: { h: num("hour"), mi: num("minute"), s: num("second") } };
}
