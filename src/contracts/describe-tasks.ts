// describe_ecs_tasks: what a caller may send and what it gets back. Imported by the tool adapter,
// the use case, the text renderer, the docs generator and the tests.
import { z } from "zod";
import { TASK_ACTIONS, TASK_STATUSES } from "../ecs/tasks-api.js";
import { ENRICH_MAX_TASKS } from "../progress/enrich.js";
import { MAX_TASK_IDS, PAGE_NUMBER_MAX, RESOURCE_ID, TIME_PHRASE_MAX, TIME_ZONE_MAX, taskIdsField } from "./fields.js";

export const DEFAULT_MAX_RESULTS = 1000;
export const MAX_RESULTS_LIMIT = 10_000;
const REGION_OR_ALL = /^(?:all|[a-z]{2,}(?:-[a-z0-9]+)+)$/;
/** Only whitespace (spaces, NBSP, U+3000...) is not "no time window": it is refused, saying so. */
const notBlank = (name: string, example: string) =>
  [(s: string) => s.trim() !== "", { error: `${name} is blank (only whitespace): leave it out, or give a value such as "${example}"` }] as const;

export const describeTasksInput = z.strictObject({
  RegionId: z
    .string()
    .max(64)
    .regex(REGION_OR_ALL, 'RegionId must look like "cn-hangzhou" or "ap-southeast-1", or be "all"')
    .optional()
    .describe(
      'Region whose tasks to list, e.g. "cn-hangzhou", or "all" for every region (DescribeRegions, then each region; failed regions are listed). Omit to use the configured region (ALIBABA_CLOUD_REGION_ID or the aliyun CLI profile).',
    ),
  TaskIds: taskIdsField(MAX_TASK_IDS)
    .optional()
    .describe('Up to 100 task IDs, as an array or one comma-separated string, e.g. ["t-bp1hvgwromzv32iq1234"].'),
  TaskAction: z
    .enum(TASK_ACTIONS, { error: `TaskAction must be one of: ${TASK_ACTIONS.join(", ")}` })
    .optional()
    .describe(
      "Only tasks of this kind: ImportImage, ExportImage (custom images to/from OSS), RedeployInstance, ModifyDiskSpec (disk performance level change) or ArchiveSnapshot. E.g. \"ImportImage\".",
    ),
  TaskStatus: z
    .enum(TASK_STATUSES, { error: `TaskStatus must be one of: ${TASK_STATUSES.join(", ")}` })
    .optional()
    .describe('Only tasks in this state: Processing (still running), Finished (succeeded) or Failed. E.g. "Failed".'),
  TimeRange: z
    .string()
    .min(1)
    .max(TIME_PHRASE_MAX)
    .refine(...notBlank("TimeRange", "last 2 hours"))
    .optional()
    .describe(
      'Creation-time window as one phrase, read in TimeZone: "last 2 hours", "today", "yesterday", "this week", "last month", "2026-11-20", "since Monday 9am", "between 2026-11-20 09:00 and 17:30". Do not combine with StartTime/EndTime.',
    ),
  StartTime: z
    .string()
    .min(1)
    .max(TIME_PHRASE_MAX)
    .refine(...notBlank("StartTime", "3 hours ago"))
    .optional()
    .describe(
      'Only tasks created at or after this point: ISO 8601 ("2026-11-20T09:00:00Z", "2026-11-20T17:00:00+08:00") or a phrase in TimeZone ("3 hours ago", "yesterday 14:30", "yesterday" = its 00:00).',
    ),
  EndTime: z
    .string()
    .min(1)
    .max(TIME_PHRASE_MAX)
    .refine(...notBlank("EndTime", "now"))
    .optional()
    .describe('Only tasks created at or before this point; same forms as StartTime ("now", "today 12:00", "2026-11-21").'),
  TimeZone: z
    .string()
    .min(1)
    .max(TIME_ZONE_MAX)
    .refine(...notBlank("TimeZone", "Asia/Shanghai"))
    .optional()
    .describe(
      'IANA time zone for phrases and times without an offset, e.g. "Asia/Shanghai" or "America/Los_Angeles". Defaults to the server\'s zone. Pass the user\'s zone when you know it.',
    ),
  ResourceIds: z
    .array(z.string().regex(RESOURCE_ID, "each resource ID must look like m-bp1i8huqm5u7abcd, i-..., d-... or s-..."))
    .min(1)
    .max(100)
    .optional()
    .describe(
      'Up to 100 resource IDs the tasks act on: image IDs (m-...) for ImportImage/ExportImage, instance IDs (i-...) for RedeployInstance, disk IDs (d-...) for ModifyDiskSpec. E.g. ["m-bp1i8huqm5u7abcd"].',
    ),
  PageNumber: z.number().int().min(1).max(PAGE_NUMBER_MAX).optional().describe("Page to return, from 1. Default 1. E.g. 2, taken from NextPageNumber of the previous answer."),
  PageSize: z
    .number()
    .int()
    .min(1)
    .max(100)
    .optional()
    .describe("Tasks per page, 1 to 100. Default 10 (the API's). E.g. 100 to see more in one call."),
  AllPages: z
    .boolean()
    .optional()
    .describe(
      'true: read every page (100 tasks each) up to MaxResults, starting at PageNumber; the answer says Truncated and the next PageNumber when more match. E.g. {"AllPages":true,"MaxResults":5000}.',
    ),
  MaxResults: z
    .number()
    .int()
    .min(1)
    .max(MAX_RESULTS_LIMIT)
    .optional()
    .describe(`With AllPages or RegionId "all": at most this many tasks in the answer. Default ${DEFAULT_MAX_RESULTS}, at most ${MAX_RESULTS_LIMIT}. E.g. 5000.`),
  IncludeProgress: z
    .boolean()
    .optional()
    .describe(
      `Default true: add Progress (percent) to running ImportImage, ExportImage and ModifyDiskSpec tasks, looked up with DescribeTaskAttribute (at most ${ENRICH_MAX_TASKS} per call). E.g. false to save those calls when only counts matter.`,
    ),
});
export type DescribeTasksInput = z.infer<typeof describeTasksInput>;

const taskSchema = z.object({
  TaskId: z.string(),
  RegionId: z.string().optional().describe('Set when RegionId was "all".'),
  TaskAction: z.string(),
  TaskStatus: z.string().describe("Finished, Processing or Failed (other words from older API versions are passed through)."),
  ResourceId: z.string().optional(),
  CreationTime: z.string().optional().describe("UTC, yyyy-MM-ddTHH:mm:ssZ; the API gives minute precision."),
  FinishedTime: z.string().optional().describe("Absent while the task runs."),
  SupportCancel: z.boolean(),
  DurationSeconds: z.number().int().min(0).optional().describe("Finished/Failed: run time. Processing: time elapsed so far."),
  Progress: z.number().min(0).max(100).optional().describe("Percent done, for running tasks when IncludeProgress is on."),
  ProgressError: z.string().optional().describe("Why Progress could not be looked up for this task."),
  InvalidTimes: z
    .array(z.enum(["CreationTime", "FinishedTime"]))
    .optional()
    .describe("Times ECS sent that are not real dates: kept as received, not converted (and no DurationSeconds)."),
});

const COVERS = z.enum(["all matching tasks", "returned tasks"]);

export const describeTasksOutput = z.object({
  DataSource: z.enum(["alibaba-cloud", "sandbox"]).describe("sandbox = generated demo data, not a real account."),
  RegionId: z.string().describe('The region, or "all".'),
  TotalCount: z.number().int().min(0).describe("Tasks matching the filters, across all pages (and regions)."),
  PageNumber: z.number().int(),
  PageSize: z.number().int(),
  Returned: z.number().int().min(0),
  HasMore: z.boolean().describe("More tasks match than were returned."),
  NextPageNumber: z.number().int().optional().describe("Present when more tasks match: call again with this PageNumber (and the same PageSize)."),
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
      .object({ TaskId: z.string(), TaskAction: z.string(), CreationTime: z.string().optional(), RunningSeconds: z.number().int().optional() })
      .optional()
      .describe("Among the returned tasks."),
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
    .describe('With RegionId "all": each region asked, with its count or its error.'),
  Query: z
    .object({
      RegionId: z.string(),
      RegionSource: z.enum(["argument", "configuration", "cli_profile"]),
      TaskIds: z.string().optional(),
      TaskAction: z.string().optional(),
      TaskStatus: z.string().optional(),
      StartTime: z.string().optional(),
      EndTime: z.string().optional(),
      ResourceIds: z.array(z.string()).optional(),
      PageNumber: z.number().int().optional(),
      PageSize: z.number().int().optional(),
      AllPages: z.boolean().optional(),
      MaxResults: z.number().int().optional(),
      TimeZone: z.string(),
      TimeWindow: z.string().optional().describe('The window in local time, e.g. "2026-11-27 00:00 to 2026-11-28 00:00 Asia/Shanghai".'),
    })
    .describe("Exactly the parameters sent to DescribeTasks (times resolved to UTC), plus the zone used."),
  ProgressNote: z.string().optional().describe("What the progress lookups covered, and what was skipped."),
  UpstreamNote: z
    .string()
    .optional()
    .describe("What the server set right in ECS's answer: rows beyond the PageSize asked for (dropped), times that are not real dates (marked)."),
  RequestId: z.string().describe("Of the first DescribeTasks call."),
  CredentialProvider: z.string().describe("Which credential provider signed the call, e.g. default/env, default/cli_profile."),
});
export type DescribeTasksOutput = z.infer<typeof describeTasksOutput>;
export type ListedTask = DescribeTasksOutput["Tasks"][number];
