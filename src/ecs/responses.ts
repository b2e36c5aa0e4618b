// The API's answers, parsed by schema. Each field's preprocessing absorbs one known quirk (numbers
// as strings, SupportCancel as "true", minute-precision times, lists wrapped in an object, a
// wrapping array, or a lone object); anything the schema cannot read becomes an EcsResponseError
// that keeps the body (quoted later redacted, then cut) and names what was wrong.
import { z } from "zod";
import { EcsResponseError } from "../errors.js";
import { formatUtcSeconds, isUtcSeconds } from "../util/utc.js";
import type { EcsResponse } from "./client.js";

/** A non-empty string, or a number as text; anything else is absent. */
export function apiText(value: unknown): string | undefined {
  if (typeof value === "string") return value === "" ? undefined : value;
  if (typeof value === "number") return String(value);
  return undefined;
}

/** A whole number from 0 to 2^53 − 1 (exact as a JS number), also from a numeric string; anything else is absent. */
export function apiCount(value: unknown): number | undefined {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/** Why a TotalCount cannot be used, in the words of parseBody's message ("DescribeTasks answered ..."). */
function totalCountProblem(value: unknown): string {
  if (value === undefined || value === null || value === "") return "without a TotalCount";
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isFinite(n)) return "with a TotalCount that is not a whole number";
  if (n < 0) return `with a negative TotalCount (${n})`;
  if (n > Number.MAX_SAFE_INTEGER) return `with a TotalCount of ${n}, beyond 2^53 − 1: no real count is that large`;
  return `with a TotalCount that is not a whole number (${n})`;
}

const API_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?(?:\.\d+)?Z$/;

/**
 * `2020-11-24T12:50Z` -> `2020-11-24T12:50:00Z`; other parseable forms to UTC seconds; empty ->
 * undefined. Anything that is not a real date (`2026-13-45T99:99Z`, `2026-02-30T10:00Z`, junk) is
 * kept as received: it fails isUtcSeconds, so the task marks it (InvalidTimes) instead of losing it.
 */
export function normalizeApiTime(value: unknown): string | undefined {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const m = API_TIME.exec(value.trim());
  if (m) {
    const normalized = `${m[1]}${m[2] ?? ":00"}Z`;
    return isUtcSeconds(normalized) ? normalized : value;
  }
  const t = Date.parse(value);
  return Number.isNaN(t) ? value : formatUtcSeconds(t);
}

export type TimeField = "CreationTime" | "FinishedTime";

/** The time fields of a row that are present but not real dates (kept as received). */
export function invalidTimes(row: Partial<Record<TimeField, string>>): TimeField[] {
  return (["CreationTime", "FinishedTime"] as const).filter((k) => row[k] !== undefined && !isUtcSeconds(row[k]));
}

export function parseSupportCancel(value: unknown): boolean {
  return value === true || (typeof value === "string" && value.toLowerCase() === "true");
}

/** "63%" -> 63, "100%" -> 100, "7.5%" -> 7.5, "" / missing / junk -> undefined; clamped to 0..100. */
export function parseTaskProcess(raw: unknown): number | undefined {
  if (typeof raw === "number") return Number.isFinite(raw) ? Math.min(100, Math.max(0, raw)) : undefined;
  if (typeof raw !== "string") return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(raw);
  if (!m) return undefined;
  return Math.min(100, Math.max(0, Number(m[1])));
}

// `.optional()`: a missing field is simply absent (zod 4 refuses an undefined output otherwise).
const text = z.unknown().transform(apiText).optional();
const count = z.unknown().transform(apiCount).optional();
const time = z.unknown().transform(normalizeApiTime).optional();
const flag = z.unknown().transform(parseSupportCancel).default(false);

/**
 * `{X: [..]}`, `[{X: [..]}]`, `{X: {..}}` or nothing -> an array (the API wraps lists inconsistently).
 * A holder that is not an object is passed through unchanged, so the array schema refuses it.
 */
function unwrap(key: string) {
  return (holder: unknown): unknown => {
    if (holder === undefined || holder === null || holder === "") return [];
    const inner: unknown = Array.isArray(holder) ? holder[0] : holder;
    if (inner === undefined) return [];
    if (typeof inner !== "object" || inner === null) return holder;
    const list = (inner as Record<string, unknown>)[key];
    if (list === undefined) return [];
    if (Array.isArray(list)) return list;
    return typeof list === "object" && list !== null ? [list] : list;
  };
}

/** Like unwrap, but lenient: anything unreadable is an empty list (used where a list is optional detail). */
function unwrapLenient(key: string) {
  const strict = unwrap(key);
  return (holder: unknown): unknown => {
    const out = strict(holder);
    return Array.isArray(out) ? out : [];
  };
}

export const taskRowSchema = z.object(
  {
    TaskId: text,
    TaskAction: text,
    TaskStatus: text,
    ResourceId: text,
    CreationTime: time,
    FinishedTime: time,
    SupportCancel: flag,
  },
  { error: "with a task that is not an object" },
);
export type TaskRow = z.infer<typeof taskRowSchema>;

export const describeTasksSchema = z.object({
  RegionId: text,
  RequestId: text,
  TotalCount: z.unknown().transform((value, ctx) => {
    const n = apiCount(value);
    if (n === undefined) ctx.addIssue({ code: "custom", message: totalCountProblem(value) });
    return n ?? 0;
  }),
  PageNumber: count,
  PageSize: count,
  TaskSet: z.preprocess(unwrap("Task"), z.array(taskRowSchema, { error: "with a TaskSet that is not a list of tasks" })),
});
export type DescribeTasksBody = z.infer<typeof describeTasksSchema>;

/**
 * The body with its TaskSet cut to `max` rows before any row is parsed, and how many rows were
 * dropped: an answer cannot hold more tasks than the PageSize asked for, however many it sends.
 */
export function capTaskRows(body: Record<string, unknown>, max: number): { body: Record<string, unknown>; dropped: number } {
  const rows = unwrap("Task")(body.TaskSet);
  if (!Array.isArray(rows) || rows.length <= max) return { body, dropped: 0 };
  return { body: { ...body, TaskSet: { Task: rows.slice(0, max) } }, dropped: rows.length - max };
}

const relatedItemSchema = z.object({ Name: text, Value: text }).catch({ Name: undefined, Value: undefined });

const operationSchema = z
  .object({
    OperationStatus: text,
    ErrorCode: text,
    ErrorMsg: text,
    RelatedItemSet: z.preprocess(unwrapLenient("RelatedItem"), z.array(relatedItemSchema)),
  })
  .catch({ OperationStatus: undefined, ErrorCode: undefined, ErrorMsg: undefined, RelatedItemSet: [] });

export const describeTaskAttributeSchema = z.object({
  RegionId: text,
  RequestId: text,
  TaskId: z.unknown().transform(apiText).pipe(z.string({ error: "without a TaskId" })),
  TaskAction: text,
  TaskStatus: text,
  /** Kept as sent ("63%"), for the answer; the percent is parsed from it separately. */
  TaskProcess: z
    .unknown()
    .transform((v) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : v === undefined ? "" : JSON.stringify(v)))
    .default(""),
  SuccessCount: count,
  FailedCount: count,
  TotalCount: count,
  CreationTime: time,
  FinishedTime: time,
  SupportCancel: flag,
  OperationProgressSet: z.preprocess(unwrapLenient("OperationProgress"), z.array(operationSchema)),
});
export type DescribeTaskAttributeBody = z.infer<typeof describeTaskAttributeSchema>;

export const describeRegionsSchema = z.object({
  Regions: z.preprocess(
    unwrapLenient("Region"),
    z.array(z.object({ RegionId: text }).catch({ RegionId: undefined })),
  ),
});

/** Parses `res.body` with `schema`, or throws an EcsResponseError naming what was wrong. */
export function parseBody<S extends z.ZodType>(schema: S, res: EcsResponse, action: string): z.output<S> {
  const parsed = schema.safeParse(res.body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  // Our schemas phrase their own messages ("with a TaskSet that is not a list of tasks"); zod's defaults start with "Invalid".
  const what = issue?.message && !issue.message.startsWith("Invalid") ? issue.message : `with an unexpected ${issue?.path.join(".") || "body"}`;
  throw new EcsResponseError({
    httpStatus: res.httpStatus,
    endpoint: res.endpoint,
    action,
    body: res.body,
    detail: `${action} answered ${what}`,
  });
}

export const describeImagesSchema = z.object({
  RequestId: text,
  TotalCount: count,
  Images: z.preprocess(
    unwrapLenient("Image"),
    z.array(z.object({ ImageId: text, ImageName: text, Status: text, Progress: text }).catch({ ImageId: undefined, ImageName: undefined, Status: undefined, Progress: undefined })),
  ),
});
