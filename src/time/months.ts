// Months and years are calendar units only. As a rolling window or an elapsed
// time ("past month", "last 3 months", "a year ago", "最近一个月") they have
// no fixed length (28 to 31 days, 365 or 366), so the server does not guess
// one: the refusal says why and offers the exact forms nearest to what was
// probably meant, in the phrase's language, with real dates for today.
import { TimeInputError } from "./errors.js";
import { type CivilDate, daysInMonth } from "./zone.js";

export type Lang = "en" | "zh";

/** The same day n months (or years) back, clamped to the month's length (Mar 31 - 1 month = Feb 28). */
export function monthsBack(today: CivilDate, months: number): CivilDate {
  const idx = today.y * 12 + (today.mo - 1) - months;
  const y = Math.floor(idx / 12);
  const mo = idx - y * 12 + 1;
  return { y, mo, d: Math.min(today.d, daysInMonth(y, mo)) };
}

const iso = (c: CivilDate): string => `${String(c.y).padStart(4, "0")}-${String(c.mo).padStart(2, "0")}-${String(c.d).padStart(2, "0")}`;

/**
 * The refusal for a month or year used as a length of time.
 * `what` names the phrase: 'TimeRange "past month"' for a window, '"3 months ago"' for a point.
 * `kind`: "window" for a rolling window ("past month"), "point" for an elapsed time ("a month ago").
 */
export function monthsRefusal(
  what: string,
  unit: "month" | "year",
  n: number,
  kind: "window" | "point",
  lang: Lang,
  today: CivilDate,
): TimeInputError {
  const months = unit === "month" ? n : 12 * n;
  const days = unit === "month" ? 30 * n : 365 * n;
  const since = iso(monthsBack(today, months));
  const why = unit === "month" ? "months run 28 to 31 days" : "years run 365 or 366 days";
  const head =
    kind === "window"
      ? `${what} asks for a rolling ${unit}, which has no fixed length: ${why}, so none is guessed.`
      : `${what} counts back in ${unit}s, which have no fixed length: ${why}, so no point is guessed.`;
  const q = (s: string): string => `"${s}"`;
  let offer: string;
  if (kind === "point") {
    offer =
      lang === "zh"
        ? `Say ${q(`${days}天前`)} (${days} days ago) or the date ${q(since)}.`
        : `Say ${q(`${days} days ago`)} or the date ${q(since)}.`;
  } else if (lang === "zh") {
    const cal = n === 1 ? (unit === "month" ? `, ${q("本月")} (this month), ${q("上个月")} (last month)` : `, ${q("今年")} (this year), ${q("去年")} (last year)`) : "";
    offer = `Say ${q(`最近${days}天`)} (last ${days} days)${cal} or ${q(`自 ${since} 起`)} (since ${since}).`;
  } else {
    const cal = n === 1 ? (unit === "month" ? `, ${q("this month")}, ${q("last month")}` : `, ${q("this year")}, ${q("last year")}`) : "";
    offer = `Say ${q(`last ${days} days`)}${cal} or ${q(`since ${since}`)}.`;
  }
  return new TimeInputError(`${head} ${offer}`);
}
