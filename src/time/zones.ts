// TimeZone as people and models write it: an IANA name, a fixed offset, or an
// abbreviation. IANA names go to Intl; fixed offsets ("UTC+8", "GMT-5",
// "+05:30") get a path of their own, since Intl rejects them and the Etc/GMT±N
// zones cover whole hours only (with the sign inverted); abbreviations are
// refused before Intl ever sees them, because Intl takes "CST" as
// America/Chicago and "IST" as Asia/Calcutta while a user in China or Israel
// means something else. Nothing here maps an abbreviation to a zone silently.
import { ABBREVIATIONS, type Meaning, SHORT_IANA, SHORT_NAMES, SUGGEST } from "./abbreviations.js";
import { TimeInputError, ZONE_FORMS_HELP } from "./errors.js";
import { canonicalZone, fixedOffsetMinutes, formatOffset, offsetMs } from "./zone.js";

/** Where the zone of an answer came from: the caller's TimeZone, or the server's default. */
export type ZoneSource = "argument" | "server";

export interface ResolvedZone {
  /**
   * The zone as every function of this module takes it and as answers show it: the canonical IANA
   * name ("Asia/Shanghai", "UTC") or the normalized fixed offset ("UTC+08:00", "UTC-05:00",
   * "UTC+05:30"). A zero offset is "UTC".
   */
  name: string;
  kind: "iana" | "fixed";
  /** Minutes east of UTC, for a fixed offset only. */
  offsetMinutes?: number;
}

const MAX_ZONE = 64;
/** Fixed offsets in use run from UTC-12:00 (Baker Island) to UTC+14:00 (Kiribati). */
const MIN_OFFSET = -12 * 60;
const MAX_OFFSET = 14 * 60;

// "UTC+8", "UTC+08", "UTC+08:00", "UTC+0800", "GMT-5", "UT-5", "+05:30", "-0300", "+8", "utc + 8",
// with a Unicode minus too. The ISO sign convention: "+" is east of UTC (unlike POSIX TZ strings).
const FIXED_INPUT = /^(?:(?:utc|gmt|ut)\s*)?([+\-\u2212])\s*(\d{1,2})(?::?(\d{2}))?$/i;

function refuse(problem: string): never {
  throw new TimeInputError(problem, ZONE_FORMS_HELP);
}

function abbreviationProblem(text: string, abbr: string): string {
  const meanings = ABBREVIATIONS[abbr];
  if (!meanings) {
    return `TimeZone "${text}" looks like a time-zone abbreviation; abbreviations are not accepted because many have several meanings. Pass the IANA zone (Area/City, e.g. "Asia/Shanghai") or a fixed offset (e.g. "UTC+8").`;
  }
  const show = (x: Meaning): string => `${x.what} (${x.zone}, ${x.offset})`;
  if (meanings.length === 1) {
    const x = meanings[0]!;
    return `TimeZone "${text}" is an abbreviation (${x.what}), not a zone name. Pass "${x.zone}" (follows its daylight-saving rules, if any) or the fixed offset "${x.offset}".`;
  }
  const list = `${meanings.slice(0, -1).map(show).join(", ")} or ${show(meanings.at(-1)!)}`;
  return `TimeZone "${text}" is an ambiguous abbreviation: it means ${list}. Pass the IANA zone meant, e.g. "${meanings[0]!.zone}", or a fixed offset such as "${meanings[0]!.offset}".`;
}

/** Fixed offset input -> minutes east of UTC; undefined when it is not written as one. */
function parseFixed(text: string): number | undefined {
  const f = FIXED_INPUT.exec(text);
  if (!f) return undefined;
  const [h, mi] = [Number(f[2]), Number(f[3] ?? 0)];
  const minutes = (f[1] === "+" ? 1 : -1) * (h * 60 + mi);
  if (mi > 59 || minutes < MIN_OFFSET || minutes > MAX_OFFSET) {
    refuse(`TimeZone "${text}" is not a valid offset: offsets run from UTC-12:00 to UTC+14:00, with minutes 00-59 (e.g. "UTC+05:30").`);
  }
  return minutes;
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** A known zone the caller probably meant: a listed alias, a city name, or a near spelling. */
function suggestion(text: string): string | undefined {
  const lower = text.toLowerCase().trim();
  if (SUGGEST[lower]) return SUGGEST[lower];
  let names: string[];
  try {
    names = Intl.supportedValuesOf("timeZone");
  } catch {
    return undefined;
  }
  const city = lower.replace(/\s+/g, "_");
  const byCity = names.find((n) => n.toLowerCase().endsWith(`/${city}`));
  if (byCity) return byCity;
  if (!lower.includes("/")) return undefined;
  let best: string | undefined;
  let bestD = Math.min(3, Math.floor(lower.length / 4));
  for (const n of names) {
    const d = levenshtein(lower, n.toLowerCase());
    if (d <= bestD && (best === undefined || d < bestD)) [best, bestD] = [n, d];
  }
  return best;
}

/**
 * Reads a TimeZone argument. Accepts an IANA name (any casing; returned in its canonical
 * spelling), "UTC"/"GMT"/"Z", and fixed offsets ("UTC+8", "UTC+08:00", "GMT-5", "+05:30",
 * "-0300"), which come back normalized ("UTC+08:00"; a zero offset is "UTC"). Throws
 * TimeInputError for abbreviations (with their meanings and the zone or offset to pass instead),
 * offsets out of range and unknown names (with a "did you mean" when one is close).
 */
export function resolveZone(input: string): ResolvedZone {
  if (typeof input !== "string") refuse("TimeZone must be a string.");
  const text = input.trim();
  if (text === "") refuse("TimeZone is empty.");
  if (text.length > MAX_ZONE) refuse(`TimeZone is too long (over ${MAX_ZONE} characters).`);

  const fixed = parseFixed(text);
  if (fixed !== undefined) {
    return fixed === 0 ? { name: "UTC", kind: "iana" } : { name: formatOffset(fixed), kind: "fixed", offsetMinutes: fixed };
  }
  const lower = text.toLowerCase();
  if (SHORT_NAMES[lower]) return { name: SHORT_NAMES[lower], kind: "iana" };
  // Abbreviations, checked before Intl (which accepts some of them with a meaning of its own).
  if (/^[a-z]{1,5}$/i.test(text) && !SHORT_IANA.has(lower)) refuse(abbreviationProblem(text, text.toUpperCase()));
  const withOffset = /^([a-z]{2,5})\s*[+\-\u2212]\s*\d/i.exec(text);
  if (withOffset && !/^(utc|gmt|ut)$/i.test(withOffset[1]!)) {
    refuse(
      `TimeZone "${text}" mixes an abbreviation with an offset (in POSIX TZ strings "CST-8" even means UTC+8). Pass the offset alone, e.g. "UTC+8", or an IANA zone such as "Asia/Shanghai".`,
    );
  }
  const iana = canonicalZone(text);
  if (iana) return { name: iana, kind: "iana" };
  const near = suggestion(text);
  refuse(`Unknown time zone "${text}"${near ? `; did you mean "${near}"?` : "."} TimeZone must be an IANA zone name such as Asia/Shanghai, or a fixed offset such as UTC+8.`);
}

/** Whether resolveZone accepts the text. */
export function isValidTimeZone(input: string): boolean {
  try {
    resolveZone(input);
    return true;
  } catch {
    return false;
  }
}

/** A zone from configuration or the environment: undefined rather than an error. */
function quietZone(input: string | undefined): string | undefined {
  if (input === undefined) return undefined;
  try {
    return resolveZone(input).name;
  } catch {
    return undefined;
  }
}

/**
 * The server's zone: TZ when it is set and names an IANA zone (glibc's ":Area/City" included);
 * UTC when TZ is set to anything else (an abbreviation such as "CST", or a POSIX string such as
 * "UTC+8" or "CST-8", whose sign POSIX inverts); the system's zone when TZ is unset; else UTC.
 */
export function defaultTimeZone(): string {
  const iana = (z: string | undefined): string | undefined => {
    const r = quietZone(z);
    return r !== undefined && fixedOffsetMinutes(r) === undefined ? r : undefined;
  };
  const tz = process.env.TZ?.replace(/^:/, "");
  if (tz) {
    // The runtime derives its own zone from the same TZ (ICU reads TZ=CST as America/Chicago),
    // so a TZ that is not usable here leaves UTC rather than a guess.
    return iana(tz) ?? "UTC";
  }
  try {
    const sys = iana(Intl.DateTimeFormat().resolvedOptions().timeZone);
    if (sys) return sys;
  } catch {
    // fall through: a runtime without time zone data still gets UTC
  }
  return "UTC";
}

export interface ZoneChoice {
  /** See ResolvedZone.name. */
  TimeZone: string;
  ZoneSource: ZoneSource;
}

/**
 * The zone of an answer: the caller's TimeZone when given (refused when invalid), else the
 * server's: `serverZone` when it is valid (an IANA name or a fixed offset, ISO sign), else
 * defaultTimeZone(). Blank or null counts as not given.
 */
export function chooseZone(given: unknown, serverZone?: string): ZoneChoice {
  if (given !== undefined && given !== null && !(typeof given === "string" && given.trim() === "")) {
    return { TimeZone: resolveZone(given as string).name, ZoneSource: "argument" };
  }
  return { TimeZone: quietZone(serverZone) ?? defaultTimeZone(), ZoneSource: "server" };
}

/**
 * The zone as shown in text: its name ("Asia/Shanghai", "UTC+08:00", "UTC"); with `atMs`, an IANA
 * zone other than UTC also gets its offset at that instant ("America/Los_Angeles (UTC-08:00)").
 */
export function zoneLabel(zone: string, atMs?: number): string {
  if (atMs === undefined || zone === "UTC" || fixedOffsetMinutes(zone) !== undefined) return zone;
  return `${zone} (${formatOffset(Math.round(offsetMs(zone, atMs) / 60_000))})`;
}

/**
 * One sentence for an answer whose zone the caller did not choose, undefined otherwise:
 * "Times are in the server's zone, UTC; pass TimeZone (e.g. "Asia/Shanghai" or "UTC+8") to use the user's."
 */
export function zoneNotice(choice: ZoneChoice): string | undefined {
  if (choice.ZoneSource === "argument") return undefined;
  return `Times are in the server's zone, ${choice.TimeZone}; pass TimeZone (e.g. "Asia/Shanghai" or "UTC+8") to use the user's.`;
}
