// Zone arithmetic on top of Intl, so the module needs no tz database of its
// own. A zone is a string: an IANA name ("Asia/Shanghai") or a fixed offset
// in the one normalized spelling "UTC+08:00" / "UTC-05:00" / "UTC+05:30"
// (resolveZone in zones.ts turns "UTC+8", "GMT-5", "+05:30" into it); Intl
// knows no such names, so fixed offsets take their own path in utcToWall and
// every other function here works for both. Wall-clock values are carried as
// plain numbers ("civil" fields) and converted to UTC milliseconds only
// through wallToUtc, which is the one place that decides how DST gaps and
// overlaps are resolved.

export interface Wall {
  y: number;
  mo: number; // 1..12
  d: number;
  h: number;
  mi: number;
  s: number;
}

export interface CivilDate {
  y: number;
  mo: number;
  d: number;
}

const DAY_MS = 86_400_000;
const pad = (n: number, w = 2): string => String(n).padStart(w, "0");
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      era: "short",
    });
    formatters.set(zone, f);
  }
  return f;
}

// IANA names newer than the ones ICU still treats as canonical (Intl resolves
// "Asia/Kolkata" to "Asia/Calcutta"): listed so their casing can be fixed too.
const MODERN_NAMES = [
  "Africa/Asmara", "America/Argentina/Buenos_Aires", "America/Argentina/Cordoba", "America/Atikokan",
  "America/Indiana/Indianapolis", "America/Kentucky/Louisville", "America/Nuuk", "Asia/Ho_Chi_Minh",
  "Asia/Kathmandu", "Asia/Kolkata", "Asia/Yangon", "Atlantic/Faroe", "Europe/Kyiv", "Pacific/Chuuk",
  "Pacific/Kanton", "Pacific/Pohnpei",
];
let spellings: Map<string, string> | undefined;
function knownSpelling(lower: string): string | undefined {
  if (!spellings) {
    spellings = new Map();
    let names: string[] = [];
    try {
      names = Intl.supportedValuesOf("timeZone");
    } catch {
      // a runtime without the list still resolves names, only casing is not fixed
    }
    for (const n of [...names, ...MODERN_NAMES, "UTC"]) spellings.set(n.toLowerCase(), n);
  }
  return spellings.get(lower);
}

/** Canonical spelling of an IANA zone, or undefined when Intl rejects it. Abbreviations are not
 * refused here (Intl takes "CST" as America/Chicago): resolveZone in zones.ts does that first. */
export function canonicalZone(zone: string): string | undefined {
  // Intl also accepts offset strings on newer engines; fixed offsets have
  // their own path (zones.ts), so anything that does not look like an IANA
  // name is refused up front.
  if (typeof zone !== "string" || !/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) {
    return undefined;
  }
  try {
    const resolved = new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
    // Keep the caller's name when Intl maps it to a different alias
    // ("Asia/Kolkata" -> "Asia/Calcutta" would surprise a reader); only fix casing.
    const lower = zone.toLowerCase();
    return knownSpelling(lower) ?? (resolved.toLowerCase() === lower ? resolved : zone);
  } catch {
    return undefined;
  }
}

const FIXED_ZONE = /^UTC([+-])(\d{2}):(\d{2})$/;

/** Minutes east of UTC when `zone` is a normalized fixed offset ("UTC+05:30" -> 330), else undefined. */
export function fixedOffsetMinutes(zone: string): number | undefined {
  const m = FIXED_ZONE.exec(zone);
  if (!m) return undefined;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** The normalized spelling of a fixed offset: 480 -> "UTC+08:00", -210 -> "UTC-03:30", 0 -> "UTC+00:00". */
export function formatOffset(minutes: number): string {
  const a = Math.abs(minutes);
  return `UTC${minutes < 0 ? "-" : "+"}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

export function utcToWall(zone: string, utcMs: number): Wall {
  const fixed = fixedOffsetMinutes(zone);
  if (fixed !== undefined) {
    const t = new Date(Math.floor(utcMs / 1000) * 1000 + fixed * 60_000);
    return {
      y: t.getUTCFullYear(),
      mo: t.getUTCMonth() + 1,
      d: t.getUTCDate(),
      h: t.getUTCHours(),
      mi: t.getUTCMinutes(),
      s: t.getUTCSeconds(),
    };
  }
  const parts = formatterFor(zone).formatToParts(new Date(utcMs));
  const get = (t: Intl.DateTimeFormatPartTypes): number => {
    const p = parts.find((x) => x.type === t);
    return p ? Number(p.value) : 0;
  };
  let y = get("year");
  const era = parts.find((x) => x.type === "era")?.value ?? "AD";
  if (era.startsWith("B")) y = 1 - y;
  return { y, mo: get("month"), d: get("day"), h: get("hour") % 24, mi: get("minute"), s: get("second") };
}

export function wallAsUtcMs(w: Wall): number {
  const ms = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  // Date.UTC maps years 0..99 to 1900+; dates that far back never matter here.
  return ms;
}

/** Zone offset (local - UTC) in ms at a UTC instant, at one-second resolution. */
export function offsetMs(zone: string, utcMs: number): number {
  const floored = Math.floor(utcMs / 1000) * 1000;
  return wallAsUtcMs(utcToWall(zone, floored)) - floored;
}

/**
 * Wall clock -> UTC. Gap (spring forward): the wall time does not exist, so it
 * is shifted forward by the gap length (Temporal's "compatible"; 02:30 on a
 * US spring-forward day becomes 03:30 daylight time). Overlap (fall back):
 * the earlier of the two instants (the daylight-time one).
 */
export function wallToUtc(zone: string, w: Wall): number {
  const local = wallAsUtcMs(w);
  // Offsets a day either side bracket any single transition near this wall time.
  const before = offsetMs(zone, local - DAY_MS);
  const after = offsetMs(zone, local + DAY_MS);
  const candidates: number[] = [];
  for (const off of new Set([before, after])) {
    const utc = local - off;
    if (offsetMs(zone, utc) === off) candidates.push(utc);
  }
  if (candidates.length > 0) return Math.min(...candidates);
  // In a gap: using the pre-transition offset lands past the gap by its length.
  return local - before;
}

export function civilOf(zone: string, utcMs: number): CivilDate {
  const w = utcToWall(zone, utcMs);
  return { y: w.y, mo: w.mo, d: w.d };
}

export function addDays(c: CivilDate, n: number): CivilDate {
  const t = new Date(Date.UTC(c.y, c.mo - 1, c.d + n));
  return { y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function addMonths(c: CivilDate, n: number): CivilDate {
  const t = new Date(Date.UTC(c.y, c.mo - 1 + n, 1));
  return { y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: 1 };
}

/** ISO weekday: Monday = 1 ... Sunday = 7. */
export function isoWeekday(c: CivilDate): number {
  const wd = new Date(Date.UTC(c.y, c.mo - 1, c.d)).getUTCDay();
  return wd === 0 ? 7 : wd;
}

export function daysInMonth(y: number, mo: number): number {
  return new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

export function compareCivil(a: CivilDate, b: CivilDate): number {
  return a.y - b.y || a.mo - b.mo || a.d - b.d;
}

/** Start of a local day (00:00, or the first instant after a midnight gap). */
export function startOfDay(zone: string, c: CivilDate): number {
  return wallToUtc(zone, { ...c, h: 0, mi: 0, s: 0 });
}

/** "yyyy-MM-dd HH:mm", with ":ss" only when the seconds are not zero. */
export function formatLocal(zone: string, utcMs: number): string {
  const w = utcToWall(zone, utcMs);
  const base = `${pad(w.y, 4)}-${pad(w.mo)}-${pad(w.d)} ${pad(w.h)}:${pad(w.mi)}`;
  return w.s === 0 ? base : `${base}:${pad(w.s)}`;
}

/** "yyyy-MM-dd HH:mm" in the zone (IANA or fixed offset), seconds dropped: for times shown in answers. */
export function formatLocalMinute(zone: string, utcMs: number): string {
  return formatLocal(zone, utcMs).slice(0, 16);
}
