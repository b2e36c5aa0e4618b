// English lengths of time: "3 hours", "24h", "three days", "twenty-four
// hours", "an hour", "a week", "half an hour", "one and a half hours",
// "1.5 hours". Shared by rolling windows ("last three days"), elapsed points
// ("an hour ago") and future points ("in 2 hours"). Months and years are
// recognised only to be refused with an explanation (months.ts).
import { TimeInputError } from "./errors.js";

export type Duration =
  | { kind: "elapsed"; ms: number }
  | { kind: "calendar"; unit: "month" | "year"; n: number };

const UNIT_MS: Record<string, number> = {};
for (const [ms, names] of [
  [60_000, ["m", "min", "mins", "minute", "minutes"]],
  [3_600_000, ["h", "hr", "hrs", "hour", "hours"]],
  [86_400_000, ["d", "day", "days"]],
  [604_800_000, ["w", "wk", "wks", "week", "weeks"]],
] as const) {
  for (const n of names) UNIT_MS[n] = ms;
}
const CALENDAR_UNITS: Record<string, "month" | "year"> = {
  mo: "month", mos: "month", month: "month", months: "month",
  yr: "year", yrs: "year", year: "year", years: "year",
};
/** Units that read alone after "last"/"past" ("past hour"); "last week" itself is the calendar week. */
const SINGULAR = new Set(["minute", "min", "hour", "hr", "day", "week", "wk", "month", "year"]);

const SMALL = [
  "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
];
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const TENS_RE = /^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](one|two|three|four|five|six|seven|eight|nine))?$/;

/** "3", "1.5", "a", "an", "one" ... "nineteen", "twenty" ... "ninety-nine" (hyphen or space). */
export function countWord(w: string): number | undefined {
  if (/^\d+(?:\.\d+)?$/.test(w)) return Number(w);
  if (w === "a" || w === "an") return 1;
  const i = SMALL.indexOf(w);
  if (i >= 0) return i;
  const m = TENS_RE.exec(w);
  return m ? TENS[m[1]!]! + (m[2] ? SMALL.indexOf(m[2]) : 0) : undefined;
}

const VAGUE_COUNT = /^(?:a few|few|several|a couple(?: of)?|couple(?: of)?|some|many|a number of|a bunch of|lots of|a lot of)$/;

function unitDuration(n: number, unit: string): Duration | undefined {
  const ms = UNIT_MS[unit];
  if (ms !== undefined) return { kind: "elapsed", ms: n * ms };
  const cal = CALENDAR_UNITS[unit];
  return cal && { kind: "calendar", unit: cal, n };
}

/**
 * A normalized length of time; undefined when `t` is not one. `bare` lets a lone singular unit
 * mean one of it ("hour" after "last"). A vague count ("a few hours") is refused here, quoting
 * `phrase`, since no reading of it would be right.
 */
export function parseDuration(t: string, phrase: string, bare = false): Duration | undefined {
  let m = /^(?:a )?half (?:an? )?(hour|hr|day|minute|min|week)$/.exec(t);
  if (m) return unitDuration(0.5, m[1]!);
  m = /^(.+?) and a half ([a-z]+)$/.exec(t) ?? /^(.+?) ([a-z]+) and a half$/.exec(t);
  if (m) {
    const n = countWord(m[1]!);
    return n === undefined ? undefined : unitDuration(n + 0.5, m[2]!);
  }
  // Digits may touch their unit ("24h"); a spelled count needs its space ("an hour", not "and").
  m = /^(\d+(?:\.\d+)?) ?([a-z]+)$/.exec(t) ?? /^(.+) ([a-z]+)$/.exec(t);
  if (m) {
    const n = countWord(m[1]!);
    if (n !== undefined) return unitDuration(n, m[2]!);
    if (VAGUE_COUNT.test(m[1]!) && unitDuration(1, m[2]!)) {
      throw new TimeInputError(
        `Could not understand "${phrase}": "${m[1]}" is not a number. Give one, in digits or words: "last 3 hours", "three days ago".`,
      );
    }
    return undefined;
  }
  return bare && SINGULAR.has(t) ? unitDuration(1, t) : undefined;
}
