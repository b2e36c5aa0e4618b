// The one UTC form the server writes: `yyyy-MM-ddTHH:mm:ssZ` (the API's own times are to the minute).

/** `2026-11-28T12:00:00.123Z` -> `2026-11-28T12:00:00Z` (milliseconds dropped, never rounded up). */
export function formatUtcSeconds(d: Date | number): string {
  const ms = typeof d === "number" ? d : d.getTime();
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

const UTC_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/**
 * A real instant written `yyyy-MM-ddTHH:mm:ssZ`. Date.parse alone is not enough: it rolls
 * `2026-02-30` over into March and reads hour 24 as the next day.
 */
export function isUtcSeconds(value: string): boolean {
  if (!UTC_SECONDS.test(value)) return false;
  const ms = Date.parse(value);
  return !Number.isNaN(ms) && formatUtcSeconds(ms) === value;
}

/** Whole seconds from `startIso` to `endIso` (or to `nowMs` while a task runs); undefined when negative, unknown or not a real date. */
export function elapsedSeconds(startIso: string | undefined, endIso: string | undefined, nowMs: number): number | undefined {
  if (!startIso || !isUtcSeconds(startIso) || (endIso !== undefined && !isUtcSeconds(endIso))) return undefined;
  const end = endIso ? Date.parse(endIso) : nowMs;
  const seconds = Math.floor((end - Date.parse(startIso)) / 1000);
  return seconds >= 0 ? seconds : undefined;
}
