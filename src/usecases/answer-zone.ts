// The zone an answer shows its times in: the caller's TimeZone (an IANA zone or a fixed offset),
// else the server's, said so.
import { chooseZone, formatLocalMinute, zoneNotice, type ZoneChoice } from "../time/index.js";
import { isUtcSeconds } from "../util/utc.js";

export interface AnswerZone {
  zone: string;
  /** Present when the caller gave no TimeZone. */
  note?: string;
  /** `yyyy-MM-dd HH:mm` in the zone, for a UTC ISO time (undefined when absent or unreadable). */
  local(iso: string | undefined): string | undefined;
}

/** From a resolved choice (resolveTimeQuery or chooseZone made it). */
export function answerZone(choice: ZoneChoice): AnswerZone {
  const note = zoneNotice(choice);
  return {
    zone: choice.TimeZone,
    ...(note ? { note } : {}),
    // A time that is not a real date (Date.parse would roll 2026-02-30 over into March) has no local form.
    local: (iso) => (iso && isUtcSeconds(iso) ? formatLocalMinute(choice.TimeZone, Date.parse(iso)) : undefined),
  };
}

/** For tools without time phrases: checks the caller's TimeZone (refusing a bad one before any call). */
export function zoneOf(timeZone: string | undefined, defaultZone: string): AnswerZone {
  return answerZone(chooseZone(timeZone, defaultZone));
}
