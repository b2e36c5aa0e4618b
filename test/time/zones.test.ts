// TimeZone as people write it: IANA names, fixed offsets, abbreviations (refused, with their
// meanings), and the arithmetic of src/time/zone.ts on fixed offsets.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  TimeInputError,
  ZONE_FORMS_HELP,
  chooseZone,
  defaultTimeZone,
  formatLocal,
  formatLocalMinute,
  resolveZone,
  zoneLabel,
  zoneNotice,
} from "../../src/time/index.js";
import { formatOffset, offsetMs, utcToWall, wallToUtc } from "../../src/time/zone.js";

function refusal(text: string): TimeInputError {
  try {
    resolveZone(text);
  } catch (e) {
    expect(e).toBeInstanceOf(TimeInputError);
    const err = e as TimeInputError;
    expect(err.code).toBe("InvalidTimeInput");
    // The accepted zone forms, with two examples, ride along as details.
    expect(err.details).toEqual(ZONE_FORMS_HELP.split("\n"));
    expect(err.message).toContain('Examples: TimeZone="Asia/Shanghai"; TimeZone="UTC+8".');
    return err;
  }
  throw new Error(`expected "${text}" to be refused`);
}

describe("resolveZone: accepted forms", () => {
  it.each([
    // Fixed offsets, every spelling, echoed in one normalized form.
    ["UTC+8", "UTC+08:00", 480],
    ["UTC+08", "UTC+08:00", 480],
    ["UTC+08:00", "UTC+08:00", 480],
    ["UTC+0800", "UTC+08:00", 480],
    ["utc+8", "UTC+08:00", 480],
    ["UTC + 8", "UTC+08:00", 480],
    [" UTC+8 ", "UTC+08:00", 480],
    ["GMT+8", "UTC+08:00", 480],
    ["GMT-5", "UTC-05:00", -300],
    ["GMT-05:00", "UTC-05:00", -300],
    ["UT-5", "UTC-05:00", -300],
    ["+05:30", "UTC+05:30", 330],
    ["+0530", "UTC+05:30", 330],
    ["UTC+5:30", "UTC+05:30", 330],
    ["+05:45", "UTC+05:45", 345],
    ["-03:00", "UTC-03:00", -180],
    ["\u221203:00", "UTC-03:00", -180],
    ["-0330", "UTC-03:30", -210],
    ["+8", "UTC+08:00", 480],
    ["UTC+14", "UTC+14:00", 840],
    ["UTC-12:00", "UTC-12:00", -720],
  ])("%s -> %s", (input, name, minutes) => {
    expect(resolveZone(input)).toEqual({ name, kind: "fixed", offsetMinutes: minutes });
  });

  it.each([
    // A zero offset is UTC; so are Z and GMT's spellings.
    ["UTC", "UTC"],
    ["utc", "UTC"],
    ["Z", "UTC"],
    ["z", "UTC"],
    ["UTC+0", "UTC"],
    ["GMT-0", "UTC"],
    ["+00:00", "UTC"],
    ["GMT", "GMT"],
    ["Zulu", "UTC"],
    // IANA names in their canonical spelling, whatever the caller's casing.
    ["Asia/Shanghai", "Asia/Shanghai"],
    ["asia/shanghai", "Asia/Shanghai"],
    ["AMERICA/LOS_ANGELES", "America/Los_Angeles"],
    ["asia/kolkata", "Asia/Kolkata"],
    ["Asia/Calcutta", "Asia/Calcutta"],
    ["europe/kyiv", "Europe/Kyiv"],
    ["america/argentina/buenos_aires", "America/Argentina/Buenos_Aires"],
    // The Etc zones keep their POSIX sign: Etc/GMT-8 is UTC+8. Named as written, they mean it.
    ["Etc/GMT-8", "Etc/GMT-8"],
    ["EST5EDT", "EST5EDT"],
    ["Japan", "Japan"],
  ])("%s -> %s (IANA)", (input, name) => {
    expect(resolveZone(input)).toEqual({ name, kind: "iana" });
  });
});

describe("resolveZone: abbreviations are refused before Intl, with what they mean", () => {
  it("Intl itself would take CST as Chicago and IST as Calcutta: the reason for checking first", () => {
    const intl = (z: string) => new Intl.DateTimeFormat("en-US", { timeZone: z }).resolvedOptions().timeZone;
    expect(intl("CST")).toBe("America/Chicago");
    expect(intl("IST")).toBe("Asia/Calcutta");
    expect(() => resolveZone("CST")).toThrow(TimeInputError);
    expect(() => resolveZone("IST")).toThrow(TimeInputError);
  });

  // [abbreviation, zones the refusal must name, fixed offset it must suggest]
  it.each([
    ["CST", ["Asia/Shanghai", "America/Chicago", "America/Havana"], "UTC+8"],
    ["cst", ["Asia/Shanghai", "America/Chicago", "America/Havana"], "UTC+8"],
    ["IST", ["Asia/Kolkata", "Europe/Dublin", "Asia/Jerusalem"], "UTC+05:30"],
    ["CDT", ["America/Chicago", "America/Havana"], "UTC-5"],
    ["EST", ["America/New_York", "Australia/Sydney"], "UTC-5"],
    ["PST", ["America/Los_Angeles", "Asia/Manila"], "UTC-8"],
    ["MST", ["America/Denver", "America/Phoenix", "Asia/Kuala_Lumpur"], "UTC-7"],
    ["BST", ["Europe/London", "Asia/Dhaka"], "UTC+1"],
    ["AST", ["America/Halifax", "Asia/Riyadh"], "UTC-4"],
    ["SST", ["Pacific/Pago_Pago", "Asia/Singapore"], "UTC-11"],
    ["GST", ["Asia/Dubai", "Atlantic/South_Georgia"], "UTC+4"],
    ["KST", ["Asia/Seoul", "Asia/Pyongyang"], "UTC+9"],
    ["AEST", ["Australia/Sydney", "Australia/Brisbane"], "UTC+10"],
    ["ECT", ["America/Guayaquil", "Europe/Paris"], "UTC-5"],
  ])("%s is ambiguous: candidates named", (abbr, zones, offset) => {
    const msg = refusal(abbr).summary;
    expect(msg).toMatch(new RegExp(`^TimeZone "${abbr}" is an ambiguous abbreviation: it means `));
    for (const z of zones) expect(msg).toContain(`${z}, `);
    expect(msg).toContain(`or a fixed offset such as "${offset}"`);
  });

  it.each([
    ["EDT", "America/New_York", "UTC-4"],
    ["PDT", "America/Los_Angeles", "UTC-7"],
    ["MDT", "America/Denver", "UTC-6"],
    ["CET", "Europe/Berlin", "UTC+1"],
    ["CEST", "Europe/Berlin", "UTC+2"],
    ["EET", "Europe/Athens", "UTC+2"],
    ["JST", "Asia/Tokyo", "UTC+9"],
    ["jst", "Asia/Tokyo", "UTC+9"],
    ["HKT", "Asia/Hong_Kong", "UTC+8"],
    ["SGT", "Asia/Singapore", "UTC+8"],
    ["AEDT", "Australia/Sydney", "UTC+11"],
    ["NZST", "Pacific/Auckland", "UTC+12"],
    ["HST", "Pacific/Honolulu", "UTC-10"],
    ["AKST", "America/Anchorage", "UTC-9"],
    ["WIB", "Asia/Jakarta", "UTC+7"],
    ["PHT", "Asia/Manila", "UTC+8"],
    ["NST", "America/St_Johns", "UTC-03:30"],
    ["PRC", "Asia/Shanghai", "UTC+8"],
    ["ROK", "Asia/Seoul", "UTC+9"],
  ])("%s has one meaning, still refused: the zone and the offset to pass", (abbr, zone, offset) => {
    expect(refusal(abbr).summary).toMatch(
      new RegExp(`^TimeZone "${abbr}" is an abbreviation \\(.+\\), not a zone name\\. Pass "${zone}" .* or the fixed offset "${offset.replace("+", "\\+")}"\\.$`),
    );
  });

  it.each(["XYZ", "QQ", "ABCDE", "UT"])("an unknown abbreviation %s is refused as one", (abbr) => {
    expect(refusal(abbr).summary).toMatch(/looks like a time-zone abbreviation; .* "Asia\/Shanghai"\) or a fixed offset \(e\.g\. "UTC\+8"\)/);
  });

  it.each(["CST-8", "CST+8", "EST-5", "cst - 8"])("an abbreviation with an offset (%s) is refused", (text) => {
    expect(refusal(text).summary).toMatch(/mixes an abbreviation with an offset .* "UTC\+8"/);
  });

  it("every letters-only name of five letters or fewer is refused or a real name (fast-check)", () => {
    const real = new Set(["UTC", "GMT", "Japan", "Cuba", "Eire", "Iran", "Egypt", "Libya"]);
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z]{1,5}$/), (text) => {
        try {
          expect(real.has(resolveZone(text).name)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(TimeInputError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("resolveZone: other refusals", () => {
  it.each([
    ["UTC+15", /not a valid offset: offsets run from UTC-12:00 to UTC\+14:00/],
    ["UTC-13", /not a valid offset/],
    ["+05:60", /not a valid offset/],
    ["+99", /not a valid offset/],
    ["Mars/Olympus", /^Unknown time zone "Mars\/Olympus"\. TimeZone must be an IANA zone name such as Asia\/Shanghai, or a fixed offset such as UTC\+8\.$/],
    ["Asia/Shangai", /^Unknown time zone "Asia\/Shangai"; did you mean "Asia\/Shanghai"\?/],
    ["Shanghai", /did you mean "Asia\/Shanghai"\?/],
    ["Los Angeles", /did you mean "America\/Los_Angeles"\?/],
    ["Asia/Beijing", /did you mean "Asia\/Shanghai"\?/],
    ["Beijing", /did you mean "Asia\/Shanghai"\?/],
    ["北京时间", /did you mean "Asia\/Shanghai"\?/],
    ["东八区", /did you mean "UTC\+8"\?/],
    ["China Standard Time", /did you mean "Asia\/Shanghai"\?/],
    ["UTC+8 Beijing", /^Unknown time zone/],
    ["Asia/Shang hai", /^Unknown time zone/],
    ["", /^TimeZone is empty/],
    ["x".repeat(65), /too long/],
  ])("%s", (text, message) => {
    expect(refusal(text).summary).toMatch(message);
  });
});

describe("chooseZone, defaultTimeZone, zoneLabel, zoneNotice", () => {
  it.each([
    [{ given: "UTC+8" }, { TimeZone: "UTC+08:00", ZoneSource: "argument" }],
    [{ given: "asia/tokyo", server: "UTC" }, { TimeZone: "Asia/Tokyo", ZoneSource: "argument" }],
    [{ server: "Asia/Shanghai" }, { TimeZone: "Asia/Shanghai", ZoneSource: "server" }],
    [{ given: "  ", server: "+05:30" }, { TimeZone: "UTC+05:30", ZoneSource: "server" }],
    [{ given: null, server: "Europe/Berlin" }, { TimeZone: "Europe/Berlin", ZoneSource: "server" }],
    [{ server: "CST" }, { TimeZone: defaultTimeZone(), ZoneSource: "server" }],
    [{ server: "Not/AZone" }, { TimeZone: defaultTimeZone(), ZoneSource: "server" }],
    [{}, { TimeZone: defaultTimeZone(), ZoneSource: "server" }],
  ])("%j", ({ given, server }: { given?: string | null; server?: string }, want) => {
    expect(chooseZone(given, server)).toEqual(want);
  });

  it("a TimeZone given is refused when invalid, never replaced by the server's", () => {
    expect(() => chooseZone("CST", "Asia/Shanghai")).toThrow(/ambiguous abbreviation/);
    expect(() => chooseZone(8, "Asia/Shanghai")).toThrow(/TimeZone must be a string/);
  });

  it.each([
    ["Asia/Shanghai", undefined, "Asia/Shanghai"],
    ["Asia/Shanghai", "2026-11-28T14:10:00Z", "Asia/Shanghai (UTC+08:00)"],
    ["America/Los_Angeles", "2026-07-01T00:00:00Z", "America/Los_Angeles (UTC-07:00)"],
    ["America/Los_Angeles", "2026-12-01T00:00:00Z", "America/Los_Angeles (UTC-08:00)"],
    ["Asia/Kathmandu", "2026-12-01T00:00:00Z", "Asia/Kathmandu (UTC+05:45)"],
    ["Europe/London", "2026-12-01T00:00:00Z", "Europe/London (UTC+00:00)"],
    ["UTC", "2026-12-01T00:00:00Z", "UTC"],
    ["UTC+05:30", "2026-12-01T00:00:00Z", "UTC+05:30"],
    ["UTC-05:00", undefined, "UTC-05:00"],
  ])("zoneLabel(%s, %s) = %s", (zone, at, want) => {
    expect(zoneLabel(zone, at === undefined ? undefined : Date.parse(at))).toBe(want);
  });

  it("zoneNotice speaks only when the server's zone was used", () => {
    expect(zoneNotice({ TimeZone: "Asia/Shanghai", ZoneSource: "argument" })).toBeUndefined();
    expect(zoneNotice({ TimeZone: "UTC", ZoneSource: "server" })).toBe(
      "Times are in the server's zone, UTC; pass TimeZone (e.g. \"Asia/Shanghai\" or \"UTC+8\") to use the user's.",
    );
  });
});

describe("zone arithmetic on fixed offsets", () => {
  const T = Date.parse("2026-02-28T20:15:09Z");
  it.each([
    ["UTC+08:00", "2026-03-01 04:15:09", "2026-03-01 04:15"],
    ["UTC+05:30", "2026-03-01 01:45:09", "2026-03-01 01:45"],
    ["UTC-05:00", "2026-02-28 15:15:09", "2026-02-28 15:15"],
    ["UTC+14:00", "2026-03-01 10:15:09", "2026-03-01 10:15"],
    ["UTC-12:00", "2026-02-28 08:15:09", "2026-02-28 08:15"],
    ["Asia/Shanghai", "2026-03-01 04:15:09", "2026-03-01 04:15"],
    ["UTC", "2026-02-28 20:15:09", "2026-02-28 20:15"],
  ])("%s: formatLocal %s, formatLocalMinute %s", (zone, full, minute) => {
    expect(formatLocal(zone, T)).toBe(full);
    expect(formatLocalMinute(zone, T)).toBe(minute);
  });

  it("formatLocalMinute drops the seconds, never rounds", () => {
    expect(formatLocalMinute("UTC+05:30", Date.parse("2026-12-31T18:29:59.999Z"))).toBe("2026-12-31 23:59");
    expect(formatLocalMinute("UTC+05:30", Date.parse("2026-12-31T18:30:00Z"))).toBe("2027-01-01 00:00");
  });

  const offsets = fc.integer({ min: -720, max: 840 }).map(formatOffset);
  const instant = fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 0, 1) });
  it("utcToWall, offsetMs and wallToUtc agree for every fixed offset (fast-check)", () => {
    fc.assert(
      fc.property(offsets, instant, (zone, t) => {
        const minutes = Number(zone.slice(3, 4) + "1") * (Number(zone.slice(4, 6)) * 60 + Number(zone.slice(7, 9)));
        expect(offsetMs(zone, t)).toBe(minutes * 60_000);
        const floored = Math.floor(t / 1000) * 1000;
        expect(wallToUtc(zone, utcToWall(zone, t))).toBe(floored);
        expect(formatLocal(zone, t)).toBe(formatLocal("UTC", t + minutes * 60_000));
      }),
      { numRuns: 500 },
    );
  });

  it("any offset spelling resolves to the normalized name, which resolves to itself (fast-check)", () => {
    const spelled = fc
      .tuple(fc.integer({ min: -720, max: 840 }), fc.constantFrom("UTC", "GMT", "utc", ""), fc.boolean(), fc.boolean())
      .map(([min, prefix, colon, padded]) => {
        const a = Math.abs(min);
        const h = padded ? String(Math.floor(a / 60)).padStart(2, "0") : String(Math.floor(a / 60));
        const mm = String(a % 60).padStart(2, "0");
        return { min, text: `${prefix}${min < 0 ? "-" : "+"}${h}${colon ? ":" : ""}${mm}` };
      });
    fc.assert(
      fc.property(spelled, ({ min, text }) => {
        const r = resolveZone(text);
        const want = min === 0 ? "UTC" : formatOffset(min);
        expect(r.name).toBe(want);
        expect(resolveZone(r.name).name).toBe(want);
      }),
      { numRuns: 500 },
    );
  });
});
