import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ResolvedTime, type TimeInput, TimeInputError, resolveTimeQuery } from "../../src/time/index.js";
import { formatOffset } from "../../src/time/zone.js";

// Zones chosen for awkward rules: DST at midnight (Santiago, Sao Paulo until
// 2019), half-hour DST (Lord Howe), quarter-hour offsets (Chatham, Kathmandu);
// and fixed offsets of any minute count.
const ZONES = [
  "UTC",
  "Asia/Shanghai",
  "America/Los_Angeles",
  "Europe/London",
  "America/Santiago",
  "America/Sao_Paulo",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "Asia/Kathmandu",
];
// Fixed offsets, from UTC-12:00 to UTC+14:00 in minutes, in their normalized spelling.
const fixedZone = fc.integer({ min: -720, max: 840 }).filter((m) => m !== 0).map(formatOffset);
const zone = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ZONES) }, { weight: 1, arbitrary: fixedZone });
const now = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2035-12-31T23:59:59Z"), noInvalidDate: true });

const UNITS = ["m", "min", "mins", "minute", "minutes", "h", "hr", "hrs", "hour", "hours", "d", "day", "days", "w", "wk", "week", "weeks"];
const rolling = fc
  .tuple(fc.constantFrom("last", "past", "the last", "the past", "in the last", "in the past"), fc.integer({ min: 1, max: 1000 }), fc.constantFrom(" ", ""), fc.constantFrom(...UNITS))
  .map(([p, n, sp, u]) => `${p} ${n}${sp}${u}`);
const compact = fc.tuple(fc.integer({ min: 1, max: 999 }), fc.constantFrom("m", "h", "d", "w")).map(([n, u]) => `${n}${u}`);
const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const calendar = fc.oneof(
  fc.constantFrom("today", "yesterday", "this week", "last week", "this month", "last month"),
  fc.tuple(fc.constantFrom("", "on ", "last "), fc.constantFrom(...WEEKDAYS)).map(([p, d]) => p + d),
);

// A wall-clock date at least two days before now (UTC) is in the past in every
// zone (offsets stay within +-14h), whatever the DST rules.
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n: number): string => String(n).padStart(2, "0");
interface PastDate {
  daysBack: number;
  hour: number;
  minute: number;
  style: number;
}
const pastDate = fc.record({
  daysBack: fc.integer({ min: 2, max: 3000 }),
  hour: fc.integer({ min: 0, max: 23 }),
  minute: fc.integer({ min: 0, max: 59 }),
  style: fc.integer({ min: 0, max: 3 }),
});
function renderDate(n: Date, p: PastDate): string {
  const d = new Date(n.getTime() - p.daysBack * 86_400_000);
  const [y, mo, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  const iso = `${y}-${pad(mo)}-${pad(day)}`;
  switch (p.style) {
    case 0:
      return iso;
    case 1:
      return `${iso} ${pad(p.hour)}:${pad(p.minute)}`;
    case 2:
      return `${MONTHS[mo - 1]} ${day} ${y}`;
    default:
      return `${iso}T${pad(p.hour)}:${pad(p.minute)}:00Z`;
  }
}

type Phrase = (n: Date) => TimeInput;
const validRange: fc.Arbitrary<Phrase> = fc.oneof(
  rolling.map((t) => () => ({ TimeRange: t })),
  compact.map((t) => () => ({ TimeRange: t })),
  fc.constantFrom("past week", "last hour", "last day", "past minute").map((t) => () => ({ TimeRange: t })),
  calendar.map((t) => () => ({ TimeRange: t })),
  // Alone, only a date-only form is a window (a date-time is a single point).
  pastDate.map((p) => (n: Date) => ({ TimeRange: renderDate(n, { ...p, style: p.style % 2 === 0 ? p.style : 0 }) })),
  fc.tuple(fc.constantFrom("since", "until", "before", "after"), pastDate).map(([w, p]) => (n: Date) => ({ TimeRange: `${w} ${renderDate(n, p)}` })),
  fc.tuple(pastDate, pastDate, fc.constantFrom(["between", "and"], ["from", "to"], ["", "to"], ["", "-"])).map(
    ([a, b, [open, sep]]) =>
      (n: Date) => {
        // Earlier first, at least a day apart, so DST shifts cannot swap them.
        const [x, y] = a.daysBack > b.daysBack ? [a, b] : [{ ...b, daysBack: b.daysBack + 1 }, a];
        return { TimeRange: `${open} ${renderDate(n, x)} ${sep} ${renderDate(n, y)}`.trim() };
      },
  ),
  // Four days back starts before any point 48 hours ago, in any zone.
  fc.tuple(pastDate, fc.integer({ min: 0, max: 48 })).map(([p, h]) => (n: Date) => ({
    StartTime: renderDate(n, { ...p, daysBack: p.daysBack + 2 }),
    EndTime: `${h} hours ago`,
  })),
  fc.tuple(fc.integer({ min: 1, max: 500 }), fc.constantFrom("minutes", "hours", "days", "weeks")).map(([k, u]) => () => ({ StartTime: `${k} ${u} ago` })),
  calendar.map((t) => () => ({ StartTime: t })),
  calendar.map((t) => () => ({ EndTime: t })),
);

function checkInvariants(r: ResolvedTime, n: Date, input: TimeInput): void {
  const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
  const nowS = Math.floor(n.getTime() / 1000) * 1000;
  for (const v of [r.StartTime, r.EndTime]) {
    if (v === undefined) continue;
    expect(v).toMatch(ISO);
    expect(Date.parse(v)).toBeLessThanOrEqual(nowS);
  }
  if (r.StartTime && r.EndTime) expect(Date.parse(r.StartTime)).toBeLessThanOrEqual(Date.parse(r.EndTime));
  expect(r.TimeWindow).toBeDefined();
  // A TimeRange sends both ends except for "until"/"before"; a lone bound sends one.
  if (input.TimeRange && !/^(until|before)/.test(input.TimeRange)) {
    expect(r.StartTime).toBeDefined();
    expect(r.EndTime).toBeDefined();
  }
  if (input.StartTime && !input.EndTime) expect(r.EndTime).toBeUndefined();
  if (input.EndTime && !input.StartTime) expect(r.StartTime).toBeUndefined();
}

describe("properties", () => {
  it("valid phrases resolve to an ordered window ending no later than now", () => {
    fc.assert(
      fc.property(now, zone, validRange, (n, z, phrase) => {
        const input = phrase(n);
        const r = resolveTimeQuery({ ...input, TimeZone: z }, n);
        expect(r.TimeZone).toBe(z);
        checkInvariants(r, n, input);
      }),
      { numRuns: 1500 },
    );
  });

  const risky = fc.oneof(
    fc.tuple(fc.constantFrom("", "since ", "today ", "yesterday ", "monday ", "last friday at "), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(
      ([p, h, m]) => `${p}${pad(h)}:${pad(m)}`,
    ),
    fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: 0, max: 23 })).map(([d, h]) => ({ d, h })).map((x) => `${x.d} days ${x.h} hours`),
    fc.string({ maxLength: 30 }),
    fc.constantFrom("next week", "tomorrow", "since tomorrow", "between 10:00 and 09:00", "in 3 hours", "Feb 29", "midnight", "noon", "12am"),
  );
  it("any phrase either resolves within the invariants or throws TimeInputError", () => {
    fc.assert(
      fc.property(now, zone, risky, fc.constantFrom("TimeRange", "StartTime", "EndTime"), (n, z, text, field) => {
        const input: TimeInput = { [field]: text };
        let r: ResolvedTime;
        try {
          r = resolveTimeQuery({ ...input, TimeZone: z }, n);
        } catch (e) {
          expect(e).toBeInstanceOf(TimeInputError);
          return;
        }
        if (text.trim() !== "") checkInvariants(r, n, input);
      }),
      { numRuns: 1500 },
    );
  });

  const invalid = fc.oneof(
    fc.tuple(fc.constantFrom("last", "past", "in the last", ""), fc.integer({ min: 1, max: 99 }), fc.constantFrom("fortnights", "moons", "eons", "parsecs", "months", "years", "secs"))
      .map(([p, n, u]) => `${p} ${n} ${u}`.trim()),
    fc.constantFrom("whenever", "soon", "a while back", "the other day", "next friday", "between monday and", "since", "until", "last", "past 2"),
    fc.tuple(fc.constantFrom("since", "between", "from", "before"), fc.constantFrom("whenever", "blue", "2026-13-40", "25:99")).map(([a, b]) => `${a} ${b}`),
    // Points in the future, as a TimeRange.
    fc.tuple(fc.constantFrom("since ", "", "between "), fc.integer({ min: 2, max: 2000 })).map(([p, k]) => `${p}${k + 2040}-01-01${p === "between " ? " and 2099-01-01" : ""}`),
  );
  it("invalid phrases always throw TimeInputError", () => {
    fc.assert(
      fc.property(now, zone, invalid, (n, z, text) => {
        expect(() => resolveTimeQuery({ TimeRange: text, TimeZone: z }, n)).toThrow(TimeInputError);
      }),
      { numRuns: 1000 },
    );
  });
});
