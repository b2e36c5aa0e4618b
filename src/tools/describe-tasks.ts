// describe_ecs_tasks: DescribeTasks with natural time windows, summarised.
import { z } from "zod";
import { TASK_ACTIONS, TASK_STATUSES, type DescribeTasksParams } from "../ecs/tasks-api.js";
import { ENRICH_MAX_TASKS, lookUpProgress, progressNote } from "../progress/enrich.js";
import { renderTasksText } from "../render/tasks-text.js";
import { queryAllRegions, type RegionStatus } from "../tasks/all-regions.js";
import { queryRegion, type QueryOptions, type RegionTasks } from "../tasks/query.js";
import { summarizeTasks } from "../render/summary.js";
import { resolveTimeQuery } from "../time/index.js";
import { describeError } from "./error-result.js";
import type { ToolContext, ToolDefinition } from "./types.js";
import {
  MAX_TASK_IDS,
  PAGE_NUMBER_MAX,
  RESOURCE_ID,
  TIME_PHRASE_MAX,
  TIME_ZONE_MAX,
  splitTaskIds,
  taskIdsField,
} from "./fields.js";

export const DEFAULT_MAX_RESULTS = 1000;
export const MAX_RESULTS_LIMIT = 10_000;
const PAGE_CONCURRENCY_NOTE = "8 pages at a time";
const REGION_OR_ALL = /^(?:all|[a-z]{2,}(?:-[a-z0-9]+)+)$/;

const inputSchema = z.strictObject({
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
    .optional()
    .describe(
      'Creation-time window as one phrase, read in TimeZone: "last 2 hours", "today", "yesterday", "this week", "last month", "2026-11-20", "since Monday 9am", "between 2026-11-20 09:00 and 17:30". Do not combine with StartTime/EndTime.',
    ),
  StartTime: z
    .string()
    .min(1)
    .max(TIME_PHRASE_MAX)
    .optional()
    .describe(
      'Only tasks created at or after this point: ISO 8601 ("2026-11-20T09:00:00Z", "2026-11-20T17:00:00+08:00") or a phrase in TimeZone ("3 hours ago", "yesterday 14:30", "yesterday" = its 00:00).',
    ),
  EndTime: z
    .string()
    .min(1)
    .max(TIME_PHRASE_MAX)
    .optional()
    .describe('Only tasks created at or before this point; same forms as StartTime ("now", "today 12:00", "2026-11-21").'),
  TimeZone: z
    .string()
    .min(1)
    .max(TIME_ZONE_MAX)
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
      `true: read every page (100 tasks each, ${PAGE_CONCURRENCY_NOTE}) up to MaxResults, starting at PageNumber; the answer says Truncated and the next PageNumber when more match. E.g. {"AllPages":true,"MaxResults":5000}.`,
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
});

const COVERS = z.enum(["all matching tasks", "returned tasks"]);

const outputSchema = z.object({
  DataSource: z.enum(["alibaba-cloud", "sandbox"]).describe("sandbox = generated demo data, not a real account."),
  RegionId: z.string().describe('The region, or "all".'),
  TotalCount: z.number().int().min(0).describe("Tasks matching the filters, across all pages (and regions)."),
  PageNumber: z.number().int(),
  PageSize: z.number().int(),
  Returned: z.number().int().min(0),
  HasMore: z.boolean().describe("More tasks match than were returned."),
  NextPageNumber: z.number().int().optional().describe("Present when more tasks match: call again with this PageNumber (and the same PageSize)."),
  Truncated: z.boolean().optional().describe("With AllPages: MaxResults was reached before the last page."),
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
    .array(z.object({ RegionId: z.string(), TotalCount: z.number().int().optional(), Returned: z.number().int().optional(), Error: z.string().optional() }))
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
  RequestId: z.string().describe("Of the first DescribeTasks call."),
  CredentialProvider: z.string().describe("Which credential provider signed the call, e.g. default/env, default/cli_profile."),
});

export type DescribeTasksOutput = z.infer<typeof outputSchema>;
type Args = z.infer<typeof inputSchema>;

function describeParams(args: Args, ctx: ToolContext) {
  // Everything that can be refused is checked before any I/O.
  const taskIds = args.TaskIds === undefined ? undefined : splitTaskIds(args.TaskIds);
  const time = resolveTimeQuery(
    {
      ...(args.TimeRange !== undefined ? { TimeRange: args.TimeRange } : {}),
      ...(args.StartTime !== undefined ? { StartTime: args.StartTime } : {}),
      ...(args.EndTime !== undefined ? { EndTime: args.EndTime } : {}),
      ...(args.TimeZone !== undefined ? { TimeZone: args.TimeZone } : {}),
    },
    ctx.now(),
    ctx.defaultTimeZone,
  );
  const params: Omit<DescribeTasksParams, "RegionId"> = {};
  if (taskIds) params.TaskIds = taskIds;
  if (args.TaskAction) params.TaskAction = args.TaskAction;
  if (args.TaskStatus) params.TaskStatus = args.TaskStatus;
  if (time.StartTime) params.StartTime = time.StartTime;
  if (time.EndTime) params.EndTime = time.EndTime;
  if (args.ResourceIds) params.ResourceIds = args.ResourceIds;
  if (args.PageNumber !== undefined) params.PageNumber = args.PageNumber;
  if (args.PageSize !== undefined && !args.AllPages) params.PageSize = args.PageSize;
  return { params, time };
}

export const describeTasksTool: ToolDefinition<typeof inputSchema, typeof outputSchema> = {
  name: "describe_ecs_tasks",
  title: "List ECS asynchronous tasks",
  description: [
    "Lists Alibaba Cloud ECS asynchronous tasks (DescribeTasks): image imports and exports, instance redeployments, disk spec changes and snapshot archiving, with exact counts by status, counts by action, the oldest task still running, and percent done for running imports, exports and disk changes.",
    'Use it for "how is my image import going?", "which imports failed yesterday?", "how many failed this month?", "anything still running from the last 2 hours?".',
    "Filters are optional and combine with AND: TaskIds, TaskAction, TaskStatus, ResourceIds, and a creation-time window given either as TimeRange or as StartTime/EndTime, read in TimeZone (pass the user's IANA zone).",
    `Paging: one page per call by default (PageSize 1-100, API default 10; NextPageNumber when more match). AllPages reads every page up to MaxResults (default ${DEFAULT_MAX_RESULTS}, at most ${MAX_RESULTS_LIMIT}). RegionId "all" asks every region. Summary.ByStatus is exact for the whole match either way, so counting needs no paging.`,
    "The text shows at most 30 rows with times in TimeZone; structuredContent.Tasks has every returned task, times in UTC. Query echoes exactly what was sent, with the time window in UTC and in local time: say it back to the user.",
    'Example: {"TaskAction":"ImportImage","TaskStatus":"Failed","TimeRange":"yesterday","TimeZone":"Asia/Shanghai"}',
  ].join("\n"),
  inputSchema,
  outputSchema,
  annotations: {
    title: "List ECS asynchronous tasks",
    readOnlyHint: true,
    destructiveHint: false,
    idempotentHint: true,
    openWorldHint: true,
  },
  async handler(args, ctx) {
    const { params, time } = describeParams(args, ctx);
    const everyRegion = args.RegionId === "all";
    const region = everyRegion ? { regionId: "all", source: "argument" as const } : await ctx.regions.resolve(args.RegionId);
    const maxResults = args.MaxResults ?? DEFAULT_MAX_RESULTS;
    const options: QueryOptions = { allPages: args.AllPages === true, maxResults };
    const fetchDeps = { ecs: ctx.ecs, now: ctx.now, signal: ctx.signal, concurrency: ctx.pageConcurrency };

    const result: RegionTasks & { Regions?: RegionStatus[] } = everyRegion
      ? await queryAllRegions(params, options, {
          ...fetchDeps,
          catalog: ctx.regionCatalog,
          budgetMs: ctx.regionBudgetMs,
          ...(await ctx.regions.resolve(undefined).then((r) => ({ via: r.regionId }), () => ({}))),
          describeError: (err) => describeError(err, ctx.now()).split("\n")[0] ?? "failed",
        })
      : await queryRegion({ ...params, RegionId: region.regionId }, options, fetchDeps);

    const lookups =
      args.IncludeProgress === false ? undefined : await lookUpProgress(result.Tasks, (t) => t.RegionId ?? region.regionId, ctx);
    const tasks = result.Tasks.map((t) => {
      const progress = lookups?.progress.get(t.TaskId);
      const error = lookups?.errors.get(t.TaskId);
      return { ...t, ...(progress !== undefined ? { Progress: progress } : {}), ...(error ? { ProgressError: error } : {}) };
    });
    const note = lookups && progressNote(lookups);
    const { TaskIds: sentTaskIds, ...sent } = params;
    const { OldestProcessing, ByAction } = summarizeTasks(result.Tasks);

    const structured: DescribeTasksOutput = {
      DataSource: ctx.config.sandbox ? "sandbox" : "alibaba-cloud",
      RegionId: result.RegionId,
      TotalCount: result.TotalCount,
      PageNumber: result.PageNumber,
      PageSize: result.PageSize,
      Returned: tasks.length,
      HasMore: result.HasMore,
      ...(result.NextPageNumber !== undefined ? { NextPageNumber: result.NextPageNumber } : {}),
      ...(options.allPages ? { Truncated: result.HasMore } : {}),
      PagesFetched: result.PagesFetched,
      Tasks: tasks,
      Summary: {
        ByStatus: result.ExactByStatus,
        ByStatusCovers: "all matching tasks",
        ByAction,
        ByActionCovers: result.Complete ? "all matching tasks" : "returned tasks",
        ...(OldestProcessing ? { OldestProcessing } : {}),
      },
      ...(result.Regions ? { Regions: result.Regions } : {}),
      Query: {
        ...sent,
        ...(sentTaskIds ? { TaskIds: sentTaskIds.join(",") } : {}),
        RegionId: region.regionId,
        RegionSource: region.source,
        ...(options.allPages ? { AllPages: true, PageSize: 100, MaxResults: maxResults } : {}),
        ...(everyRegion && !options.allPages ? { MaxResults: maxResults } : {}),
        TimeZone: time.TimeZone,
        ...(time.TimeWindow ? { TimeWindow: time.TimeWindow } : {}),
      },
      ...(note ? { ProgressNote: note } : {}),
      RequestId: result.RequestIds[0] ?? "",
      CredentialProvider: result.ProviderName,
    };
    return { structured, text: renderTasksText(structured) };
  },
};
