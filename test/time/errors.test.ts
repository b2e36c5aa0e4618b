import { describe, expect, it } from "vitest";
import { TIME_FORMS_HELP, type TimeInput, TimeInputError, ZONE_FORMS_HELP, resolveTimeQuery } from "../../src/time/index.js";

const NOW = new Date("2026-11-28T14:10:00Z"); // Saturday

function refusal(input: TimeInput, zone = "Asia/Shanghai"): TimeInputError {
  try {
    resolveTimeQuery({ TimeZone: zone, ...input }, NOW);
  } catch (e) {
    expect(e).toBeInstanceOf(TimeInputError);
    const err = e as TimeInputError;
    // Every refusal lists the accepted forms and gives two examples.
    expect(err.message).toContain(TIME_FORMS_HELP);
    expect(err.message).toContain('Examples: TimeRange="last 2 hours"; StartTime="yesterday 14:30", EndTime="now".');
    return err;
  }
  throw new Error(`expected a refusal for ${JSON.stringify(input)}`);
}

describe("refusals", () => {
  it.each(["whenever", "last 2 fortnights", "since whenever", "between Monday and", "next friday", "last 3 moons", "9"])(
    "unparseable TimeRange %s",
    (phrase) => {
      expect(refusal({ TimeRange: phrase }).message).toMatch(/^Could not understand TimeRange/);
    },
  );

  it.each(["soonish", "the day after the heat death"])("unparseable StartTime %s", (phrase) => {
    expect(refusal({ StartTime: phrase }).message).toMatch(/^Could not understand StartTime ".*" as a point in time/);
  });

  it.each([
    [{ StartTime: "now", EndTime: "yesterday" }],
    [{ TimeRange: "between 2026-11-22 and 2026-11-20" }],
    [{ TimeRange: "between 2026-11-20 17:00 and 09:00" }],
    [{ StartTime: "2026-11-20T10:00:00Z", EndTime: "2026-11-20T09:59:59Z" }],
  ])("start after end %j", (input) => {
    expect(refusal(input).message).toMatch(/starts after it ends/);
  });

  it.each(["tomorrow", "next week", "next month", "since 2030-01-01", "in 2 hours", "since tomorrow 9am", "2026-12-01"])(
    "future window %s",
    (phrase) => {
      expect(refusal({ TimeRange: phrase }).message).toMatch(/starts in the future .* is after now/);
    },
  );

  it("future StartTime", () => {
    expect(refusal({ StartTime: "2030-01-01" }).message).toMatch(/^StartTime starts in the future/);
    // 9am Los Angeles is 17:00Z, after now.
    expect(refusal({ StartTime: "9am" }, "America/Los_Angeles").message).toMatch(/starts in the future/);
    expect(refusal({ StartTime: "today 9am" }, "America/Los_Angeles").message).toMatch(/starts in the future/);
  });

  it.each([
    { TimeRange: "today", StartTime: "now" },
    { TimeRange: "today", EndTime: "now" },
  ])("TimeRange with StartTime/EndTime %j", (input) => {
    expect(refusal(input).message).toMatch(/TimeRange cannot be combined with StartTime or EndTime \(ambiguous\)/);
  });

  it("an invalid zone is refused even with no time given, with the zone forms", () => {
    expect(() => resolveTimeQuery({ TimeZone: "Mars/Olympus" }, NOW)).toThrow(/Unknown time zone "Mars\/Olympus"/);
    expect(() => resolveTimeQuery({ TimeZone: "CST" }, NOW)).toThrow(ZONE_FORMS_HELP);
  });

  // Months and years have no fixed length: refused with the exact forms nearest to the intent.
  it.each([
    ["past month", 'asks for a rolling month', '"last 30 days", "this month", "last month" or "since 2026-10-28"'],
    ["the last month", 'asks for a rolling month', '"since 2026-10-28"'],
    ["in the past month", 'asks for a rolling month', '"last 30 days"'],
    ["last 1 month", 'asks for a rolling month', '"last 30 days"'],
    ["last 3 months", 'asks for a rolling month', '"last 90 days" or "since 2026-08-28"'],
    ["2 months", 'asks for a rolling month', '"last 60 days" or "since 2026-09-28"'],
    ["past year", 'asks for a rolling year', '"last 365 days", "this year", "last year" or "since 2025-11-28"'],
    ["last 2 years", 'asks for a rolling year', '"last 730 days" or "since 2024-11-28"'],
    ["since 3 months ago", 'counts back in months', '"90 days ago" or the date "2026-08-28"'],
    ["since a year ago", 'counts back in years', '"365 days ago" or the date "2025-11-28"'],
  ])("%s: explained", (phrase, why, offer) => {
    const msg = refusal({ TimeRange: phrase }).message;
    expect(msg).toContain(why);
    expect(msg).toMatch(/no fixed length: (months run 28 to 31 days|years run 365 or 366 days)/);
    expect(msg).toContain(offer);
  });

  it("the month back is clamped to the month's length", () => {
    const err = refusal({ StartTime: "a month ago" }, "UTC");
    expect(err.message).toContain('"2026-10-28"');
    try {
      resolveTimeQuery({ TimeRange: "past month", TimeZone: "UTC" }, new Date("2026-03-31T12:00:00Z"));
    } catch (e) {
      expect((e as Error).message).toContain('"since 2026-02-28"');
      return;
    }
    throw new Error("expected a refusal");
  });

  it("a lone instant is not a window", () => {
    expect(refusal({ TimeRange: "3 hours ago" }).message).toMatch(/single point in time.*"since 3 hours ago"/);
  });

  it("a written weekday must match the date", () => {
    expect(refusal({ TimeRange: "Monday Nov 20 2026" }).message).toMatch(/^2026-11-20 is a Friday, not a Monday/);
  });

  it.each(["past and", "Nov 20 3pm PST", "20 today", "2 days before", "last hours"])("chrono-only readings are not accepted: %s", (phrase) => {
    expect(refusal({ TimeRange: phrase }).message).toMatch(/^Could not understand TimeRange/);
  });

  it("empty rolling window", () => {
    expect(refusal({ TimeRange: "last 0 hours" }).message).toMatch(/empty window; the count must be more than 0/);
  });

  it.each(["2026-02-30", "2026-13-01", "2026-11-20 25:00", "2026-11-20T09:00:00+25:00"])("invalid date %s", (s) => {
    expect(refusal({ StartTime: s }).message).toMatch(/not a valid date\/time/);
  });

  it.each([{ TimeRange: "last 100000 weeks" }, { StartTime: "1969-12-31" }, { StartTime: "99999999999999999999 days ago" }])(
    "out of range %j",
    (input) => {
      expect(refusal(input).message).toMatch(/out of range/);
    },
  );

  it("non-string and over-long values", () => {
    expect(refusal({ TimeRange: 5 as unknown as string }).message).toMatch(/TimeRange must be a string/);
    expect(refusal({ TimeRange: "last ".repeat(60) }).message).toMatch(/too long/);
  });
});
