// The one UTC form the server writes: `yyyy-MM-ddTHH:mm:ssZ` (the API's own times are to the minute).

/** `2026-11-28T12:00:00.123Z` -> `2026-11-28T12:00:00Z` (milliseconds dropped, never rounded up). */
export function formatUtcSeconds(d: Date | number): string {
  const ms = typeof d === "number" ? d : d.getTime();
  const iso = new Date(Math.floor(ms / 1000) * 1000).toISOString();
  // Years 0000-9999 are 24 characters; others (+275760-...) keep their form, milliseconds cut.
  return iso.length === 24 ? `${iso.slice(0, 19)}Z` : iso.replace(/\.\d{3}Z$/, "Z");
}

const UTC_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/**
 * A real instant written `yyyy-MM-ddTHH:mm:ssZ`. Date.parse alone is not enough: it rolls
 * `2026-02-30` over into March and reads hour 24 as the next day.
 */
export function isUtcSeconds(value: string): boolean {
  if (!UTC_SECONDS.test(value)) return false;
  // Checked field by field rather than through Date (parse, then format and compare): this runs for
  // every time of every row read, several times per row, and allocating there showed in the bench.
  const num = (from: number, to: number) => Number(value.slice(from, to));
  const year = num(0, 4);
  const month = num(5, 7);
  const day = num(8, 10);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && num(11, 13) <= 23 && num(14, 16) <= 59 && num(17, 19) <= 59;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whole seconds from `startIso` to `endIso` (or to `nowMs` while a task runs); undefined when negative, unknown or not a real date. */
export function elapsedSeconds(startIso: string | undefined, endIso: string | undefined, nowMs: number): number | undefined {
  if (!startIso || !isUtcSeconds(startIso) || (endIso !== undefined && !isUtcSeconds(endIso))) return undefined;
  const end = endIso ? Date.parse(endIso) : nowMs;
  const seconds = Math.floor((end - Date.parse(startIso)) / 1000);
  return seconds >= 0 ? seconds : undefined;
}
