// Field patterns, bounds and zod fields shared by the tool contracts. Anything from tool input that
// reaches a request passes one of these first.
import { z } from "zod";
import { REGION_ID_PATTERN } from "../ecs/region.js";
import { InputError } from "../errors.js";

export const TASK_ID = /^t-[A-Za-z0-9]{4,64}$/;
/** One or more task IDs, comma-separated, spaces allowed around commas. */
export const TASK_ID_LIST = /^\s*t-[A-Za-z0-9]{4,64}(\s*,\s*t-[A-Za-z0-9]{4,64})*\s*$/;
/** Image, instance, disk or snapshot IDs (m-, i-, d-, s-...) and similar resource names. */
export const RESOURCE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{1,127}$/;
export const TIME_PHRASE_MAX = 200;
export const TIME_ZONE_MAX = 64;
export const PAGE_NUMBER_MAX = 1_000_000;
export const MAX_TASK_IDS = 100;

/** A list or comma-separated string of task IDs -> at most `max` distinct IDs, in the order given. */
export function splitTaskIds(value: string | string[], max = MAX_TASK_IDS): string[] {
  const ids = (Array.isArray(value) ? value : value.split(",")).map((s) => s.trim()).filter(Boolean);
  const unique = [...new Set(ids)];
  if (unique.length > max) {
    throw new InputError(`TaskIds has ${unique.length} IDs; at most ${max} are accepted per call. Split them over several calls.`);
  }
  return unique;
}

/**
 * A string that must match `pattern`. Checked by a refinement rather than a JSON Schema pattern: the
 * message says what is accepted, and the listed schema a model reads every turn stays short.
 */
export const matching = (pattern: RegExp, message: string, max = 128) =>
  z
    .string()
    .max(max)
    .refine((v) => pattern.test(v), message);

export const regionIdField = () =>
  matching(REGION_ID_PATTERN, 'RegionId must look like "cn-hangzhou" or "ap-southeast-1"', 64)
    .optional()
    .describe('E.g. "cn-hangzhou". Default: the configured one. Tasks not found there are sought in every region.');

export const taskIdField = () => matching(TASK_ID, "each task ID must look like t-bp1hvgwromzv32iq1234", 70);

/** An array or a comma-separated string of task IDs, at most `max` (re-checked after splitting). */
export const taskIdsField = (max: number) =>
  z.union([
    matching(TASK_ID_LIST, "TaskIds must be task IDs like t-bp1hvgwromzv32iq1234, comma-separated", 3000),
    z.array(taskIdField()).min(1).max(max),
  ]);

/**
 * An enum the way models send it: case-insensitive, with the usual synonyms ("Running" for
 * Processing). The listed schema still names only the API's values; the handler gets the
 * canonical one, so Query echoes it. Anything else is refused with the accepted values.
 */
export function lenientEnum<const T extends readonly string[]>(name: string, values: T, synonyms: Readonly<Record<string, T[number]>> = {}) {
  const byLower = new Map<string, T[number]>(values.map((v) => [v.toLowerCase(), v]));
  for (const [word, value] of Object.entries(synonyms)) byLower.set(word.toLowerCase(), value);
  return z
    .string()
    .meta({ enum: [...values] })
    .transform((raw, ctx): T[number] => {
      const found = byLower.get(raw.trim().toLowerCase());
      if (found !== undefined) return found;
      ctx.addIssue({ code: "custom", message: `${name} must be one of: ${values.join(", ")} (got "${raw.slice(0, 64)}")` });
      return z.NEVER;
    });
}

/** What models often send instead of an argument's real name. */
const KEY_FIXES: Readonly<Record<string, string>> = {
  status: "TaskStatus",
  taskstatuses: "TaskStatus",
  action: "TaskAction",
  taskactions: "TaskAction",
  type: "TaskAction",
  region: "RegionId",
  regionid: "RegionId",
  regions: "RegionId",
  taskid: "TaskIds",
  ids: "TaskIds",
  zone: "TimeZone",
  timezone: "TimeZone",
  tz: "TimeZone",
  range: "TimeRange",
  window: "TimeRange",
  since: "StartTime",
  from: "StartTime",
  start: "StartTime",
  until: "EndTime",
  to: "EndTime",
  end: "EndTime",
  resourceid: "ResourceIds",
  imageid: "ResourceIds",
  page: "PageNumber",
  limit: "MaxResults",
  max: "MaxResults",
  all: "AllPages",
  timeout: "TimeoutSeconds",
  interval: "PollIntervalSeconds",
  profile: "Profile",
  account: "Profile",
};

/** "did you mean" for unknown keys: the known fix, else a key of the tool that differs only in case. */
export function unknownKeysMessage(keys: readonly string[], known: readonly string[]): string {
  const hints = keys.map((key) => {
    const lower = key.toLowerCase();
    const fix = known.find((k) => k.toLowerCase() === lower) ?? (KEY_FIXES[lower] && known.includes(KEY_FIXES[lower]) ? KEY_FIXES[lower] : undefined);
    return fix ? `"${key}" (did you mean ${fix}?)` : `"${key}"`;
  });
  return `Unknown argument${keys.length > 1 ? "s" : ""} ${hints.join(", ")}. Accepted: ${known.join(", ")}.`;
}

/** A tool's arguments: unknown keys refused (never silently remapped), with the fix named. */
export function toolArgs<S extends z.ZodRawShape>(shape: S) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => (issue.code === "unrecognized_keys" ? unknownKeysMessage(issue.keys, known) : undefined),
  });
}

/** Only whitespace (spaces, NBSP, U+3000...) is not "no time window": it is refused, saying so. */
export const notBlank = (name: string, example: string) =>
  [(s: string) => s.trim() !== "", { error: `${name} is blank (only whitespace): leave it out, or give a value such as "${example}"` }] as const;

/** TimeZone, on every tool: where times are shown and phrases read. */
export const timeZoneField = () =>
  z
    .string()
    .min(1)
    .max(TIME_ZONE_MAX)
    .refine(...notBlank("TimeZone", "Asia/Shanghai"))
    .optional()
    .describe('The user\'s zone for all times: "Asia/Shanghai" or "UTC+8" (not "CST"). Default: the server\'s.');

/** An aliyun CLI profile name: it only selects a profile, never reaches a request. */
export const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

/** Profile, on every tool: the aliyun CLI profile whose credentials and region this call uses. */
export const profileArg = () =>
  matching(PROFILE_NAME, 'Profile must be an aliyun CLI profile name such as "prod"', 64).optional().describe('aliyun CLI profile for this call, e.g. "prod".');

/** The answer's profile, when the call named one. */
export const profileOutput = {
  Profile: z.string().optional().describe("The aliyun CLI profile whose credentials signed this answer."),
};
