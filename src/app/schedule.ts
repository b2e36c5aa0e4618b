// When the dashboard refreshes: soon at first, then less and less often (back-off), never past a
// bounded time. Pure, so the unit tests check the sequence without timers.

export const REFRESH_FIRST_MS = 3_000;
export const REFRESH_MAX_MS = 30_000;
export const REFRESH_FACTOR = 1.5;
/** After this long the view stops on its own and says so (a new question starts a new view). */
export const REFRESH_LIMIT_MS = 10 * 60_000;

/** The wait before the next refresh: grows by REFRESH_FACTOR each time, doubles after a failure. */
export function nextDelay(previousMs: number | undefined, failed: boolean): number {
  if (previousMs === undefined) return REFRESH_FIRST_MS;
  return Math.min(REFRESH_MAX_MS, Math.round(previousMs * (failed ? 2 : REFRESH_FACTOR)));
}

export type StopReason = "ended" | "limit";

/** Whether to refresh again: only while something runs and the time limit is not reached. */
export function shouldStop(startedMs: number, nowMs: number, delayMs: number, anyRunning: boolean): StopReason | undefined {
  if (!anyRunning) return "ended";
  if (nowMs + delayMs - startedMs > REFRESH_LIMIT_MS) return "limit";
  return undefined;
}
