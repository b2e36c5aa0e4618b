// Every rule at one fixed clock, in three zones; see table-helpers.ts.
import { type Ends, type Zone, all, run } from "./table-helpers.js";

// Saturday. Local: Shanghai Sat 22:10, Los Angeles Sat 06:10 (PST), UTC Sat 14:10.
const N1 = "2026-11-28 14:10";
run("rolling windows", "2026-11-28T14:10:00Z", [
  { input: "last 2 hours", expect: all("2026-11-28 12:10", N1) },
  { input: "past 30 minutes", expect: all("2026-11-28 13:40", N1) },
  { input: "the last 45 mins", expect: all("2026-11-28 13:25", N1) },
  { input: "in the last 3 days", expect: all("2026-11-25 14:10", N1) },
  { input: "in the past 2 weeks", expect: all("2026-11-14 14:10", N1) },
  { input: "last 90 min", expect: all("2026-11-28 12:40", N1) },
  { input: "past 5 hrs", expect: all("2026-11-28 09:10", N1) },
  { input: "last 3 wks", expect: all("2026-11-07 14:10", N1) },
  { input: "last 1 d", expect: all("2026-11-27 14:10", N1) },
  { input: "last 10 m", expect: all("2026-11-28 14:00", N1) },
  { input: "Last 2 Hours", expect: all("2026-11-28 12:10", N1) },
  { input: "last hour", expect: all("2026-11-28 13:10", N1) },
  { input: "past minute", expect: all("2026-11-28 14:09", N1) },
  { input: "last day", expect: all("2026-11-27 14:10", N1) },
  { input: "past week", expect: all("2026-11-21 14:10", N1) },
  { input: "the past week", expect: all("2026-11-21 14:10", N1) },
  { input: "in the past week", expect: all("2026-11-21 14:10", N1) },
  { input: "in the last week", expect: all("2026-11-21 14:10", N1) },
  { input: "the last 1 week", expect: all("2026-11-21 14:10", N1) },
  { input: "last 1 week", expect: all("2026-11-21 14:10", N1) },
  { input: "24h", expect: all("2026-11-27 14:10", N1) },
  { input: "30m", expect: all("2026-11-28 13:40", N1) },
  { input: "2d", expect: all("2026-11-26 14:10", N1) },
  { input: "1w", expect: all("2026-11-21 14:10", N1) },
  { input: "last 24h", expect: all("2026-11-27 14:10", N1) },
  { input: "3 days", expect: all("2026-11-25 14:10", N1) },
]);

run("calendar words", "2026-11-28T14:10:00Z", [
  { input: "today", expect: { SH: ["2026-11-27 16:00", N1], LA: ["2026-11-28 08:00", N1], UTC: ["2026-11-28 00:00", N1] } },
  {
    input: "yesterday",
    expect: {
      SH: ["2026-11-26 16:00", "2026-11-27 16:00"],
      LA: ["2026-11-27 08:00", "2026-11-28 08:00"],
      UTC: ["2026-11-27 00:00", "2026-11-28 00:00"],
    },
  },
  { input: "this week", expect: { SH: ["2026-11-22 16:00", N1], LA: ["2026-11-23 08:00", N1], UTC: ["2026-11-23 00:00", N1] } },
  {
    input: "last week",
    expect: {
      SH: ["2026-11-15 16:00", "2026-11-22 16:00"],
      LA: ["2026-11-16 08:00", "2026-11-23 08:00"],
      UTC: ["2026-11-16 00:00", "2026-11-23 00:00"],
    },
  },
  // Los Angeles: Nov 1 00:00 is still daylight time (-07:00).
  { input: "this month", expect: { SH: ["2026-10-31 16:00", N1], LA: ["2026-11-01 07:00", N1], UTC: ["2026-11-01 00:00", N1] } },
  {
    input: "last month",
    expect: {
      SH: ["2026-09-30 16:00", "2026-10-31 16:00"],
      LA: ["2026-10-01 07:00", "2026-11-01 07:00"],
      UTC: ["2026-10-01 00:00", "2026-11-01 00:00"],
    },
  },
  { input: "this year", expect: { SH: ["2025-12-31 16:00", N1], LA: ["2026-01-01 08:00", N1], UTC: ["2026-01-01 00:00", N1] } },
  {
    input: "last year",
    expect: {
      SH: ["2024-12-31 16:00", "2025-12-31 16:00"],
      LA: ["2025-01-01 08:00", "2026-01-01 08:00"],
      UTC: ["2025-01-01 00:00", "2026-01-01 00:00"],
    },
  },
  ...["Monday", "on Monday", "monday", "last Monday", "Mon"].map((input) => ({
    input,
    expect: {
      SH: ["2026-11-22 16:00", "2026-11-23 16:00"],
      LA: ["2026-11-23 08:00", "2026-11-24 08:00"],
      UTC: ["2026-11-23 00:00", "2026-11-24 00:00"],
    } satisfies Partial<Record<Zone, Ends>>,
  })),
  {
    input: "on Tuesday",
    expect: {
      SH: ["2026-11-23 16:00", "2026-11-24 16:00"],
      LA: ["2026-11-24 08:00", "2026-11-25 08:00"],
      UTC: ["2026-11-24 00:00", "2026-11-25 00:00"],
    },
  },
  // Today is Saturday: "Saturday" is today (clamped), "last Saturday" a week ago.
  { input: "Saturday", expect: { SH: ["2026-11-27 16:00", N1], LA: ["2026-11-28 08:00", N1], UTC: ["2026-11-28 00:00", N1] } },
  {
    input: "last Saturday",
    expect: {
      SH: ["2026-11-20 16:00", "2026-11-21 16:00"],
      LA: ["2026-11-21 08:00", "2026-11-22 08:00"],
      UTC: ["2026-11-21 00:00", "2026-11-22 00:00"],
    },
  },
  {
    input: "Sunday",
    expect: {
      SH: ["2026-11-21 16:00", "2026-11-22 16:00"],
      LA: ["2026-11-22 08:00", "2026-11-23 08:00"],
      UTC: ["2026-11-22 00:00", "2026-11-23 00:00"],
    },
  },
]);

const NOV20: Partial<Record<Zone, Ends>> = {
  SH: ["2026-11-19 16:00", "2026-11-20 16:00"],
  LA: ["2026-11-20 08:00", "2026-11-21 08:00"],
  UTC: ["2026-11-20 00:00", "2026-11-21 00:00"],
};
run("dates as windows", "2026-11-28T14:10:00Z", [
  ...["2026-11-20", "Nov 20", "November 20 2026", "20 Nov", "11/20", "Friday November 20, 2026"].map((input) => ({
    input,
    expect: NOV20,
  })),
  { input: "2026-11-28", expect: { SH: ["2026-11-27 16:00", N1], LA: ["2026-11-28 08:00", N1], UTC: ["2026-11-28 00:00", N1] } },
  // No year and later in the year than today: last year's.
  {
    input: "Dec 31",
    expect: {
      SH: ["2025-12-30 16:00", "2025-12-31 16:00"],
      LA: ["2025-12-31 08:00", "2026-01-01 08:00"],
      UTC: ["2025-12-31 00:00", "2026-01-01 00:00"],
    },
  },
]);

run("since / until / before / after / between", "2026-11-28T14:10:00Z", [
  { input: "since Monday 9am", expect: { SH: ["2026-11-23 01:00", N1], LA: ["2026-11-23 17:00", N1], UTC: ["2026-11-23 09:00", N1] } },
  { input: "since yesterday", expect: { SH: ["2026-11-26 16:00", N1], LA: ["2026-11-27 08:00", N1], UTC: ["2026-11-27 00:00", N1] } },
  { input: "since 3 hours ago", expect: all("2026-11-28 11:10", N1) },
  { input: "since 2026-11-20T09:00:00+08:00", expect: all("2026-11-20 01:00", N1) },
  { input: "since last week", expect: { SH: ["2026-11-15 16:00", N1], LA: ["2026-11-16 08:00", N1], UTC: ["2026-11-16 00:00", N1] } },
  { input: "from Monday", expect: { SH: ["2026-11-22 16:00", N1], LA: ["2026-11-23 08:00", N1], UTC: ["2026-11-23 00:00", N1] } },
  { input: "after yesterday", expect: { SH: ["2026-11-27 16:00", N1], LA: ["2026-11-28 08:00", N1], UTC: ["2026-11-28 00:00", N1] } },
  {
    input: "until 2026-11-20",
    expect: { SH: [null, "2026-11-20 16:00"], LA: [null, "2026-11-21 08:00"], UTC: [null, "2026-11-21 00:00"] },
  },
  {
    input: "before 2026-11-20",
    expect: { SH: [null, "2026-11-19 16:00"], LA: [null, "2026-11-20 08:00"], UTC: [null, "2026-11-20 00:00"] },
  },
  { input: "until 2 hours ago", expect: all(null, "2026-11-28 12:10") },
  { input: "before 2026-11-20T00:00:00Z", expect: all(null, "2026-11-20 00:00") },
  ...["between 2026-11-20 09:00 and 17:30", "2026-11-20 09:00 - 17:30", "from 2026-11-20 09:00 to 17:30", "2026-11-20 09:00 to 17:30"].map(
    (input) => ({
      input,
      expect: {
        SH: ["2026-11-20 01:00", "2026-11-20 09:30"],
        LA: ["2026-11-20 17:00", "2026-11-21 01:30"],
        UTC: ["2026-11-20 09:00", "2026-11-20 17:30"],
      } satisfies Partial<Record<Zone, Ends>>,
    }),
  ),
  // A date-only end includes that whole day.
  ...["from 2026-11-20 to 2026-11-22", "between Nov 20 and Nov 22", "Nov 20 - Nov 22", "Nov 20 to Nov 22"].map((input) => ({
    input,
    expect: {
      SH: ["2026-11-19 16:00", "2026-11-22 16:00"],
      LA: ["2026-11-20 08:00", "2026-11-23 08:00"],
      UTC: ["2026-11-20 00:00", "2026-11-23 00:00"],
    } satisfies Partial<Record<Zone, Ends>>,
  })),
  { input: "between 2026-11-20T09:00:00Z and 2026-11-21T09:00:00+08:00", expect: all("2026-11-20 09:00", "2026-11-21 01:00") },
  // An end after now is clamped.
  { input: "between yesterday and today", expect: { SH: ["2026-11-26 16:00", N1], LA: ["2026-11-27 08:00", N1], UTC: ["2026-11-27 00:00", N1] } },
]);

run("StartTime / EndTime", "2026-11-28T14:10:00Z", [
  { input: { StartTime: "yesterday" }, expect: { SH: ["2026-11-26 16:00", null], LA: ["2026-11-27 08:00", null], UTC: ["2026-11-27 00:00", null] } },
  { input: { EndTime: "yesterday" }, expect: { SH: [null, "2026-11-27 16:00"], LA: [null, "2026-11-28 08:00"], UTC: [null, "2026-11-28 00:00"] } },
  { input: { StartTime: "3 hours ago", EndTime: "now" }, expect: all("2026-11-28 11:10", N1) },
  { input: { StartTime: "1 week ago" }, expect: all("2026-11-21 14:10", null) },
  { input: { StartTime: "now" }, expect: all(N1, null) },
  { input: { EndTime: "an hour ago" }, expect: all(null, "2026-11-28 13:10") },
  { input: { StartTime: "yesterday 14:30" }, expect: { SH: ["2026-11-27 06:30", null], LA: ["2026-11-27 22:30", null], UTC: ["2026-11-27 14:30", null] } },
  { input: { StartTime: "yesterday at 2:30 pm" }, expect: { SH: ["2026-11-27 06:30", null], LA: ["2026-11-27 22:30", null], UTC: ["2026-11-27 14:30", null] } },
  { input: { StartTime: "today 5am" }, expect: { SH: ["2026-11-27 21:00", null], LA: ["2026-11-28 13:00", null], UTC: ["2026-11-28 05:00", null] } },
  { input: { StartTime: "5am" }, expect: { SH: ["2026-11-27 21:00", null], LA: ["2026-11-28 13:00", null], UTC: ["2026-11-28 05:00", null] } },
  { input: { StartTime: "Monday 9am" }, expect: { SH: ["2026-11-23 01:00", null], LA: ["2026-11-23 17:00", null], UTC: ["2026-11-23 09:00", null] } },
  { input: { StartTime: "Nov 20 3pm" }, expect: { SH: ["2026-11-20 07:00", null], LA: ["2026-11-20 23:00", null], UTC: ["2026-11-20 15:00", null] } },
  { input: { StartTime: "yesterday noon" }, expect: { SH: ["2026-11-27 04:00", null], LA: ["2026-11-27 20:00", null], UTC: ["2026-11-27 12:00", null] } },
  { input: { StartTime: "2:30pm yesterday" }, expect: { SH: ["2026-11-27 06:30", null], LA: ["2026-11-27 22:30", null], UTC: ["2026-11-27 14:30", null] } },
  { input: { StartTime: "9am on 2026-11-20" }, expect: { SH: ["2026-11-20 01:00", null], LA: ["2026-11-20 17:00", null], UTC: ["2026-11-20 09:00", null] } },
  { input: { StartTime: "Nov 20, 2026 15:30" }, expect: { SH: ["2026-11-20 07:30", null], LA: ["2026-11-20 23:30", null], UTC: ["2026-11-20 15:30", null] } },
  // Elapsed, like rolling windows.
  { input: { StartTime: "2 days ago" }, expect: all("2026-11-26 14:10", null) },
  { input: { StartTime: "2026-11-20T09:00:00+08:00" }, expect: all("2026-11-20 01:00", null) },
  { input: { StartTime: "2026-11-20T09:00:00Z", EndTime: "2026-11-20T10:00:00.750Z" }, expect: all("2026-11-20 09:00", "2026-11-20 10:00") },
  {
    input: { StartTime: "2026-11-20 09:00", EndTime: "17:30" },
    expect: { SH: ["2026-11-20 01:00", "2026-11-20 09:30"], LA: ["2026-11-20 17:00", "2026-11-21 01:30"], UTC: ["2026-11-20 09:00", "2026-11-20 17:30"] },
  },
  { input: { StartTime: "2026-11-20" }, expect: { SH: [NOV20.SH![0], null], LA: [NOV20.LA![0], null], UTC: [NOV20.UTC![0], null] } },
  { input: { EndTime: "2026-11-20" }, expect: { SH: [null, NOV20.SH![1]], LA: [null, NOV20.LA![1]], UTC: [null, NOV20.UTC![1]] } },
  { input: { StartTime: "this week" }, expect: { SH: ["2026-11-22 16:00", null], LA: ["2026-11-23 08:00", null], UTC: ["2026-11-23 00:00", null] } },
  { input: { EndTime: "today" }, expect: all(null, N1) },
  { input: { EndTime: "2030-01-01" }, expect: all(null, N1) },
  { input: { StartTime: "2026-11-20 09:00", EndTime: "2031-01-01T00:00:00Z" }, expect: { UTC: ["2026-11-20 09:00", N1] } },
]);

run("sub-second clock", "2026-11-28T14:10:00.999Z", [
  { input: "last 1 hour", expect: all("2026-11-28 13:10", N1) },
  { input: { StartTime: "2026-11-28T14:00:00.400Z", EndTime: "now" }, expect: all("2026-11-28 14:00", N1) },
]);

