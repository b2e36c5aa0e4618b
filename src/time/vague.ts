// Why a phrase that was not understood names no time, when it is one of the
// usual vague ones ("a while back", "recently", 很久以前, bare 最近): the
// refusal then says so and what to write instead, in the phrase's language.
import { isChinese, normalizeZh } from "./zh-words.js";
import { normalize } from "./words.js";

const EN: Array<[RegExp, string]> = [
  [/^(?:(?:in|over|during|within) )?(?:the )?(?:last|past|recent|previous)(?: (?:\d+|an?|one|two|three|few))?$/, "it has no unit (minutes, hours, days, weeks)"],
  [/\b(?:a while|while back|while ago|recently|lately|ages|long ago|long time|some ?time|the other day|just now|a bit ago|moment ago|earlier|not long ago|back then)\b/, "it names no definite time"],
];
const EN_FIX = 'Say a number and a unit ("last 3 days", "2 hours ago"), a calendar word ("yesterday", "last week") or a date ("since 2026-11-20").';

const ZH: Array<[RegExp, string]> = [
  [/^(?:最近|近期|近来|过去|这段时间|最近一段时间|最近这段时间)$/, '≈ "recently": it has no number or unit'],
  [/很久|好久|老早|许久/, '≈ "long ago": it names no definite time'],
  [/刚才|刚刚|方才/, '≈ "just now": it names no definite time'],
  [/前阵子|前段时间|一阵子|前些日子|前些天|一段时间/, '≈ "a while ago": it names no definite time'],
  [/这几天|前几天|近几天|这两天|最近几/, '≈ "the last few days": it names no definite number'],
  [/^(?:以前|之前|从前|早些时候|早前|当时|那时)$/, '≈ "before": it names no definite time'],
];
const ZH_FIX =
  'Say a number and a unit ("最近3天" = last 3 days, "2小时前" = 2 hours ago), a calendar word ("昨天" = yesterday, "上周" = last week) or a date ("自 2026-11-20 起" = since 2026-11-20).';

/** The reason and the fix for a vague phrase, or undefined when it is not a known vague one. */
export function vagueReason(text: string): string | undefined {
  if (isChinese(text)) {
    const t = normalizeZh(text);
    const hit = ZH.find(([re]) => re.test(t));
    return hit && `${t} ${hit[1]}. ${ZH_FIX}`;
  }
  const t = normalize(text);
  const hit = EN.find(([re]) => re.test(t));
  return hit && `${hit[1]}. ${EN_FIX}`;
}
