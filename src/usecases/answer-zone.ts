// The zone an answer shows its times in: the caller's TimeZone, else the server's, said so.
import { formatLocal, resolveTimeQuery } from "../time/index.js";

export interface AnswerZone {
  zone: string;
  /** Present when the caller gave no TimeZone. */
  note?: string;
  /** `yyyy-MM-dd HH:mm` in the zone, for a UTC ISO time (undefined when absent or unreadable). */
  local(iso: string | undefined): string | undefined;
}

export function zoneNote(zone: string): string {
  return `Times are in the server's zone (${zone}); pass TimeZone (e.g. "Asia/Shanghai" or "UTC+8") to show them in the user's.`;
}

/** `zone` must already be resolved (resolveTimeQuery checks the caller's TimeZone). */
export function answerZone(zone: string, given: boolean): AnswerZone {
  return {
    zone,
    ...(given ? {} : { note: zoneNote(zone) }),
    local(iso) {
      if (!iso) return undefined;
      const ms = Date.parse(iso);
      return Number.isNaN(ms) ? undefined : formatLocal(zone, ms).slice(0, 16);
    },
  };
}

/** For tools without time phrases: checks the caller's TimeZone (refusing a bad one before any call). */
export function zoneOf(timeZone: string | undefined, now: Date, defaultZone: string): AnswerZone {
  const resolved = resolveTimeQuery(timeZone !== undefined ? { TimeZone: timeZone } : {}, now, defaultZone);
  return answerZone(resolved.TimeZone, timeZone !== undefined);
}
