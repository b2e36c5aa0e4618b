// Fixed offsets (TimeZone "UTC+8", "+05:30", "GMT-5") through every kind of
// rule, at the clock of table-clock.test.ts and across month and year
// boundaries, with the Monday week start; see table-helpers.ts. A fixed offset
// has no daylight saving: every local midnight is the same UTC hour (16:00 for
// UTC+8, 18:30 the day before for UTC+05:30, 05:00 for UTC-5).
import { type Ends, type Zone, run } from "./table-helpers.js";

const fixed = (p8: Ends, p530: Ends, m5: Ends): Partial<Record<Zone, Ends>> => ({ P8: p8, P530: p530, M5: m5 });
const same = (start: string | null, end: string | null): Partial<Record<Zone, Ends>> => fixed([start, end], [start, end], [start, end]);

// Saturday. Local: UTC+8 Sat 22:10, UTC+05:30 Sat 19:40, UTC-5 Sat 09:10.
const N1 = "2026-11-28 14:10";
run("fixed offsets: every kind of rule", "2026-11-28T14:10:00Z", [
  { input: "last 2 hours", expect: same("2026-11-28 12:10", N1) },
  { input: "past 7 days", expect: same("2026-11-21 14:10", N1) },
  { input: "today", expect: fixed(["2026-11-27 16:00", N1], ["2026-11-27 18:30", N1], ["2026-11-28 05:00", N1]) },
  {
    input: "yesterday",
    expect: fixed(["2026-11-26 16:00", "2026-11-27 16:00"], ["2026-11-26 18:30", "2026-11-27 18:30"], ["2026-11-27 05:00", "2026-11-28 05:00"]),
  },
  { input: "this week", expect: fixed(["2026-11-22 16:00", N1], ["2026-11-22 18:30", N1], ["2026-11-23 05:00", N1]) },
  {
    input: "last week",
    expect: fixed(["2026-11-15 16:00", "2026-11-22 16:00"], ["2026-11-15 18:30", "2026-11-22 18:30"], ["2026-11-16 05:00", "2026-11-23 05:00"]),
  },
  { input: "this month", expect: fixed(["2026-10-31 16:00", N1], ["2026-10-31 18:30", N1], ["2026-11-01 05:00", N1]) },
  {
    input: "last month",
    expect: fixed(["2026-09-30 16:00", "2026-10-31 16:00"], ["2026-09-30 18:30", "2026-10-31 18:30"], ["2026-10-01 05:00", "2026-11-01 05:00"]),
  },
  { input: "this year", expect: fixed(["2025-12-31 16:00", N1], ["2025-12-31 18:30", N1], ["2026-01-01 05:00", N1]) },
  { input: "since Monday 9am", expect: fixed(["2026-11-23 01:00", N1], ["2026-11-23 03:30", N1], ["2026-11-23 14:00", N1]) },
  {
    input: "between 2026-11-20 09:00 and 17:30",
    expect: fixed(["2026-11-20 01:00", "2026-11-20 09:30"], ["2026-11-20 03:30", "2026-11-20 12:00"], ["2026-11-20 14:00", "2026-11-20 22:30"]),
  },
  {
    input: "from Nov 20 to Nov 22",
    expect: fixed(["2026-11-19 16:00", "2026-11-22 16:00"], ["2026-11-19 18:30", "2026-11-22 18:30"], ["2026-11-20 05:00", "2026-11-23 05:00"]),
  },
  { input: { StartTime: "yesterday 14:30" }, expect: fixed(["2026-11-27 06:30", null], ["2026-11-27 09:00", null], ["2026-11-27 19:30", null]) },
  { input: { StartTime: "2026-11-20 09:00", EndTime: "17:30" }, expect: fixed(["2026-11-20 01:00", "2026-11-20 09:30"], ["2026-11-20 03:30", "2026-11-20 12:00"], ["2026-11-20 14:00", "2026-11-20 22:30"]) },
  // An explicit offset in the text wins over TimeZone.
  { input: { StartTime: "2026-11-20T09:00:00+08:00" }, expect: same("2026-11-20 01:00", null) },
]);

// Sunday 2026-03-01 in UTC+8 (11:00) and UTC+05:30 (08:30); still Saturday Feb 28 (22:00) in UTC-5.
const N3 = "2026-03-01 03:00";
run("fixed offsets: month boundary and the Monday week start", "2026-03-01T03:00:00Z", [
  { input: "this month", expect: fixed(["2026-02-28 16:00", N3], ["2026-02-28 18:30", N3], ["2026-02-01 05:00", N3]) },
  {
    input: "last month",
    expect: fixed(["2026-01-31 16:00", "2026-02-28 16:00"], ["2026-01-31 18:30", "2026-02-28 18:30"], ["2026-01-01 05:00", "2026-02-01 05:00"]),
  },
  // Sunday is the last day of the week that began on Monday Feb 23, in all three.
  { input: "this week", expect: fixed(["2026-02-22 16:00", N3], ["2026-02-22 18:30", N3], ["2026-02-23 05:00", N3]) },
  {
    input: "last week",
    expect: fixed(["2026-02-15 16:00", "2026-02-22 16:00"], ["2026-02-15 18:30", "2026-02-22 18:30"], ["2026-02-16 05:00", "2026-02-23 05:00"]),
  },
  { input: "Sunday", expect: fixed(["2026-02-28 16:00", N3], ["2026-02-28 18:30", N3], ["2026-02-22 05:00", "2026-02-23 05:00"]) },
  { input: "Monday", expect: fixed(["2026-02-22 16:00", "2026-02-23 16:00"], ["2026-02-22 18:30", "2026-02-23 18:30"], ["2026-02-23 05:00", "2026-02-24 05:00"]) },
  {
    input: "yesterday",
    expect: fixed(["2026-02-27 16:00", "2026-02-28 16:00"], ["2026-02-27 18:30", "2026-02-28 18:30"], ["2026-02-27 05:00", "2026-02-28 05:00"]),
  },
  { input: "last 24 hours", expect: same("2026-02-28 03:00", N3) },
]);

// Friday 2027-01-01 in UTC+8 (11:00) and UTC+05:30 (08:30); Thursday Dec 31 (22:00) in UTC-5.
const N2 = "2027-01-01 03:00";
run("fixed offsets: year boundary", "2027-01-01T03:00:00Z", [
  { input: "this year", expect: fixed(["2026-12-31 16:00", N2], ["2026-12-31 18:30", N2], ["2026-01-01 05:00", N2]) },
  {
    input: "last year",
    expect: fixed(["2025-12-31 16:00", "2026-12-31 16:00"], ["2025-12-31 18:30", "2026-12-31 18:30"], ["2025-01-01 05:00", "2026-01-01 05:00"]),
  },
  {
    input: "last month",
    expect: fixed(["2026-11-30 16:00", "2026-12-31 16:00"], ["2026-11-30 18:30", "2026-12-31 18:30"], ["2026-11-01 05:00", "2026-12-01 05:00"]),
  },
  { input: "this week", expect: fixed(["2026-12-27 16:00", N2], ["2026-12-27 18:30", N2], ["2026-12-28 05:00", N2]) },
  { input: "Dec 31", expect: fixed(["2026-12-30 16:00", "2026-12-31 16:00"], ["2026-12-30 18:30", "2026-12-31 18:30"], ["2026-12-31 05:00", N2]) },
]);
