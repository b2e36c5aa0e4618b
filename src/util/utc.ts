// The one UTC form the server writes: `yyyy-MM-ddTHH:mm:ssZ` (the API's own times are to the minute).

/** `2026-11-28T12:00:00.123Z` -> `2026-11-28T12:00:00Z` (milliseconds dropped, never rounded up). */
export function formatUtcSeconds(d: Date | number): string {
  const ms = typeof d === "number" ? d : d.getTime();
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Whole seconds from `startIso` to `endIso` (or to `nowMs` while a task runs); undefined when negative or unknown. */
export function elapsedSeconds(startIso: string | undefined, endIso: string | undefined, nowMs: number): number | undefined {
  if (!startIso) return undefined;
  const end = endIso ? Date.parse(endIso) : nowMs;
  const seconds = Math.floor((end - Date.parse(startIso)) / 1000);
  return seconds >= 0 ? seconds : undefined;
}
