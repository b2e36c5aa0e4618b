// Month, year and DST boundaries, in three zones; see table-helpers.ts.
import { type Ends, type Zone, all, run } from "./table-helpers.js";

// Friday. Local: Shanghai Fri 2027-01-01 11:00, Los Angeles Thu 2026-12-31 19:00, UTC Fri 03:00.
const N2 = "2027-01-01 03:00";
run("year boundary", "2027-01-01T03:00:00Z", [
  {
    input: "yesterday",
    expect: {
      SH: ["2026-12-30 16:00", "2026-12-31 16:00"],
      LA: ["2026-12-30 08:00", "2026-12-31 08:00"],
      UTC: ["2026-12-31 00:00", "2027-01-01 00:00"],
    },
  },
  {
    input: "last month",
    expect: {
      SH: ["2026-11-30 16:00", "2026-12-31 16:00"],
      LA: ["2026-11-01 07:00", "2026-12-01 08:00"],
      UTC: ["2026-12-01 00:00", "2027-01-01 00:00"],
    },
  },
  { input: "this month", expect: { SH: ["2026-12-31 16:00", N2], LA: ["2026-12-01 08:00", N2], UTC: ["2027-01-01 00:00", N2] } },
  {
    input: "last week",
    expect: {
      SH: ["2026-12-20 16:00", "2026-12-27 16:00"],
      LA: ["2026-12-21 08:00", "2026-12-28 08:00"],
      UTC: ["2026-12-21 00:00", "2026-12-28 00:00"],
    },
  },
  { input: "this week", expect: { SH: ["2026-12-27 16:00", N2], LA: ["2026-12-28 08:00", N2], UTC: ["2026-12-28 00:00", N2] } },
  {
    input: "Dec 31",
    expect: { SH: ["2026-12-30 16:00", "2026-12-31 16:00"], LA: ["2026-12-31 08:00", N2], UTC: ["2026-12-31 00:00", "2027-01-01 00:00"] },
  },
  {
    input: "Jan 1",
    expect: { SH: ["2026-12-31 16:00", N2], LA: ["2026-01-01 08:00", "2026-01-02 08:00"], UTC: ["2027-01-01 00:00", N2] },
  },
  { input: "last 24 hours", expect: all("2026-12-31 03:00", N2) },
  { input: "this year", expect: { SH: ["2026-12-31 16:00", N2], LA: ["2026-01-01 08:00", N2], UTC: ["2027-01-01 00:00", N2] } },
  {
    input: "last year",
    expect: {
      SH: ["2025-12-31 16:00", "2026-12-31 16:00"],
      LA: ["2025-01-01 08:00", "2026-01-01 08:00"],
      UTC: ["2026-01-01 00:00", "2027-01-01 00:00"],
    },
  },
]);

// Sunday in Shanghai and UTC (Mar 1), Saturday Feb 28 21:00 in Los Angeles.
const N3 = "2026-03-01 05:00";
run("month boundary", "2026-03-01T05:00:00Z", [
  {
    input: "last month",
    expect: {
      SH: ["2026-01-31 16:00", "2026-02-28 16:00"],
      LA: ["2026-01-01 08:00", "2026-02-01 08:00"],
      UTC: ["2026-02-01 00:00", "2026-03-01 00:00"],
    },
  },
  {
    input: "yesterday",
    expect: {
      SH: ["2026-02-27 16:00", "2026-02-28 16:00"],
      LA: ["2026-02-27 08:00", "2026-02-28 08:00"],
      UTC: ["2026-02-28 00:00", "2026-03-01 00:00"],
    },
  },
  { input: "this week", expect: { SH: ["2026-02-22 16:00", N3], LA: ["2026-02-23 08:00", N3], UTC: ["2026-02-23 00:00", N3] } },
  { input: "Sunday", expect: { SH: ["2026-02-28 16:00", N3], LA: ["2026-02-22 08:00", "2026-02-23 08:00"], UTC: ["2026-03-01 00:00", N3] } },
]);

// Los Angeles fall back: 2026-11-01 02:00 PDT -> 01:00 PST. Now is Mon Nov 2 04:00 PST.
const N4 = "2026-11-02 12:00";
run("DST fall back", "2026-11-02T12:00:00Z", [
  { input: "last 24 hours", expect: all("2026-11-01 12:00", N4) },
  { input: "last 1 day", expect: all("2026-11-01 12:00", N4) },
  { input: "last 7 days", expect: all("2026-10-26 12:00", N4) },
  // 25 hours long in Los Angeles.
  ...["yesterday", "2026-11-01", "Sunday"].map((input) => ({
    input,
    expect: {
      LA: ["2026-11-01 07:00", "2026-11-02 08:00"],
      SH: ["2026-10-31 16:00", "2026-11-01 16:00"],
      UTC: ["2026-11-01 00:00", "2026-11-02 00:00"],
    } satisfies Partial<Record<Zone, Ends>>,
  })),
  { input: "today", expect: { LA: ["2026-11-02 08:00", N4], SH: ["2026-11-01 16:00", N4], UTC: ["2026-11-02 00:00", N4] } },
  { input: "last week", expect: { LA: ["2026-10-26 07:00", "2026-11-02 08:00"] } },
  // 01:30 happens twice; the earlier (PDT) instant is taken.
  { input: "since 2026-11-01 01:30", expect: { LA: ["2026-11-01 08:30", N4], UTC: ["2026-11-01 01:30", N4] } },
  { input: { StartTime: "2026-11-01 01:30" }, expect: { LA: ["2026-11-01 08:30", null] } },
  { input: "between 2026-11-01 00:30 and 03:00", expect: { LA: ["2026-11-01 07:30", "2026-11-01 11:00"] } },
]);

// Los Angeles spring forward: 2026-03-08 02:00 PST -> 03:00 PDT. Now is Mon Mar 9 05:00 PDT.
const N5 = "2026-03-09 12:00";
run("DST spring forward", "2026-03-09T12:00:00Z", [
  { input: "last 24 hours", expect: all("2026-03-08 12:00", N5) },
  // 23 hours long in Los Angeles.
  {
    input: "yesterday",
    expect: {
      LA: ["2026-03-08 08:00", "2026-03-09 07:00"],
      SH: ["2026-03-07 16:00", "2026-03-08 16:00"],
      UTC: ["2026-03-08 00:00", "2026-03-09 00:00"],
    },
  },
  // 02:30 does not exist; shifted forward by the gap to 03:30 PDT.
  { input: "since 2026-03-08 02:30", expect: { LA: ["2026-03-08 10:30", N5] } },
  { input: { StartTime: "2026-03-08 01:59", EndTime: "2026-03-08 03:00" }, expect: { LA: ["2026-03-08 09:59", "2026-03-08 10:00"] } },
  { input: "between 2026-03-08 01:00 and 04:00", expect: { LA: ["2026-03-08 09:00", "2026-03-08 11:00"] } },
]);
