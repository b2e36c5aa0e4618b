// English number words and idioms (issue 15 point 1) in three zones, Los Angeles through TZ (the
// server's zone). See table-helpers.ts for the notation.
import { type Case, type Ends, type Zone, all, run } from "./table-helpers.js";

type Row = Partial<Record<Zone, Ends>>;
const same = (inputs: string[], expect: Row): Case[] => inputs.map((input) => ({ input, expect }));
const ENV = { tzEnv: "LA" as const };

const NOW = Date.parse("2026-11-28T14:10:00Z");
const N1 = "2026-11-28 14:10";
const back = (ms: number): string => new Date(NOW - ms).toISOString().slice(0, 16).replace("T", " ");
const MIN = 60_000;
const WORDS = [
  "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
  "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
];

// Every count word from one to twenty, then the tens the issue names, in every relative form.
run("number words in every relative form", "2026-11-28T14:10:00Z", [
  ...WORDS.flatMap((w, i) => [
    { input: `last ${w} hours`, expect: all(back((i + 1) * 60 * MIN), N1) },
    { input: `the past ${w} minutes`, expect: all(back((i + 1) * MIN), N1) },
    { input: { StartTime: `${w} days ago` }, expect: all(back((i + 1) * 1440 * MIN), null) },
  ]),
  ...[["thirty", 30], ["forty-five", 45], ["forty five", 45], ["sixty", 60], ["ninety", 90], ["twenty-four", 24]].flatMap(([w, n]) => [
    { input: `last ${w} minutes`, expect: all(back((n as number) * MIN), N1) },
    { input: { EndTime: `${w} minutes ago` }, expect: all(null, back((n as number) * MIN)) },
  ]),
  ...same(["past twenty-four hours", "last twenty four hours", "in the last 24 hours"], all("2026-11-27 14:10", N1)),
  ...same(["the past three days", "past three days", "last three days", "in the past three days", "within the last three days", "over the past three days", "three days"], all("2026-11-25 14:10", N1)),
  ...same(["last two weeks", "the past two weeks"], all("2026-11-14 14:10", N1)),
  // "a" / "an", and half an hour.
  ...same(["an hour", "the last hour", "past an hour"], all("2026-11-28 13:10", N1)),
  ...same(["a day", "the past day"], all("2026-11-27 14:10", N1)),
  ...same(["a week", "past week", "in the last week"], all("2026-11-21 14:10", N1)),
  ...same(["half an hour", "the last half hour", "past half an hour", "in the last half an hour", "last thirty minutes"], all("2026-11-28 13:40", N1)),
  ...same(["one and a half hours", "an hour and a half", "last 1.5 hours", "the past ninety minutes"], all("2026-11-28 12:40", N1)),
  { input: { StartTime: "an hour ago" }, expect: all("2026-11-28 13:10", null) },
  { input: { StartTime: "a week ago" }, expect: all("2026-11-21 14:10", null) },
  { input: { StartTime: "half an hour ago" }, expect: all("2026-11-28 13:40", null) },
  { input: { StartTime: "a day ago", EndTime: "an hour ago" }, expect: all("2026-11-27 14:10", "2026-11-28 13:10") },
  ...same(["since two hours ago"], all("2026-11-28 12:10", N1)),
  ...same(["since an hour and a half ago"], all("2026-11-28 12:40", N1)),
  ...same(["until thirty minutes ago"], all(null, "2026-11-28 13:40")),
], ENV);

// Local: Shanghai Sat 22:10, Los Angeles Sat 06:10 (PST), UTC Sat 14:10.
run("idioms and parts of the day", "2026-11-28T14:10:00Z", [
  ...same(["the day before yesterday", "day before yesterday", "The Day Before Yesterday"], {
    SH: ["2026-11-25 16:00", "2026-11-26 16:00"], LA: ["2026-11-26 08:00", "2026-11-27 08:00"], UTC: ["2026-11-26 00:00", "2026-11-27 00:00"],
  }),
  ...same(["earlier today", "so far today", "today so far", "today"], { SH: ["2026-11-27 16:00", N1], LA: ["2026-11-28 08:00", N1], UTC: ["2026-11-28 00:00", N1] }),
  // morning 00:00-12:00, afternoon 12:00-18:00, evening 18:00-24:00, last night 18:00-06:00.
  ...same(["this morning"], { SH: ["2026-11-27 16:00", "2026-11-28 04:00"], LA: ["2026-11-28 08:00", N1], UTC: ["2026-11-28 00:00", "2026-11-28 12:00"] }),
  ...same(["this afternoon"], { SH: ["2026-11-28 04:00", "2026-11-28 10:00"], UTC: ["2026-11-28 12:00", N1] }),
  ...same(["this evening", "tonight"], { SH: ["2026-11-28 10:00", N1] }),
  ...same(["last night"], { SH: ["2026-11-27 10:00", "2026-11-27 22:00"], LA: ["2026-11-28 02:00", "2026-11-28 14:00"], UTC: ["2026-11-27 18:00", "2026-11-28 06:00"] }),
  ...same(["yesterday afternoon", "yesterday in the afternoon"], { SH: ["2026-11-27 04:00", "2026-11-27 10:00"], LA: ["2026-11-27 20:00", "2026-11-28 02:00"], UTC: ["2026-11-27 12:00", "2026-11-27 18:00"] }),
  ...same(["Monday morning"], { SH: ["2026-11-22 16:00", "2026-11-23 04:00"], LA: ["2026-11-23 08:00", "2026-11-23 20:00"], UTC: ["2026-11-23 00:00", "2026-11-23 12:00"] }),
  ...same(["since this morning"], { SH: ["2026-11-27 16:00", N1], LA: ["2026-11-28 08:00", N1], UTC: ["2026-11-28 00:00", N1] }),
  { input: { StartTime: "the day before yesterday 9am" }, expect: { SH: ["2026-11-26 01:00", null], LA: ["2026-11-26 17:00", null], UTC: ["2026-11-26 09:00", null] } },
  { input: { StartTime: "yesterday morning", EndTime: "this morning" }, expect: { SH: ["2026-11-26 16:00", "2026-11-28 04:00"], LA: ["2026-11-27 08:00", N1], UTC: ["2026-11-27 00:00", "2026-11-28 12:00"] } },
], ENV);

// Month and year boundaries for the calendar words the number-word forms sit beside.
run("idioms across the year boundary", "2027-01-01T03:00:00Z", [
  ...same(["the day before yesterday"], { SH: ["2026-12-29 16:00", "2026-12-30 16:00"], LA: ["2026-12-29 08:00", "2026-12-30 08:00"], UTC: ["2026-12-30 00:00", "2026-12-31 00:00"] }),
  // UTC: 06:00 on New Year's Day is still ahead, so the end is clamped to now.
  ...same(["last night"], { SH: ["2026-12-31 10:00", "2026-12-31 22:00"], LA: ["2026-12-31 02:00", "2026-12-31 14:00"], UTC: ["2026-12-31 18:00", "2027-01-01 03:00"] }),
  ...same(["this morning"], { SH: ["2026-12-31 16:00", "2027-01-01 03:00"], LA: ["2026-12-31 08:00", "2026-12-31 20:00"], UTC: ["2027-01-01 00:00", "2027-01-01 03:00"] }),
], ENV);
