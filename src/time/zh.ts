// Chinese time phrases, simplified or traditional, Arabic or Chinese numerals,
// with the window rules of the English grammar (points.ts, phrases.ts): read
// in TimeZone, calendar windows exact, rolling windows as elapsed time, weeks
// from Monday. Text arrives through normalizeZh (zh-words.ts): simplified,
// ASCII digits, no spaces next to Chinese characters.
//
//   points   现在; 3小时前, 两天前, 半小时前; 今天, 昨天, 前天, 大前天; 周一, 上周五,
//            本周三; 11月20日, 2026年11月20日, 20号, 2026-11-20; 本周, 上个月, 今年...;
//            昨天 15:00, 昨天下午3点, 今天上午9点半, 下午3点, 15点; 昨天下午, 今早, 昨晚
//   windows  最近2小时, 过去三天, 最近一周, 3天内; 从 X 到 Y, X 至 Y, X 和 Y 之间;
//            X 以来, 自 X 起, 从 X 开始, X 以后, 自 X 至今; 截至 X, 到 X 为止; X 之前
//
// 上周一 is the Monday of last week (Chinese counts weeks, not "the most recent
// Monday before today" as "last Monday" does in English); a bare 周一 is the
// most recent Monday, today included, like "Monday".
import { parseIso } from "./dates.js";
import { TimeInputError } from "./errors.js";
import { monthsRefusal } from "./months.js";
import { type RangeSpec, rollingWindow } from "./phrases.js";
import type { Ctx } from "./points.js";
import type { DaySpec, PointSpec } from "./words.js";
import { NUM, ZH_PARTS, ZH_PART_RE, parseZhClock, parseZhDuration, zhNumber } from "./zh-words.js";
import { daysInMonth } from "./zone.js";

const DAY_WORDS: Array<[string, number]> = [
  ["大前天", -3], ["前天", -2], ["前日", -2], ["昨天", -1], ["昨日", -1], ["今天", 0], ["今日", 0],
  ["明天", 1], ["明日", 1], ["后天", 2],
];
// A day and its part in one word: the part names how a clock reads (昨晚8点 is 20:00); the
// window is the part's, except that 昨晚/昨夜 ("last night") runs to 06:00 today.
const DAY_PART_WORDS: Record<string, { days: number; part: string; from: number; to: number }> = {
  今早: { days: 0, part: "早上", from: 0, to: 12 },
  今晨: { days: 0, part: "早上", from: 0, to: 12 },
  今晚: { days: 0, part: "晚上", from: 18, to: 24 },
  昨早: { days: -1, part: "早上", from: 0, to: 12 },
  昨晚: { days: -1, part: "晚上", from: 18, to: 30 },
  昨夜: { days: -1, part: "晚上", from: 18, to: 30 },
};
const CALENDAR: Array<[RegExp, "week" | "month" | "year", number]> = [
  [/^(?:本|这|这一|这个)(?:周|星期|礼拜)$/, "week", 0],
  [/^(?:上|上一|上个|上一个)(?:周|星期|礼拜)$/, "week", -1],
  [/^(?:下|下一|下个|下一个)(?:周|星期|礼拜)$/, "week", 1],
  [/^(?:本|这|这个|当)月份?$/, "month", 0],
  [/^(?:上|上个|上一个)月份?$/, "month", -1],
  [/^(?:下|下个|下一个)月份?$/, "month", 1],
  [/^(?:今|本)年度?$/, "year", 0],
  [/^(?:去|上一|上)年度?$/, "year", -1],
  [/^前年$/, "year", -2],
  [/^明年$/, "year", 1],
];
const WEEKDAY_NUM: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };
const WEEKDAY = /^(上一?个?|本|这一?个?|下一?个?)?(?:周|星期|礼拜)([一二三四五六日天1-7])/;
const ZH_DATE = new RegExp(`^(?:(\\d{4})年)?${NUM}月${NUM}[日号]`);
const SLASH_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/;
const DAY_OF_MONTH = new RegExp(`^${NUM}[日号]`);
const MAX_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A day at the start of `t`, and what follows it. */
function leadingDay(t: string, original: string): [DaySpec, string] | undefined {
  for (const [w, days] of DAY_WORDS) if (t.startsWith(w)) return [{ kind: "offset", days }, t.slice(w.length)];
  let m = WEEKDAY.exec(t);
  if (m) {
    const wd = WEEKDAY_NUM[m[2]!] ?? Number(m[2]);
    const p = m[1] ?? "";
    const day: DaySpec = p === "" ? { kind: "weekday", wd, strict: false } : { kind: "weekOf", weeks: p.startsWith("上") ? -1 : p.startsWith("下") ? 1 : 0, wd };
    return [day, t.slice(m[0].length)];
  }
  const bad = (): never => {
    throw new TimeInputError(`"${original}" is not a valid date (check the month and the day).`);
  };
  m = ZH_DATE.exec(t) ?? SLASH_DATE.exec(t);
  if (m) {
    const [y, mo, d] = [m[1] === undefined ? undefined : Number(m[1]), zhNumber(m[2]!), zhNumber(m[3]!)];
    if (mo === undefined || d === undefined || !Number.isInteger(mo) || !Number.isInteger(d) || mo < 1 || mo > 12 || d < 1) bad();
    if (d! > (y === undefined ? MAX_DAYS[mo! - 1]! : daysInMonth(y, mo!))) bad();
    const day: DaySpec = y === undefined ? { kind: "dateNoYear", mo: mo!, d: d! } : { kind: "date", date: { y, mo: mo!, d: d! } };
    return [day, t.slice(m[0].length)];
  }
  m = DAY_OF_MONTH.exec(t);
  if (m) {
    const d = zhNumber(m[1]!);
    if (d === undefined || !Number.isInteger(d) || d < 1 || d > 31) bad();
    return [{ kind: "dayOfMonth", d: d! }, t.slice(m[0].length)];
  }
  return undefined;
}

/** What may follow a day: nothing, a part of the day (下午), or a clock (15:00, 下午3点). */
function dayThen(day: DaySpec, rest: string, original: string): PointSpec | undefined {
  if (rest === "" || rest === "全天" || rest === "一整天") return { kind: "day", day };
  const part = ZH_PARTS[rest];
  if (part) return { kind: "part", day, from: part.from, to: part.to };
  const clock = parseZhClock(rest, original);
  return clock && { kind: "day", day, clock };
}

/** Parses a normalized Chinese point; undefined when not understood. */
export function parseZhPoint(t: string, original: string, ctx: Ctx): PointSpec | undefined {
  if (/^(?:现在|此刻|目前|当前|此时)$/.test(t)) return { kind: "now" };
  const m = /^(.+?)(以前|之前|前|以后|之后|后)$/.exec(t);
  const d = m && parseZhDuration(m[1]!, original);
  if (d) {
    const back = m[2]!.endsWith("前");
    if (d.kind === "calendar") {
      if (back) throw monthsRefusal(`"${original}"`, d.unit, d.n, "point", "zh", ctx.today);
      throw new TimeInputError(`"${original}" is in the future; only past windows can be queried.`);
    }
    return { kind: "relative", ms: back ? -d.ms : d.ms };
  }
  const iso = parseIso(t, original);
  if (iso) return iso;
  for (const [re, unit, offset] of CALENDAR) if (re.test(t)) return { kind: "calendar", unit, offset };
  for (const [w, dp] of Object.entries(DAY_PART_WORDS)) {
    if (!t.startsWith(w)) continue;
    const day: DaySpec = { kind: "offset", days: dp.days };
    const rest = t.slice(w.length);
    if (rest === "") return { kind: "part", day, from: dp.from, to: dp.to };
    const clock = parseZhClock(dp.part + rest, original);
    return clock && { kind: "day", day, clock };
  }
  const lead = leadingDay(t, original);
  if (lead) return dayThen(lead[0], lead[1], original);
  // Today implied: 下午 (this afternoon); a bare clock (下午3点, 15:00) is today's, or as the end
  // of a range the start's day, like "between X and 17:30".
  const part = ZH_PARTS[t];
  if (part) return { kind: "part", day: { kind: "offset", days: 0 }, from: part.from, to: part.to };
  const clock = parseZhClock(t, original);
  return clock && { kind: "clock", clock };
}

/** 下午3点到5点: a bare end clock is read in the start's part of the day when it falls there (17:00). */
function partCarriedOver(start: string, end: string, original: string): PointSpec | undefined {
  const part = new RegExp(ZH_PART_RE).exec(start)?.[1] ?? Object.entries(DAY_PART_WORDS).find(([w]) => start.startsWith(w))?.[1].part;
  if (!part || new RegExp(`^${ZH_PART_RE}`).test(end) || !parseZhClock(end, original)) return undefined;
  try {
    const clock = parseZhClock(part + end, original);
    return clock && { kind: "clock", clock };
  } catch {
    return undefined; // 上午9点到15:00: the end is not in the morning, so it stands as written
  }
}

const ROLLING_PREFIX = /^(?:最近的?|过去的?|近)/;
const ROLLING_SUFFIX = /(?:以内|之内|内|里|当中)$/;
const SEPARATORS = ["到", "至", "~", "-", "→", "->"];

/** Parses a normalized Chinese TimeRange; undefined when any part is not understood. */
export function parseZhRange(t: string, original: string, ctx: Ctx): RangeSpec | undefined {
  // Rolling: 最近2小时, 过去三天, 3天内, 最近一周内. A bare "3日" is left to dates (the 3rd).
  const core = t.replace(ROLLING_PREFIX, "").replace(ROLLING_SUFFIX, "");
  if (core !== "" && !(core === t && /日$/.test(t))) {
    const d = parseZhDuration(core, original);
    if (d?.kind === "calendar") throw monthsRefusal(`TimeRange "${original}"`, d.unit, d.n, "window", "zh", ctx.today);
    if (d) return rollingWindow(d.ms, original);
  }
  const point = (s: string): PointSpec | undefined => (s.trim() === "" ? undefined : parseZhPoint(s.trim(), original, ctx));
  const since = (s: string): RangeSpec | undefined => {
    const from = point(s);
    return from && { kind: "since", from };
  };
  const pair = (a: string, b: string): RangeSpec | undefined => {
    const from = point(a);
    const end = b.trim().replace(/为止$/, "");
    const to = from && (partCarriedOver(a, end, original) ?? point(end));
    return from && to ? { kind: "between", from, to } : undefined;
  };

  let m = /^(?:从|自从|自)?(.+?)(?:至今|到现在|到目前为止|迄今)$/.exec(t);
  if (m) return since(m[1]!);
  m = /^在?(.+?)(?:和|与|跟)(.+?)之间$/.exec(t);
  if (m) return pair(m[1]!, m[2]!);
  const body = t.replace(/^(?:从|自从|自)/, "");
  for (const sep of SEPARATORS) {
    for (let i = body.indexOf(sep); i > 0; i = body.indexOf(sep, i + 1)) {
      const r = pair(body.slice(0, i), body.slice(i + sep.length));
      if (r) return r;
    }
  }
  m = /^(?:自从|自|从)(.+?)(?:起|开始|以来|以后|之后)?$/.exec(t) ?? /^(.+?)(?:以来|起|开始|以后|之后)$/.exec(t);
  const s = m && since(m[1]!);
  if (s) return s;
  m = /^(?:截至|截止到?|直到|到)(.+?)(?:为止)?$/.exec(t) ?? /^(.+?)为止$/.exec(t);
  if (m) {
    const to = point(m[1]!);
    if (to) return { kind: "until", to };
  }
  m = /^(.+?)(?:之前|以前)$/.exec(t);
  const before = m && point(m[1]!);
  if (before) return { kind: "before", to: before };
  const whole = point(t);
  return whole && { kind: "point", point: whole };
}
