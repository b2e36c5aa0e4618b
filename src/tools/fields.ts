// Field patterns and bounds shared by the tools. Anything from tool input that reaches a request
// passes one of these first.

export const TASK_ID = /^t-[A-Za-z0-9]{4,64}$/;
/** One or more task IDs, comma-separated, spaces allowed around commas. */
export const TASK_ID_LIST = /^\s*t-[A-Za-z0-9]{4,64}(\s*,\s*t-[A-Za-z0-9]{4,64})*\s*$/;
/** Image, instance, disk or snapshot IDs (m-, i-, d-, s-...) and similar resource names. */
export const RESOURCE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{1,127}$/;
export const TIME_PHRASE_MAX = 200;
export const TIME_ZONE_MAX = 64;
export const PAGE_NUMBER_MAX = 1_000_000;
export const MAX_TASK_IDS = 100;

export class InputError extends Error {
  override name = "InputError";
}

/** A list or comma-separated string of task IDs -> at most 100 distinct IDs, in the order given. */
export function splitTaskIds(value: string | string[]): string[] {
  const ids = (Array.isArray(value) ? value : value.split(",")).map((s) => s.trim()).filter(Boolean);
  const unique = [...new Set(ids)];
  if (unique.length > MAX_TASK_IDS) {
    throw new InputError(
      `TaskIds has ${unique.length} IDs; at most ${MAX_TASK_IDS} are accepted per call. Split them over several calls.`,
    );
  }
  return unique;
}
