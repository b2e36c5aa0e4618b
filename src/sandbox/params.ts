// Parameter validation with the API's own error codes and messages, shared by the actions.
import { SandboxApiError } from "./types.js";

export function missingParameter(name: string): SandboxApiError {
  return new SandboxApiError(
    400,
    "MissingParameter",
    `An input parameter "${name}" that is mandatory for processing the request is not supplied.`,
  );
}

export function invalidParameter(name: string): SandboxApiError {
  return new SandboxApiError(400, "InvalidParameter", `The specified parameter ${name} is not valid.`);
}

export function required(query: Record<string, string>, name: string): string {
  const value = query[name];
  if (value === undefined || value === "") throw missingParameter(name);
  return value;
}

/** An optional integer in [min, max]; anything else (1.5, "ten", 0) is InvalidParameter. */
export function optionalInteger(
  query: Record<string, string>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = query[name];
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d+$/.test(raw.trim())) throw invalidParameter(name);
  const value = Number(raw.trim());
  if (!Number.isSafeInteger(value) || value < min || value > max) throw invalidParameter(name);
  return value;
}

const TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?Z$/;

/**
 * StartTime/EndTime: `yyyy-MM-ddTHH:mm:ssZ`, or the minute form the API itself answers with.
 * Calendar-invalid values (month 13, Feb 30) are malformed too: the round trip must hold.
 */
export function optionalTime(query: Record<string, string>, name: "StartTime" | "EndTime"): Date | undefined {
  const raw = query[name];
  if (raw === undefined || raw === "") return undefined;
  const m = TIME.exec(raw);
  const malformed = new SandboxApiError(400, `Invalid${name}.Malformed`, `The specified parameter ${name} is not valid.`);
  if (!m) throw malformed;
  const [, y, mo, d, h, mi, s] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? "0"));
  const date = new Date(ms);
  const iso = date.toISOString();
  if (iso.slice(0, 16) !== `${y}-${mo}-${d}T${h}:${mi}` || date.getUTCSeconds() !== Number(s ?? "0")) throw malformed;
  return date;
}
