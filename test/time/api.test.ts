import { afterEach, describe, expect, it } from "vitest";
import {
  TIME_FORMS_HELP,
  defaultTimeZone,
  formatUtcSeconds,
  isValidTimeZone,
  resolveTimeQuery,
} from "../../src/time/index.js";

const NOW = new Date("2026-11-28T14:10:00Z");

describe("resolveTimeQuery shape", () => {
  it("no time given: only the zone", () => {
    expect(resolveTimeQuery({ TimeZone: "Asia/Shanghai" }, NOW)).toEqual({ TimeZone: "Asia/Shanghai" });
    expect(resolveTimeQuery({ TimeRange: "  ", StartTime: "", TimeZone: "UTC" }, NOW)).toEqual({ TimeZone: "UTC" });
  });

  it("TimeWindow texts", () => {
    expect(resolveTimeQuery({ TimeRange: "yesterday", TimeZone: "Asia/Shanghai" }, NOW)).toEqual({
      StartTime: "2026-11-26T16:00:00Z",
      EndTime: "2026-11-27T16:00:00Z",
      TimeZone: "Asia/Shanghai",
      TimeWindow: "2026-11-27 00:00 to 2026-11-28 00:00 Asia/Shanghai",
    });
    expect(resolveTimeQuery({ StartTime: "yesterday", TimeZone: "Asia/Shanghai" }, NOW).TimeWindow).toBe(
      "since 2026-11-27 00:00 Asia/Shanghai",
    );
    expect(resolveTimeQuery({ TimeRange: "until yesterday", TimeZone: "Asia/Shanghai" }, NOW).TimeWindow).toBe(
      "until 2026-11-28 00:00 Asia/Shanghai",
    );
    expect(resolveTimeQuery({ TimeRange: "last 2 hours", TimeZone: "UTC" }, new Date("2026-11-28T14:10:05Z")).TimeWindow).toBe(
      "2026-11-28 12:10:05 to 2026-11-28 14:10:05 UTC",
    );
  });

  it("zone names are canonicalised in case only", () => {
    expect(resolveTimeQuery({ TimeZone: "asia/shanghai" }, NOW).TimeZone).toBe("Asia/Shanghai");
  });

  it("default zone: the argument, else the process zone", () => {
    expect(resolveTimeQuery({ TimeRange: "today" }, NOW, "Asia/Shanghai")).toMatchObject({
      StartTime: "2026-11-27T16:00:00Z",
      TimeZone: "Asia/Shanghai",
    });
    expect(resolveTimeQuery({}, NOW, "Not/AZone").TimeZone).toBe(defaultTimeZone());
    expect(resolveTimeQuery({}, NOW).TimeZone).toBe(defaultTimeZone());
  });
});

describe("helpers", () => {
  const saved = process.env.TZ;
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it("defaultTimeZone prefers a valid TZ", () => {
    process.env.TZ = "Asia/Shanghai";
    expect(defaultTimeZone()).toBe("Asia/Shanghai");
    process.env.TZ = "Mars/Olympus";
    expect(isValidTimeZone(defaultTimeZone())).toBe(true);
    delete process.env.TZ;
    expect(isValidTimeZone(defaultTimeZone())).toBe(true);
  });

  it("isValidTimeZone", () => {
    for (const z of ["UTC", "Asia/Shanghai", "America/Los_Angeles", "Etc/GMT+8", "Australia/Lord_Howe"]) {
      expect(isValidTimeZone(z)).toBe(true);
    }
    for (const z of ["Mars/Olympus", "", "+08:00", "UTC+8", "../etc", "Asia/Shanghai\n"]) expect(isValidTimeZone(z)).toBe(false);
  });

  it("formatUtcSeconds floors to the second", () => {
    expect(formatUtcSeconds(new Date("2026-11-28T14:10:09.999Z"))).toBe("2026-11-28T14:10:09Z");
    expect(formatUtcSeconds(new Date("2026-01-02T03:04:05Z"))).toBe("2026-01-02T03:04:05Z");
  });

  it("TIME_FORMS_HELP names the forms and two examples", () => {
    for (const s of ["last 2 hours", "yesterday", "since Monday 9am", "between 2026-11-20 09:00 and 17:30", "3 hours ago", "Examples:"]) {
      expect(TIME_FORMS_HELP).toContain(s);
    }
  });
});
