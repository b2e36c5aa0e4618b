// describe_ecs_tasks arguments, valid and invalid, plus independent statements of which ones the
// schema must refuse before any request is made, and of how many requests a call may make.
import fc from "fast-check";
import { RESOURCE_ID, TASK_ACTIONS, TASK_ID, TASK_STATUSES } from "./support.js";
import { TASK_STATUS_SYNONYMS } from "../../src/contracts/describe-tasks.js";

const FIELDS = [
  "RegionId",
  "TaskIds",
  "TaskAction",
  "TaskStatus",
  "TimeRange",
  "StartTime",
  "EndTime",
  "TimeZone",
  "ResourceIds",
  "PageNumber",
  "PageSize",
  "AllPages",
  "MaxResults",
  "IncludeProgress",
  "ImageName",
  "Profile",
];

/** The regions the property tests' sandboxes serve by name (the in-memory one serves exactly these). */
export const REGIONS = ["cn-hangzhou", "cn-shanghai", "ap-southeast-1", "us-west-1", "cn-beijing"];

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
  { weight: 6, arbitrary: fc.constantFrom(...REGIONS) },
  { weight: 1, arbitrary: fc.constant("all") },
  { weight: 2, arbitrary: fc.stringMatching(/^[a-z]{2,4}-[a-z0-9]{1,8}$/) },
  {
    weight: 2,
    arbitrary: fc.oneof(hostile, fc.string({ maxLength: 20 }), fc.constantFrom("", "CN-HANGZHOU", "cn_hangzhou", "cn-", `cn-${"a".repeat(70)}`, "ALL", "all ", "*", "all-")),
  },
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
/** Small values mostly: the sandboxes hold a few hundred tasks per region at most. */
const maxResults = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 300 }) },
  { weight: 1, arbitrary: fc.constantFrom(1, 99, 100, 101, 1000, 10_000) },
);
const anyMaxResults = fc.oneof(maxResults, fc.integer({ min: -5, max: 20_000 }), fc.constantFrom(0, 10_001, 1.5, "100", Number.NaN), junk);

const unknownKeys = fc.dictionary(
  fc.oneof(fc.constantFrom("Action", "regionId", "Endpoint", "__proto__x", "constructor", "PageSize ", "Signature"), fc.string({ minLength: 1, maxLength: 10 })).filter((k) => !FIELDS.includes(k)),
  junk,
  { maxKeys: 2 },
);

/** Arguments the tool should accept (time phrases from the documented forms). */
export const validArgs: fc.Arbitrary<Record<string, unknown>> = fc
  .record(
    {
      // "all" multiplies every other request by the number of regions.
      RegionId: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...REGIONS) }, { weight: 1, arbitrary: fc.constant("all") }),
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
      PageNumber: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 5 }) }, { weight: 1, arbitrary: fc.constant(1_000_000) }),
      PageSize: fc.integer({ min: 1, max: 100 }),
      // AllPages reads up to MaxResults in pages of 100: the input that multiplies DescribeTasks pages.
      AllPages: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      MaxResults: maxResults,
      IncludeProgress: fc.boolean(),
      // With RegionId "all" or ResourceIds it is refused before any request (see structuralProblem).
      ImageName: fc.constantFrom("ubuntu", "centos7", "base", "no-such-image-xyz"),
    },
    { requiredKeys: [] },
  )
  .map(({ Time, ...rest }) => ({ ...rest, ...(Time ?? {}) }));

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
      AllPages: fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.oneof(fc.constantFrom("true", 1, 0), junk) }),
      MaxResults: anyMaxResults,
      IncludeProgress: fc.oneof(fc.boolean(), junk),
      // The sandbox names its images after their OS ("ubuntu2204-base-7", "centos7-482"): some match, some do not.
      ImageName: fc.oneof({ weight: 4, arbitrary: fc.constantFrom("ubuntu", "centos7", "base", "no-such-image-xyz") }, { weight: 1, arbitrary: fc.oneof(fc.constant(""), fc.string({ maxLength: 140 }), junk) }),
      // The harness offers no profiles: a well-formed name is refused before any request too.
      Profile: fc.oneof(fc.constantFrom("prod", "staging"), fc.constantFrom("", "bad name", "../x"), junk),
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
  if ("RegionId" in a && !(str(a.RegionId, 1, 64) && (a.RegionId === "all" || /^[a-z]{2,}(-[a-z0-9]+)+$/.test(a.RegionId as string)))) return "RegionId";
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
  if ("AllPages" in a && typeof a.AllPages !== "boolean") return "AllPages";
  if ("MaxResults" in a && !int(a.MaxResults, 1, 10_000)) return "MaxResults";
  if ("IncludeProgress" in a && typeof a.IncludeProgress !== "boolean") return "IncludeProgress";
  if ("ImageName" in a && !str(a.ImageName, 1, 128)) return "ImageName";
  if ("Profile" in a && !(str(a.Profile, 1, 64) && /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/.test(a.Profile as string))) return "Profile";
  // Refused by the use case before any I/O: a name is resolved in one region, into ResourceIds.
  if ("ImageName" in a && (a.RegionId === "all" || "ResourceIds" in a)) return "ImageName with RegionId all or ResourceIds";
  // No profiles in the test harness: any Profile is refused before any request.
  if ("Profile" in a) return "Profile (none configured)";
  return undefined;
}

/**
 * Valid arguments that multiply requests: few filters, every page (AllPages up to MaxResults), every
 * region ("all"), progress look-ups on. The plain valid model rarely matches more than a page.
 */
export const wideArgs: fc.Arbitrary<Record<string, unknown>> = fc
  .record(
    {
      RegionId: fc.oneof({ weight: 2, arbitrary: fc.constant("all") }, { weight: 2, arbitrary: fc.constantFrom(...REGIONS) }),
      // At most one filter, and often none.
      Filter: fc.oneof(
        { weight: 3, arbitrary: fc.constant({}) },
        { weight: 1, arbitrary: fc.record({ TaskStatus: fc.constantFrom(...TASK_STATUSES) }) },
        { weight: 1, arbitrary: fc.record({ TaskAction: fc.constantFrom(...TASK_ACTIONS) }) },
        { weight: 1, arbitrary: fc.record({ TimeRange: fc.constantFrom("last month", "this week", "today") }) },
      ),
      PageNumber: fc.integer({ min: 1, max: 4 }),
      PageSize: fc.integer({ min: 1, max: 100 }),
      AllPages: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      MaxResults: maxResults,
      IncludeProgress: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    },
    { requiredKeys: ["AllPages", "Filter"] },
  )
  .map(({ Filter, ...rest }) => ({ ...rest, ...Filter }));

/** Valid a little under half the time (a quarter of those wide, request-multiplying ones), anything otherwise. */
export const describeTasksArgs: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  { weight: 3, arbitrary: validArgs },
  { weight: 1, arbitrary: wideArgs },
  { weight: 5, arbitrary: anyArgs },
);

// ---- how many requests a valid call may make ----------------------------------------------------
// The limits are restated from the tool's contract and src/ rather than imported, so that changing
// one is a decision the tests see.

/** The region used when RegionId is absent (the harness's configured region). */
export const DEFAULT_REGION = "cn-hangzhou";
/** The API's PageSize when none is sent. */
const API_PAGE_SIZE = 10;
/** AllPages reads pages of 100 (ALL_PAGES_PAGE_SIZE, src/tasks/pages.ts). */
const ALL_PAGES_SIZE = 100;
/** Pages read past the planned ones to fill a gap left by tasks that shifted (MAX_FILL_PAGES, same file). */
const FILL_PAGES = 2;
/** MaxResults when none is given (DEFAULT_MAX_RESULTS, src/tools/describe-tasks.ts). */
const DEFAULT_MAX_RESULTS = 1000;
/** Exact counts: one one-row query per status (src/tasks/status-counts.ts). */
const COUNT_PROBES = TASK_STATUSES.length;
/** DescribeTaskAttribute look-ups per call, all regions together (ENRICH_MAX_TASKS, src/progress/enrich.ts). */
export const LOOKUPS_PER_CALL = 20;
/** The actions DescribeTaskAttribute reports progress for: only their running tasks are looked up. */
export const PROGRESS_ACTIONS: ReadonlySet<string> = new Set(["ImportImage", "ExportImage", "ModifyDiskSpec"]);

export interface RequestBound {
  DescribeRegions: number;
  DescribeTasks: number;
  DescribeTaskAttribute: number;
}

const num = (v: unknown, fallback: number) => (typeof v === "number" ? v : fallback);

/**
 * DescribeTasks requests for one region in which `total` tasks match (grows with `total`, so the
 * region's size bounds it when the count is unknown):
 * - one page: 1, plus 3 one-row count probes unless TaskStatus is fixed or page 1 holds the whole match;
 * - AllPages from page s: ceil(min(total - 100·(s-1), MaxResults) / 100) pages (at least 1), up to
 *   `fillPages` more when tasks shifted between pages while they were read, plus the 3 probes unless
 *   TaskStatus is fixed or s = 1 and total <= MaxResults.
 */
export function regionDescribeTasksBound(args: Record<string, unknown>, total: number, fillPages = FILL_PAGES): number {
  const start = num(args.PageNumber, 1);
  const probes = args.TaskStatus === undefined ? COUNT_PROBES : 0;
  if (args.AllPages !== true) {
    const size = num(args.PageSize, API_PAGE_SIZE);
    return 1 + (start === 1 && total <= size ? 0 : probes);
  }
  const max = num(args.MaxResults, DEFAULT_MAX_RESULTS);
  const wanted = Math.min(Math.max(0, total - (start - 1) * ALL_PAGES_SIZE), max);
  const pages = Math.max(1, Math.ceil(wanted / ALL_PAGES_SIZE)) + fillPages;
  return pages + (start === 1 && total <= max ? 0 : probes);
}

/**
 * At most how many requests of each action one describe_ecs_tasks call with these (structurally
 * valid) arguments may make. RegionId "all" asks `regions` (one DescribeRegions, cached, then each
 * region as above); `totalIn` gives a region's matching-task count (or an upper bound on it);
 * `progressCandidates` is how many returned tasks are running or failed with a progress-reporting action
 * (undefined when unknown, e.g. the call failed). Progress look-ups are capped per call, not per region.
 * `fillPages`: 0 when the data cannot move while it is read (no task can shift onto a second page).
 */
export function requestBound(
  args: Record<string, unknown>,
  regions: readonly string[],
  totalIn: (regionId: string) => number,
  progressCandidates?: number,
  fillPages = FILL_PAGES,
): RequestBound {
  const everyRegion = args.RegionId === "all";
  const asked = everyRegion ? regions : [typeof args.RegionId === "string" ? args.RegionId : DEFAULT_REGION];
  // TaskIds that match nothing in their region are sought in every region: one page of 100 each.
  const search = !everyRegion && args.TaskIds !== undefined;
  return {
    DescribeRegions: everyRegion || search ? 1 : 0,
    DescribeTasks: asked.reduce((n, regionId) => n + regionDescribeTasksBound(args, totalIn(regionId), fillPages), 0) + (search ? regions.length : 0),
    DescribeTaskAttribute: args.IncludeProgress === false ? 0 : Math.min(LOOKUPS_PER_CALL, progressCandidates ?? LOOKUPS_PER_CALL),
  };
}
