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
    expect(resolveTimeQuery({ TimeZone: "Asia/Shanghai" }, NOW)).toEqual({ TimeZone: "Asia/Shanghai", ZoneSource: "argument", Language: "en" });
    expect(resolveTimeQuery({ TimeRange: "  ", StartTime: "", TimeZone: "UTC" }, NOW)).toEqual({ TimeZone: "UTC", ZoneSource: "argument", Language: "en" });
    expect(resolveTimeQuery({}, NOW, "UTC+8")).toEqual({ TimeZone: "UTC+08:00", ZoneSource: "server", Language: "en" });
  });

  it("TimeWindow texts", () => {
    expect(resolveTimeQuery({ TimeRange: "yesterday", TimeZone: "Asia/Shanghai" }, NOW)).toEqual({
      StartTime: "2026-11-26T16:00:00Z",
      EndTime: "2026-11-27T16:00:00Z",
      TimeZone: "Asia/Shanghai",
      ZoneSource: "argument",
      Language: "en",
      TimeWindow: "2026-11-27 00:00 to 2026-11-28 00:00 Asia/Shanghai",
    });
    expect(resolveTimeQuery({ TimeRange: "yesterday", TimeZone: "UTC+5:30" }, NOW).TimeWindow).toBe(
      "2026-11-27 00:00 to 2026-11-28 00:00 UTC+05:30",
    );
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

  it("default zone: the argument, else the process zone; ZoneSource says the caller chose none", () => {
    expect(resolveTimeQuery({ TimeRange: "today" }, NOW, "Asia/Shanghai")).toMatchObject({
      StartTime: "2026-11-27T16:00:00Z",
      TimeZone: "Asia/Shanghai",
      ZoneSource: "server",
    });
    for (const bad of ["Not/AZone", "CST", "UTC+99"]) {
      expect(resolveTimeQuery({}, NOW, bad)).toEqual({ TimeZone: defaultTimeZone(), ZoneSource: "server", Language: "en" });
    }
    expect(resolveTimeQuery({}, NOW)).toEqual({ TimeZone: defaultTimeZone(), ZoneSource: "server", Language: "en" });
    expect(resolveTimeQuery({ TimeZone: " " }, NOW, "Asia/Tokyo").ZoneSource).toBe("server");
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
    process.env.TZ = ":Asia/Tokyo";
    expect(defaultTimeZone()).toBe("Asia/Tokyo");
    process.env.TZ = "Mars/Olympus";
    expect(isValidTimeZone(defaultTimeZone())).toBe(true);
    delete process.env.TZ;
    expect(isValidTimeZone(defaultTimeZone())).toBe(true);
  });

  // The runtime itself reads TZ=CST as America/Chicago; POSIX reads "UTC+8" as eight hours west.
  it.each(["CST", "IST", "UTC+8", "CST-8"])("defaultTimeZone does not trust TZ=%s: UTC, not a guess", (tz) => {
    process.env.TZ = tz;
    expect(defaultTimeZone()).toBe("UTC");
  });

  it("isValidTimeZone", () => {
    for (const z of ["UTC", "Asia/Shanghai", "America/Los_Angeles", "Etc/GMT+8", "Australia/Lord_Howe", "+08:00", "UTC+8", "GMT-5"]) {
      expect(isValidTimeZone(z)).toBe(true);
    }
    for (const z of ["Mars/Olympus", "", "CST", "IST", "UTC+15", "../etc", "Asia/Shanghai\nX"]) expect(isValidTimeZone(z)).toBe(false);
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
