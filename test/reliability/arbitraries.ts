// describe_ecs_tasks arguments, valid and invalid, plus an independent statement of which ones the
// schema must refuse before any request is made.
import fc from "fast-check";
import { RESOURCE_ID, TASK_ACTIONS, TASK_ID, TASK_STATUSES } from "./support.js";
import { TASK_STATUS_SYNONYMS } from "../../src/contracts/describe-tasks.js";

const FIELDS = ["RegionId", "TaskIds", "TaskAction", "TaskStatus", "TimeRange", "StartTime", "EndTime", "TimeZone", "ResourceIds", "PageNumber", "PageSize", "IncludeProgress"];

const junk = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 2 }),
);

const hostile = fc.constantFrom(
  "cn-hangzhou.evil.com",
  "evil.com/",
  "../../etc/passwd",
  "a\r\nX-Injected: 1",
  "t-abcd1234&Action=CancelTask",
  "%0d%0a",
  "$(touch /tmp/pwned)",
  "t-abcd1234\u0000",
  "ＣＮ-hangzhou",
  "x".repeat(300),
);

const regionId = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("cn-hangzhou", "cn-shanghai", "ap-southeast-1", "us-west-1", "cn-beijing") },
  { weight: 2, arbitrary: fc.stringMatching(/^[a-z]{2,4}-[a-z0-9]{1,8}$/) },
  { weight: 2, arbitrary: fc.oneof(hostile, fc.string({ maxLength: 20 }), fc.constantFrom("", "CN-HANGZHOU", "cn_hangzhou", "cn-", `cn-${"a".repeat(70)}`)) },
  { weight: 1, arbitrary: junk },
);

const taskId = fc.oneof(
  { weight: 8, arbitrary: fc.stringMatching(/^t-[A-Za-z0-9]{4,20}$/) },
  { weight: 1, arbitrary: fc.oneof(hostile, fc.string({ maxLength: 12 }), fc.constantFrom("t-", "t-abc", "T-abcd1234", `t-${"a".repeat(65)}`)) },
);

const taskIds = fc.oneof(
  fc.array(taskId, { minLength: 0, maxLength: 6 }),
  fc.array(fc.stringMatching(/^t-[a-z0-9]{6}$/), { minLength: 95, maxLength: 105 }),
  fc.array(taskId, { minLength: 1, maxLength: 6 }).map((ids) => ids.join(",")),
  fc.array(fc.stringMatching(/^t-[a-z0-9]{6}$/), { minLength: 1, maxLength: 4 }).map((ids) => ` ${ids.join(" , ")} `),
  junk,
);

const resourceId = fc.oneof(
  { weight: 8, arbitrary: fc.stringMatching(/^[midst]-[A-Za-z0-9]{4,20}$/) },
  { weight: 1, arbitrary: fc.oneof(hostile, fc.string({ maxLength: 12 })) },
);

const resourceIds = fc.oneof(fc.array(resourceId, { minLength: 0, maxLength: 5 }), fc.array(fc.constant("m-abcd1234"), { minLength: 99, maxLength: 102 }), junk);

const timePhrase = fc.oneof(
  fc.constantFrom(
    "last 2 hours",
    "today",
    "yesterday",
    "this week",
    "last month",
    "2026-11-20",
    "since Monday 9am",
    "between 2026-11-20 09:00 and 17:30",
    "3 hours ago",
    "now",
    "2026-11-20T09:00:00Z",
    "2026-11-20T17:00:00+08:00",
    "yesterday 14:30",
    "next year",
    "the day after never",
    "2026-13-45",
    "",
    "x".repeat(201),
  ),
  fc.string({ maxLength: 40 }),
  junk,
);

const timeZone = fc.oneof(fc.constantFrom("UTC", "Asia/Shanghai", "America/Los_Angeles", "Europe/Berlin", "Not/AZone", "", "+08:00"), fc.string({ maxLength: 70 }), junk);

const pageNumber = fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: -5, max: 2_000_000 }), fc.double({ noNaN: false }), junk);
const pageSize = fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: -5, max: 200 }), fc.constantFrom(0, 101, 1.5, "10"), junk);

const unknownKeys = fc.dictionary(
  fc.oneof(fc.constantFrom("Action", "regionId", "Endpoint", "__proto__x", "constructor", "PageSize ", "Signature"), fc.string({ minLength: 1, maxLength: 10 })).filter((k) => !FIELDS.includes(k)),
  junk,
  { maxKeys: 2 },
);

/** Arguments the tool should accept (time phrases from the documented forms). */
export const validArgs: fc.Arbitrary<Record<string, unknown>> = fc
  .record(
    {
      RegionId: fc.constantFrom("cn-hangzhou", "cn-shanghai", "ap-southeast-1", "us-west-1", "cn-beijing"),
      TaskIds: fc.oneof(
        fc.array(fc.stringMatching(/^t-[A-Za-z0-9]{4,20}$/), { minLength: 1, maxLength: 5 }),
        fc.array(fc.stringMatching(/^t-[a-z0-9]{6}$/), { minLength: 1, maxLength: 3 }).map((ids) => ids.join(",")),
      ),
      TaskAction: fc.constantFrom(...TASK_ACTIONS),
      TaskStatus: fc.constantFrom(...TASK_STATUSES),
      Time: fc.oneof(
        fc.record({ TimeRange: fc.constantFrom("last 2 hours", "today", "yesterday", "this week", "last month", "2026-11-20", "since Monday 9am") }),
        fc.record(
          {
            StartTime: fc.constantFrom("3 hours ago", "2026-11-20T09:00:00Z", "2026-11-20T17:00:00+08:00", "yesterday 14:30", "yesterday"),
            EndTime: fc.constantFrom("now", "2026-11-28T10:00:00Z"),
          },
          { requiredKeys: [] },
        ),
      ),
      TimeZone: fc.constantFrom("UTC", "Asia/Shanghai", "America/Los_Angeles", "Europe/Berlin"),
      ResourceIds: fc.array(fc.stringMatching(/^[mid]-[A-Za-z0-9]{4,20}$/), { minLength: 1, maxLength: 4 }),
      PageNumber: fc.integer({ min: 1, max: 5 }),
      PageSize: fc.integer({ min: 1, max: 100 }),
      IncludeProgress: fc.boolean(),
    },
    { requiredKeys: [] },
  )
  .map(({ Time, ...rest }) => ({ ...rest, ...(Time ?? {}) }) as Record<string, unknown>);

/** Anything: each field valid, hostile, out of bounds or of the wrong type; sometimes unknown fields. */
export const anyArgs: fc.Arbitrary<Record<string, unknown>> = fc
  .record(
    {
      RegionId: regionId,
      TaskIds: taskIds,
      TaskAction: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...TASK_ACTIONS) }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom("CancelTask", "importimage", ""), junk) }),
      TaskStatus: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...TASK_STATUSES) }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom("Deleted", "Waiting", ""), junk) }),
      TimeRange: timePhrase,
      StartTime: timePhrase,
      EndTime: timePhrase,
      TimeZone: timeZone,
      ResourceIds: resourceIds,
      PageNumber: pageNumber,
      PageSize: pageSize,
      IncludeProgress: fc.oneof(fc.boolean(), junk),
    },
    { requiredKeys: [] },
  )
  .chain((known) =>
    fc.oneof({ weight: 5, arbitrary: fc.constant(known) }, { weight: 1, arbitrary: unknownKeys.map((extra) => ({ ...extra, ...known })) }),
  );

const str = (v: unknown, min: number, max: number) => typeof v === "string" && v.length >= min && v.length <= max;
const int = (v: unknown, min: number, max: number) => typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;
const TASK_ID_LIST = /^\s*t-[A-Za-z0-9]{4,64}(\s*,\s*t-[A-Za-z0-9]{4,64})*\s*$/;

/**
 * Why the schema must refuse these arguments before any I/O, or undefined when they pass the
 * structural checks (they may still be refused later, e.g. an unreadable time phrase).
 */
export function structuralProblem(args: Record<string, unknown>): string | undefined {
  for (const key of Object.keys(args)) if (!FIELDS.includes(key)) return `unknown field ${key}`;
  const a = args;
  if ("RegionId" in a && !(str(a.RegionId, 1, 64) && /^[a-z]{2,}(-[a-z0-9]+)+$/.test(a.RegionId as string))) return "RegionId";
  if ("TaskIds" in a) {
    const v = a.TaskIds;
    const ok = Array.isArray(v)
      ? v.length >= 1 && v.length <= 100 && v.every((x) => typeof x === "string" && TASK_ID.test(x))
      : str(v, 0, 3000) && TASK_ID_LIST.test(v as string) && new Set((v as string).split(",").map((s) => s.trim())).size <= 100;
    if (!ok) return "TaskIds";
  }
  // Enums are read case-insensitively, with the usual synonyms for statuses ("Running" is Processing).
  const word = (v: unknown) => (typeof v === "string" ? v.trim().toLowerCase() : undefined);
  if ("TaskAction" in a && !TASK_ACTIONS.some((x) => x.toLowerCase() === word(a.TaskAction))) return "TaskAction";
  const statuses = [...TASK_STATUSES, ...Object.keys(TASK_STATUS_SYNONYMS)].map((x) => x.toLowerCase());
  if ("TaskStatus" in a && !statuses.includes(word(a.TaskStatus) ?? "")) return "TaskStatus";
  for (const k of ["TimeRange", "StartTime", "EndTime"]) if (k in a && !str(a[k], 1, 200)) return k;
  if ("TimeZone" in a && !str(a.TimeZone, 1, 64)) return "TimeZone";
  if ("ResourceIds" in a) {
    const v = a.ResourceIds;
    if (!(Array.isArray(v) && v.length >= 1 && v.length <= 100 && v.every((x) => typeof x === "string" && RESOURCE_ID.test(x)))) return "ResourceIds";
  }
  if ("PageNumber" in a && !int(a.PageNumber, 1, 1_000_000)) return "PageNumber";
  if ("PageSize" in a && !int(a.PageSize, 1, 100)) return "PageSize";
  if ("IncludeProgress" in a && typeof a.IncludeProgress !== "boolean") return "IncludeProgress";
  return undefined;
}

/** Both, about half and half. */
export const describeTasksArgs: fc.Arbitrary<Record<string, unknown>> = fc.oneof(validArgs, anyArgs);
