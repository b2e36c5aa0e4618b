// Properties over the Chinese grammar and the English number words: every phrase that resolves
// gives start <= end <= now (whole seconds, UTC), in named zones and fixed offsets alike, and
// anything else -- random strings over the grammar's own characters included -- is a
// TimeInputError, never another exception.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ResolvedTime, type TimeInput, TimeInputError, resolveTimeQuery } from "../../src/time/index.js";
import { formatOffset } from "../../src/time/zone.js";

const zone = fc.oneof(
  fc.constantFrom("UTC", "Asia/Shanghai", "America/Los_Angeles", "Europe/London", "America/Santiago", "Australia/Lord_Howe", "Asia/Kathmandu"),
  fc.integer({ min: -720, max: 840 }).filter((m) => m !== 0).map(formatOffset),
);
const now = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2035-12-31T23:59:59Z"), noInvalidDate: true });

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
/** 1..99 in Chinese numerals: 一, 两, 十, 十二, 二十, 三十五. */
function zh(n: number, liang: boolean): string {
  if (n === 2 && liang) return "两";
  if (n < 10) return DIGITS[n]!;
  const [t, u] = [Math.floor(n / 10), n % 10];
  return `${t === 1 ? "" : DIGITS[t]}十${u ? DIGITS[u] : ""}`;
}
const zhCount = fc.tuple(fc.integer({ min: 1, max: 99 }), fc.boolean(), fc.boolean()).map(([n, arabic, liang]) => (arabic ? String(n) : zh(n, liang)));

const zhRolling = fc
  .tuple(fc.constantFrom("最近", "过去", "近", "过去的", ""), zhCount, fc.constantFrom("分钟", "小时", "个小时", "天", "周", "个星期"), fc.constantFrom("", "内", "以内"))
  .map(([p, n, u, s]) => `${p}${n}${u}${s}`);
const zhCalendar = fc.constantFrom(
  "今天", "昨天", "前天", "大前天", "本周", "这周", "这个星期", "上周", "上个星期", "本月", "这个月", "上个月", "今年", "去年",
  "周一", "星期三", "礼拜天", "上周一", "上周五", "上个星期日", "昨天下午", "昨晚", "今天上午", "今早", "前天晚上",
);
const WORDS = ["one", "two", "three", "five", "ten", "twelve", "fifteen", "twenty", "twenty-four", "thirty", "forty-five", "sixty", "ninety", "a", "an"];
const enRolling = fc
  .tuple(fc.constantFrom("last", "past", "the last", "the past", "in the last", "within the past", ""), fc.constantFrom(...WORDS), fc.constantFrom("minutes", "hours", "days", "weeks"))
  .map(([p, w, u]) => `${p} ${w} ${u}`.trim());
const enIdiom = fc.constantFrom("the day before yesterday", "earlier today", "so far today", "this morning", "last night", "yesterday afternoon", "last Monday evening", "half an hour", "an hour and a half");

// A past date, two or more days back, as a Chinese date with or without a clock.
const pad = (n: number): string => String(n).padStart(2, "0");
interface PastDate {
  daysBack: number;
  hour: number;
  style: number;
}
const pastDate = fc.record({ daysBack: fc.integer({ min: 2, max: 3000 }), hour: fc.integer({ min: 0, max: 23 }), style: fc.integer({ min: 0, max: 4 }) });
function zhDate(n: Date, p: PastDate): string {
  const d = new Date(n.getTime() - p.daysBack * 86_400_000);
  const [y, mo, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  switch (p.style) {
    case 0:
      return `${y}年${mo}月${day}日`;
    case 1:
      return `${y}年${mo}月${day}日 ${pad(p.hour)}:00`;
    case 2:
      return `${y}-${pad(mo)}-${pad(day)}${p.hour < 12 ? "上午" : "下午"}${p.hour % 12 || 12}点`;
    case 3:
      return `${y}年${mo}月${day}号${p.hour}点半`;
    default:
      return `${y}/${mo}/${day}`;
  }
}

type Phrase = (n: Date) => TimeInput;
const valid: fc.Arbitrary<Phrase> = fc.oneof(
  zhRolling.map((t) => () => ({ TimeRange: t })),
  zhCalendar.map((t) => () => ({ TimeRange: t })),
  zhCalendar.map((t) => () => ({ StartTime: t })),
  zhCalendar.map((t) => () => ({ EndTime: t })),
  enRolling.map((t) => () => ({ TimeRange: t })),
  enIdiom.map((t) => () => ({ TimeRange: t })),
  fc.tuple(zhCount, fc.constantFrom("分钟前", "小时前", "天前", "周前", "个星期前")).map(([k, u]) => () => ({ StartTime: `${k}${u}` })),
  fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom("minutes ago", "hours ago", "days ago")).map(([w, u]) => () => ({ StartTime: `${w} ${u}` })),
  fc.tuple(fc.constantFrom("自 # 起", "#以来", "从#开始", "截至#", "#之前"), pastDate).map(([form, p]) => (n: Date) => ({ TimeRange: form.replace("#", zhDate(n, p)) })),
  fc.tuple(pastDate, pastDate, fc.constantFrom(["从", "到", ""], ["", "至", ""], ["在", "和", "之间"], ["", " - ", ""])).map(([a, b, [open, sep, close]]) => (n: Date) => {
    // Earlier first, at least a day apart, so no zone or clock can swap them.
    const [x, y] = a.daysBack > b.daysBack ? [a, b] : [{ ...b, daysBack: b.daysBack + 1 }, a];
    return { TimeRange: `${open}${zhDate(n, x)}${sep}${zhDate(n, y)}${close}` };
  }),
);

function checkInvariants(r: ResolvedTime, n: Date, input: TimeInput): void {
  const nowS = Math.floor(n.getTime() / 1000) * 1000;
  for (const v of [r.StartTime, r.EndTime]) {
    if (v === undefined) continue;
    expect(v).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(Date.parse(v)).toBeLessThanOrEqual(nowS);
  }
  if (r.StartTime && r.EndTime) expect(Date.parse(r.StartTime)).toBeLessThanOrEqual(Date.parse(r.EndTime));
  expect(r.StartTime ?? r.EndTime).toBeDefined();
  expect(r.TimeWindow).toBeDefined();
  const zh = Object.values(input).some((v) => typeof v === "string" && /[\u4e00-\u9fff]/.test(v));
  expect(r.Language).toBe(zh ? "zh" : "en");
}

describe("properties of the Chinese and number-word forms", () => {
  it("valid phrases resolve to start <= end <= now", () => {
    fc.assert(
      fc.property(now, zone, valid, (n, z, phrase) => {
        const input = phrase(n);
        checkInvariants(resolveTimeQuery({ ...input, TimeZone: z }, n), n, input);
      }),
      { numRuns: 1500 },
    );
  });

  const GRAMMAR = [..."今昨前天大周星期礼拜月年本这上下个最近过去小时分钟秒点半刻以来自从起到至之后内号日一二两三四五六七八九十百零上午下晚凌晨中早现在截止为和与间"];
  const risky = fc.oneof(
    fc.array(fc.constantFrom(...GRAMMAR, "0", "1", "2", "3", "9", "12", "30", ":", " ", "-", "~"), { maxLength: 12 }).map((a) => a.join("")),
    fc.tuple(zhCalendar, fc.constantFrom("到", "至", "以来", "之前", "起", ""), zhCalendar).map(([a, s, b]) => `${a}${s}${b}`),
    fc.tuple(fc.constantFrom(...WORDS, "few", "several", "couple of"), fc.constantFrom("hours", "days", "months", "years", "moons"), fc.constantFrom("ago", "", "from now")).map((x) => x.join(" ").trim()),
  );
  it("any phrase over the grammar's characters resolves within the invariants or is a TimeInputError", () => {
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
      { numRuns: 3000 },
    );
  });
});
