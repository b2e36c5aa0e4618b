// Chinese vocabulary for zh.ts: normalization (traditional to simplified for
// the characters time phrases use, full-width to ASCII, spaces), numerals
// (2, 二, 两, 十二, 三十, 一百二十), lengths of time (2小时, 三天, 一周,
// 半小时, 一个半小时) and clock times (15:00, 3点, 下午3点, 9点半, 3点15分).
import { TimeInputError } from "./errors.js";
import type { Duration } from "./durations.js";
import { type Clock, checkClock, parseClock } from "./words.js";

/** Whether a phrase is Chinese: any CJK ideograph or CJK punctuation. */
export function isChinese(text: string): boolean {
  return /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff]/.test(text);
}

// Traditional forms of the characters the grammar uses (simplified on the right).
const TRADITIONAL: Record<string, string> = {
  這: "这", 個: "个", 週: "周", 過: "过", 時: "时", 鐘: "钟", 從: "从", 點: "点", 來: "来", 後: "后",
  兩: "两", 禮: "礼", 號: "号", 現: "现", 開: "开", 間: "间", 內: "内", 為: "为", 頭: "头", 幾: "几",
  當: "当", 與: "与", 剛: "刚", 裡: "里", 裏: "里", 陣: "阵", 數: "数",
};

const CJK = "\\u3000-\\u303f\\u3400-\\u9fff\\uf900-\\ufaff";
const AROUND_CJK = new RegExp(`\\s+(?=[${CJK}])|(?<=[${CJK}])\\s+`, "g");

/** Simplified, ASCII digits and punctuation, lower case, no spaces next to a Chinese character. */
export function normalizeZh(text: string): string {
  return text
    .normalize("NFKC") // full-width digits, colon, tilde, letters
    .replace(/[\u4e00-\u9fff]/g, (c) => TRADITIONAL[c] ?? c)
    .toLowerCase()
    .replace(/[–—－]+/g, "-")
    .replace(/\s+/g, " ")
    .replace(AROUND_CJK, "")
    .trim()
    .replace(/[。.!！]$/, "")
    .replace(/的$/, "");
}

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
export const NUM = "(\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百]+)";
const ZH_NUMERAL = /^(?:([一二两三四五六七八九])百)?(?:([零〇])?([一二两三四五六七八九])?(十))?([零〇一二两三四五六七八九])?$/;

/** 2, 2.5, 二, 两, 十, 十二, 三十, 二十四, 一百二十, 零: the value; undefined for anything else. */
export function zhNumber(s: string): number | undefined {
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  const m = ZH_NUMERAL.exec(s);
  if (!m || s === "") return undefined;
  const [, hundreds, , tens, ten, units] = m;
  return (hundreds ? DIGIT[hundreds]! * 100 : 0) + (ten ? (tens ? DIGIT[tens]! : 1) * 10 : 0) + (units ? DIGIT[units]! : 0);
}

const UNIT_MS: Record<string, number> = {
  分钟: 60_000, 分: 60_000, 小时: 3_600_000, 钟头: 3_600_000, 钟: 3_600_000,
  天: 86_400_000, 日: 86_400_000, 周: 604_800_000, 星期: 604_800_000, 礼拜: 604_800_000,
};
const ZH_DURATION = new RegExp(`^(?:${NUM}|(几|数|若干|多))?(个半|半个|个|半)?(分钟|分|小时|钟头|钟|天|日|周|星期|礼拜|月|年)(半)?$`);

/**
 * 2小时, 三天, 两个小时, 一周, 30分钟, 半小时, 半个小时, 一个半小时, 两天半, 一刻钟, 3个月 (refused
 * later, like "3 months"); undefined when `t` is not one. 几天 ("a few days") is refused here.
 */
export function parseZhDuration(t: string, phrase: string): Duration | undefined {
  if (t === "一刻钟") return { kind: "elapsed", ms: 15 * 60_000 };
  const m = ZH_DURATION.exec(t);
  if (!m) return undefined;
  const [, num, vague, mid = "", unit, half2] = m;
  if (vague) {
    throw new TimeInputError(
      `Could not understand "${phrase}": ${vague} ("a few") is not a number. Give one: "最近3天" (last 3 days), "2小时前" (2 hours ago).`,
    );
  }
  const ge = mid.includes("个");
  const half = mid.includes("半");
  if (half && half2) return undefined;
  // 半小时 and 半个小时 count from zero; otherwise a number is needed, and 半个 never follows one.
  const base = num === undefined ? (mid === "半" || mid === "半个" ? 0 : undefined) : mid === "半个" ? undefined : zhNumber(num);
  if (base === undefined) return undefined;
  // A month needs its measure word (3个月; "3月" is March), and so does 钟 for hours (3个钟).
  if ((unit === "月" || unit === "钟") && !ge) return undefined;
  const n = base + (half || half2 ? 0.5 : 0);
  if (unit === "月" || unit === "年") return { kind: "calendar", unit: unit === "月" ? "month" : "year", n };
  return { kind: "elapsed", ms: n * UNIT_MS[unit!]! };
}

/** Parts of the day and how a clock hour reads in each (凌晨2点 02:00, 下午3点 15:00, 晚上8点 20:00). */
export const ZH_PARTS: Record<string, { from: number; to: number; gloss: string; hour: (h: number) => number | undefined }> = {
  凌晨: { from: 0, to: 6, gloss: "before dawn", hour: (h) => (h === 12 ? 0 : h <= 6 ? h : undefined) },
  早上: { from: 0, to: 12, gloss: "morning", hour: (h) => (h <= 12 ? h : undefined) },
  早晨: { from: 0, to: 12, gloss: "morning", hour: (h) => (h <= 12 ? h : undefined) },
  上午: { from: 0, to: 12, gloss: "morning", hour: (h) => (h <= 12 ? h : undefined) },
  中午: { from: 11, to: 13, gloss: "noon", hour: (h) => (h >= 11 && h <= 14 ? h : h >= 1 && h <= 2 ? h + 12 : undefined) },
  下午: { from: 12, to: 18, gloss: "afternoon", hour: (h) => (h >= 1 && h <= 11 ? h + 12 : h >= 12 && h <= 18 ? h : undefined) },
  午后: { from: 12, to: 18, gloss: "afternoon", hour: (h) => (h >= 1 && h <= 11 ? h + 12 : h >= 12 && h <= 18 ? h : undefined) },
  傍晚: { from: 18, to: 24, gloss: "evening", hour: (h) => (h >= 5 && h <= 11 ? h + 12 : h >= 17 && h <= 23 ? h : undefined) },
  晚上: { from: 18, to: 24, gloss: "evening", hour: (h) => (h >= 6 && h <= 11 ? h + 12 : h >= 18 && h <= 23 ? h : undefined) },
  夜里: { from: 18, to: 24, gloss: "evening", hour: (h) => (h >= 6 && h <= 11 ? h + 12 : h >= 18 && h <= 23 ? h : undefined) },
  夜间: { from: 18, to: 24, gloss: "evening", hour: (h) => (h >= 6 && h <= 11 ? h + 12 : h >= 18 && h <= 23 ? h : undefined) },
};
export const ZH_PART_RE = `(${Object.keys(ZH_PARTS).join("|")})`;

const ZH_CLOCK = new RegExp(`^${NUM}[点时](?:钟)?(?:(整)|(半)|(一刻)|(三刻)|${NUM}分?(?:${NUM}秒)?)?$`);

/** 15:00, 3pm, 15点, 3点钟, 9点半, 3点15分, 3点15, 3点一刻, 10时30分; with 上午/下午/晚上... before it. */
export function parseZhClock(t: string, phrase: string): Clock | undefined {
  const p = new RegExp(`^${ZH_PART_RE}?(.+)$`).exec(t);
  if (!p) return undefined;
  const [, partName, rest] = p;
  let c = parseClock(rest!);
  if (!c) {
    const m = ZH_CLOCK.exec(rest!);
    if (!m) return undefined;
    const [, hs, , half, q1, q3, ms, ss] = m;
    const h = zhNumber(hs!);
    const mi = half ? 30 : q1 ? 15 : q3 ? 45 : ms ? zhNumber(ms) : 0;
    const s = ss ? zhNumber(ss) : 0;
    if (h === undefined || mi === undefined || s === undefined || !Number.isInteger(h + mi + s)) return undefined;
    c = checkClock(h, mi, s);
    if (!c) return undefined;
  }
  if (!partName) return c;
  const h = ZH_PARTS[partName]!.hour(c.h);
  if (h === undefined || /[ap]\.?m/.test(rest!)) {
    throw new TimeInputError(
      `Could not understand "${phrase}": ${rest} does not fall in ${partName} (${ZH_PARTS[partName]!.gloss}). Write the hour on a 24-hour clock ("15:00", "15点") or with a part of the day it falls in ("凌晨2点", "下午3点", "晚上8点").`,
    );
  }
  return { ...c, h };
}
