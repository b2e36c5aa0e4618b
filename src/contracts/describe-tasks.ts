// describe_ecs_tasks: what a caller may send and what it gets back. Imported by the tool adapter,
// the use case, the text renderer, the docs generator and the tests.
import { z } from "zod";
import { TASK_ACTIONS, TASK_STATUSES } from "../ecs/tasks-api.js";
import { ENRICH_MAX_TASKS } from "../progress/enrich.js";
import { MAX_TASK_IDS, PAGE_NUMBER_MAX, RESOURCE_ID, TIME_PHRASE_MAX, lenientEnum, matching, notBlank, profileArg, profileOutput, taskIdsField, timeZoneField, toolArgs } from "./fields.js";
import { etaFields, noticeField, zoneFields } from "./task-progress.js";

export const DEFAULT_MAX_RESULTS = 1000;
export const MAX_RESULTS_LIMIT = 10_000;
const REGION_OR_ALL = /^(?:all|[a-z]{2,}(?:-[a-z0-9]+)+)$/;

/** Rows shown per answer, in both halves: the newest first (the API's order, known from page 1). */
export const ROW_CAP = 20;

export const TASK_STATUS_SYNONYMS = {
  Running: "Processing",
  InProgress: "Processing",
  "In progress": "Processing",
  Pending: "Processing",
  Succeeded: "Finished",
  Success: "Finished",
  Successful: "Finished",
  Completed: "Finished",
  Complete: "Finished",
  Done: "Finished",
  Error: "Failed",
  Failure: "Failed",
} as const;

export const describeTasksInput = toolArgs({
  RegionId: matching(REGION_OR_ALL, 'RegionId must look like "cn-hangzhou" or "ap-southeast-1", or be "all"', 64)
    .optional()
    .describe('E.g. "cn-hangzhou"; "all" asks every region. Default: the configured region.'),
  TaskIds: taskIdsField(MAX_TASK_IDS)
    .optional()
    .describe('Up to 100, e.g. ["t-bp1hvgwromzv32iq1234"]. Not found in the region: sought in every region.'),
  TaskAction: lenientEnum("TaskAction", TASK_ACTIONS).optional().describe("Only tasks of this kind."),
  TaskStatus: lenientEnum("TaskStatus", TASK_STATUSES, TASK_STATUS_SYNONYMS).optional().describe("Processing (running), Finished (succeeded) or Failed."),
  TimeRange: z
    .string()
    .min(1)
    .max(TIME_PHRASE_MAX)
    .refine(...notBlank("TimeRange", "last 2 hours"))
    .optional()
    .describe('Creation window, one phrase in TimeZone: "last 2 hours", "yesterday", "this week", "2026-11-20", "since Monday 9am", "最近2小时". Not with StartTime/EndTime.'),
  StartTime: z
    .string()
    .min(1)
    .max(TIME_PHRASE_MAX)
    .refine(...notBlank("StartTime", "3 hours ago"))
    .optional()
    .describe('Created at or after: ISO 8601 or a phrase ("3 hours ago", "yesterday 14:30").'),
  EndTime: z
    .string()
    .min(1)
    .max(TIME_PHRASE_MAX)
    .refine(...notBlank("EndTime", "now"))
    .optional()
    .describe('Created at or before; same forms ("now", "2026-11-21").'),
  TimeZone: timeZoneField(),
  ResourceIds: z
    .array(matching(RESOURCE_ID, "each resource ID must look like m-bp1i8huqm5u7abcd, i-..., d-... or s-..."))
    .min(1)
    .max(100)
    .optional()
    .describe("IDs the tasks act on: image m-..., instance i-..., disk d-..."),
  ImageName: z.string().min(1).max(128).optional().describe('Image name, fuzzy, e.g. "ubuntu-golden".'),
  PageNumber: z.number().int().min(1).max(PAGE_NUMBER_MAX).optional().describe("From 1 (default). Next names the one to use."),
  PageSize: z
    .number()
    .int()
    .min(1)
    .max(100, "PageSize is at most 100 (the API's limit); to read more, pass AllPages: true (with MaxResults)")
    .optional()
    .describe("1-100, default 10. More: AllPages."),
  AllPages: z.boolean().optional().describe("Read every page up to MaxResults (counts cover all; rows shown stay capped)."),
  MaxResults: z
    .number()
    .int()
    .min(1)
    .max(MAX_RESULTS_LIMIT)
    .optional()
    .describe(`With AllPages or RegionId "all": tasks read at most (default ${DEFAULT_MAX_RESULTS}).`),
  IncludeProgress: z
    .boolean()
    .optional()
    .describe(`Default true: percent and ETA of running rows, reasons of failed ones (at most ${ENRICH_MAX_TASKS} look-ups), image names.`),
  Profile: profileArg(),
});
export type DescribeTasksInput = z.infer<typeof describeTasksInput>;

const taskSchema = z.object({
  TaskId: z.string(),
  RegionId: z.string().optional().describe('Set when RegionId was "all" or the task was found in another region.'),
  TaskAction: z.string(),
  TaskStatus: z.string().describe("Finished, Processing or Failed (other words from older API versions are passed through)."),
  ResourceId: z.string().optional(),
  ImageName: z.string().optional().describe("The image's name (ImportImage/ExportImage rows), from DescribeImages."),
  CreationTime: z.string().optional().describe("UTC, yyyy-MM-ddTHH:mm:ssZ; the API gives minute precision."),
  CreationTimeLocal: z.string().optional().describe("The same in TimeZone, yyyy-MM-dd HH:mm."),
  FinishedTime: z.string().optional().describe("Absent while the task runs."),
  FinishedTimeLocal: z.string().optional(),
  SupportCancel: z.boolean(),
  DurationSeconds: z.number().int().min(0).optional().describe("Run time; while running, the time it has been running."),
  Progress: z.number().min(0).max(100).optional().describe("Percent done: running rows, and where a failed one stopped."),
  ...etaFields,
  ErrorCode: z.string().optional().describe("Why a failed row failed (DescribeTaskAttribute)."),
  ErrorMsg: z.string().optional(),
  LookupError: z.string().optional().describe("Why progress or the reason could not be looked up for this row."),
  Note: z.string().optional().describe("E.g. that the API gives no percent and no reason for this action."),
  InvalidTimes: z
    .array(z.enum(["CreationTime", "FinishedTime"]))
    .optional()
    .describe("Times ECS sent that are not real dates: kept as received, not converted (and no DurationSeconds)."),
});
export type ListedTask = z.infer<typeof taskSchema>;

const COVERS = z.enum(["all matching tasks", "tasks read", "rows shown"]);

/** The arguments of the call that continues this answer. */
export const nextCallSchema = z.object({
  Why: z.string().describe('E.g. "rows 26-50 of page 1" or "the next page".'),
  Arguments: z.record(z.string(), z.unknown()).describe("Call describe_ecs_tasks with exactly these."),
});

export const describeTasksOutput = z.object({
  DataSource: z.enum(["alibaba-cloud", "sandbox"]).describe("sandbox = generated demo data, not a real account."),
  ...noticeField,
  RegionId: z.string().describe('The region, or "all".'),
  TotalCount: z.number().int().min(0).describe("Tasks matching the filters, across all pages (and regions)."),
  PageNumber: z.number().int(),
  PageSize: z.number().int(),
  RowsRead: z.number().int().min(0).describe("Tasks read from the API for this answer."),
  Returned: z.number().int().min(0).describe(`Rows in Tasks: at most ${ROW_CAP}, newest first.`),
  RowsOmitted: z.number().int().min(0).optional().describe("Read but not shown (see Next and AllRows)."),
  HasMore: z.boolean().describe("More tasks match than are shown."),
  AllRows: z
    .object({ Uri: z.string(), Rows: z.number().int(), MimeType: z.string() })
    .optional()
    .describe("Every matching row as CSV: resources/read this URI (it re-runs the query; works on any server instance)."),
  Next: nextCallSchema.optional(),
  Truncated: z
    .boolean()
    .optional()
    .describe('With AllPages, or RegionId "all": MaxResults was reached before everything was read (see Regions[].FullyRead).'),
  PagesFetched: z.number().int().min(0),
  Tasks: z.array(taskSchema),
  Summary: z.object({
    ByStatus: z.record(z.string(), z.number().int()),
    ByStatusCovers: COVERS.describe("Counts per status are exact for the whole match (one-row count queries when needed)."),
    ByAction: z.record(z.string(), z.number().int()),
    ByActionCovers: COVERS,
    OldestProcessing: z
      .object({
        TaskId: z.string(),
        TaskAction: z.string(),
        CreationTime: z.string().optional(),
        CreationTimeLocal: z.string().optional(),
        RunningSeconds: z.number().int().optional(),
        Covers: COVERS,
      })
      .optional(),
    Created: z
      .object({ Oldest: z.string(), OldestLocal: z.string(), Newest: z.string(), NewestLocal: z.string(), Covers: COVERS })
      .optional()
      .describe("The span of creation times."),
  }),
  Regions: z
    .array(
      z.object({
        RegionId: z.string(),
        TotalCount: z.number().int().optional(),
        Returned: z.number().int().optional(),
        FullyRead: z.boolean().optional().describe("Every matching task of the region was read; false when MaxResults (a total) stopped it or one page was asked for."),
        Error: z.string().optional(),
        ErrorCode: z.string().optional(),
      }),
    )
    .optional()
    .describe('With RegionId "all": the regions with tasks, and those that failed.'),
  ImageMatch: z
    .object({
      ImageName: z.string().describe("The name asked for."),
      Matched: z.array(z.object({ ImageId: z.string(), ImageName: z.string().optional(), Status: z.string().optional() })),
      Truncated: z.boolean().optional().describe("More than 100 images matched; the first 100 were asked for."),
      Closest: z.array(z.string()).optional().describe("No match: the account's image names closest to the one asked."),
    })
    .optional()
    .describe("With ImageName: the images it matched (their IDs were sent as ResourceIds)."),
  Query: z
    .object({
      RegionId: z.string(),
      RegionSource: z.enum(["argument", "configuration", "cli_profile", "search"]),
      TaskIds: z.string().optional(),
      TaskAction: z.string().optional(),
      TaskStatus: z.string().optional(),
      StartTime: z.string().optional(),
      EndTime: z.string().optional(),
      ResourceIds: z.array(z.string()).optional(),
      ImageName: z.string().optional(),
      PageNumber: z.number().int().optional(),
      PageSize: z.number().int().optional(),
      AllPages: z.boolean().optional(),
      MaxResults: z.number().int().optional(),
      TimeWindow: z.string().optional().describe('The window in local time, e.g. "2026-11-27 00:00 to 2026-11-28 00:00 Asia/Shanghai".'),
    })
    .describe("Exactly the parameters sent to DescribeTasks (times resolved to UTC), plus the local window."),
  ...zoneFields,
  ProgressNote: z.string().optional().describe("What the look-ups covered, and what was skipped."),
  UpstreamNote: z
    .string()
    .optional()
    .describe("What the server set right in ECS's answer: rows beyond the PageSize asked for (dropped), times that are not real dates (marked)."),
  ImageNote: z.string().optional().describe("Why image names are missing (e.g. no ecs:DescribeImages permission)."),
  RequestId: z.string().describe("Of the first DescribeTasks call."),
  CredentialProvider: z.string().describe("Which credential provider signed the call, e.g. default/env, default/cli_profile."),
  ...profileOutput,
});
export type DescribeTasksOutput = z.infer<typeof describeTasksOutput>;
