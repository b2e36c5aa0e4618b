// Table of every rule in three zones (and three fixed offsets). Expected
// instants were worked out by hand from the zone offsets (Shanghai +08:00 all
// year; Los Angeles -07:00 until 2026-11-01 02:00 and from 2026-03-08 03:00,
// -08:00 otherwise) and are written as UTC "yyyy-MM-dd HH:mm" (seconds :00) to
// keep the table readable.
import { describe, expect, it } from "vitest";
import { type TimeInput, resolveTimeQuery } from "../../src/time/index.js";

export type Zone = "SH" | "LA" | "UTC" | "P8" | "P530" | "M5";
// TimeZone as written, and as resolveTimeQuery echoes it.
const ZONES: Record<Zone, { input: string; name: string }> = {
  SH: { input: "Asia/Shanghai", name: "Asia/Shanghai" },
  LA: { input: "America/Los_Angeles", name: "America/Los_Angeles" },
  UTC: { input: "UTC", name: "UTC" },
  P8: { input: "UTC+8", name: "UTC+08:00" },
  P530: { input: "+05:30", name: "UTC+05:30" },
  M5: { input: "GMT-5", name: "UTC-05:00" },
};
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
export type Ends = [string | null, string | null];
export interface Case {
  input: string | TimeInput; // a string is a TimeRange
  expect: Partial<Record<Zone, Ends>>;
}

const u = (s: string | null): string | undefined => (s === null ? undefined : `${s.replace(" ", "T")}:00Z`);
export const all = (start: string | null, end: string | null): Partial<Record<Zone, Ends>> => ({
  SH: [start, end],
  LA: [start, end],
  UTC: [start, end],
});

const CHINESE = /[\u3400-\u9fff]/;
// The local window: the same "yyyy-MM-dd HH:mm" in both languages, only the joining words differ.
const LOCAL = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(?::\\d{2})?";
const WINDOW = {
  en: new RegExp(`^(?:${LOCAL} to ${LOCAL}|since ${LOCAL}|until ${LOCAL}) `),
  zh: new RegExp(`^(?:${LOCAL} 至 ${LOCAL}|自 ${LOCAL} 起|截至 ${LOCAL}) `),
};

/**
 * One test per case and zone. `tzEnv` names a zone that is not passed as TimeZone but reaches
 * resolveTimeQuery through the TZ environment variable (defaultTimeZone), the server's path.
 */
export function run(title: string, now: string, cases: Case[], opts: { tzEnv?: Zone } = {}): void {
  describe(`${title} (now = ${now})`, () => {
    const rows = cases.flatMap((c) =>
      (Object.entries(c.expect) as Array<[Zone, Ends]>).map(([z, ends]) => ({ c, z, ends })),
    );
    it.each(rows.map((r) => [JSON.stringify(r.c.input), r.z, r] as const))("%s in %s", (_l, _z, { c, z, ends }) => {
      const input: TimeInput = typeof c.input === "string" ? { TimeRange: c.input } : c.input;
      const viaEnv = opts.tzEnv === z;
      const saved = process.env.TZ;
      let got;
      try {
        if (viaEnv) process.env.TZ = ZONES[z].input;
        got = resolveTimeQuery(viaEnv ? input : { ...input, TimeZone: ZONES[z].input }, new Date(now));
      } finally {
        if (saved === undefined) delete process.env.TZ;
        else process.env.TZ = saved;
      }
      expect({ start: got.StartTime, end: got.EndTime }).toEqual({ start: u(ends[0]), end: u(ends[1]) });
      expect(got.TimeZone).toBe(ZONES[z].name);
      expect(got.ZoneSource).toBe(viaEnv ? "server" : "argument");
      const zh = Object.values(input).some((v) => typeof v === "string" && CHINESE.test(v));
      expect(got.Language).toBe(zh ? "zh" : "en");
      expect(got.TimeWindow).toMatch(WINDOW[zh ? "zh" : "en"]);
      expect(got.TimeWindow).toMatch(new RegExp(` ${escape(ZONES[z].name)}$`));
    });
  });
}
