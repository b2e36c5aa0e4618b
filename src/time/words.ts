// Vocabulary shared by the point and range grammars: units, weekday names,
// clock times, and the parsed shapes handed from parsing to resolution.
import type { CivilDate } from "./zone.js";

export interface Clock {
  h: number;
  mi: number;
  s: number;
}

/** wd (ISO weekday, when one was written) is checked against the date. */
export type DaySpec =
  | { kind: "offset"; days: number } // today 0, yesterday -1, tomorrow +1
  | { kind: "weekday"; wd: number; strict: boolean }
  | { kind: "weekOf"; weeks: number; wd: number } // a weekday of this week (0), last week (-1), ...
  | { kind: "dayOfMonth"; d: number } // the latest such day of a month, not after today
  | { kind: "date"; date: CivilDate; wd?: number }
  | { kind: "dateNoYear"; mo: number; d: number; wd?: number };

export type PointSpec =
  | { kind: "now" }
  | { kind: "instant"; ms: number }
  | { kind: "relative"; ms: number } // signed offset from now
  | { kind: "day"; day: DaySpec; clock?: Clock }
  | { kind: "part"; day: DaySpec; from: number; to: number } // hours from the day's midnight, to <= 30
  | { kind: "clock"; clock: Clock }
  | { kind: "calendar"; unit: "week" | "month" | "year"; offset: number };

export const WEEKDAYS: Record<string, number> = {
  monday: 1, mon: 1, tuesday: 2, tues: 2, tue: 2, wednesday: 3, wed: 3,
  thursday: 4, thurs: 4, thur: 4, thu: 4, friday: 5, fri: 5, saturday: 6, sat: 6, sunday: 7, sun: 7,
};
export const WEEKDAY_RE =
  "(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tues|thurs|thur|mon|tue|wed|thu|fri|sat|sun)";

/** A clock time as it may trail or lead a date: "9am", "2:30 pm", "17:30", "noon". */
export const CLOCK_RE = "(\\d{1,2}(?::\\d{2}){0,2}(?: ?[ap]\\.?m\\.?)?|noon|midnight)";

export function normalize(text: string): string {
  return text.trim().toLowerCase().replace(/[–—]/g, " - ").replace(/\s+/g, " ").replace(/\.$/, "");
}

export function checkClock(h: number, mi: number, s: number): Clock | undefined {
  return h <= 23 && mi <= 59 && s <= 59 ? { h, mi, s } : undefined;
}

export function parseClock(t: string): Clock | undefined {
  if (t === "noon") return { h: 12, mi: 0, s: 0 };
  // "midnight" is the start of the day it is attached to, never the end.
  if (t === "midnight") return { h: 0, mi: 0, s: 0 };
  let m = /^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))? ?(am|pm|a\.m\.?|p\.m\.?)$/.exec(t);
  if (m) {
    const h = Number(m[1]);
    if (h < 1 || h > 12) return undefined;
    const pm = m[4]!.startsWith("p");
    return checkClock((h % 12) + (pm ? 12 : 0), Number(m[2] ?? 0), Number(m[3] ?? 0));
  }
  // A lone number ("9") could be a day or an hour; only h:mm is a clock.
  m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (m) return checkClock(Number(m[1]), Number(m[2]), Number(m[3] ?? 0));
  return undefined;
}
