// The describe_ecs_tasks use case: validate and resolve the query (before any I/O), read one region
// or all, add progress to running tasks, and echo exactly what was sent. Returns the contract's
// output; rendering and MCP are the adapter's business.
import {
  DEFAULT_MAX_RESULTS,
  type DescribeTasksInput,
  type DescribeTasksOutput,
} from "../contracts/describe-tasks.js";
import { splitTaskIds } from "../contracts/fields.js";
import type { DescribeTasksParams } from "../ecs/tasks-api.js";
import { errorSummary } from "../errors.js";
import { cutRedacted, QUOTED_ERROR_MAX } from "../util/text.js";
import { lookUpProgress, progressNote } from "../progress/enrich.js";
import { summarizeTasks } from "../tasks/summary.js";
import { queryAllRegions, type RegionStatus } from "../tasks/all-regions.js";
import { queryRegion, type QueryOptions, type RegionTasks } from "../tasks/query-region.js";
import { resolveTimeQuery } from "../time/index.js";
import type { UseCaseDeps } from "./services.js";

/** Everything that can be refused is checked here, before any I/O. */
function describeParams(args: DescribeTasksInput, deps: Pick<UseCaseDeps, "now" | "defaultTimeZone">) {
  const taskIds = args.TaskIds === undefined ? undefined : splitTaskIds(args.TaskIds);
  const time = resolveTimeQuery(
    {
      ...(args.TimeRange !== undefined ? { TimeRange: args.TimeRange } : {}),
      ...(args.StartTime !== undefined ? { StartTime: args.StartTime } : {}),
      ...(args.EndTime !== undefined ? { EndTime: args.EndTime } : {}),
      ...(args.TimeZone !== undefined ? { TimeZone: args.TimeZone } : {}),
    },
    deps.now(),
    deps.defaultTimeZone,
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

/** What was set right in ECS's answer, for the caller; undefined when nothing was. */
function upstreamNote(result: RegionTasks): string | undefined {
  const notes: string[] = [];
  if (result.RowsDropped > 0) notes.push(`ECS sent ${result.RowsDropped} row(s) beyond the PageSize asked for; they were dropped unread.`);
  const badTimes = result.Tasks.filter((t) => t.InvalidTimes);
  if (badTimes.length > 0) {
    const first = badTimes[0]!;
    notes.push(
      `${badTimes.length} task(s) carry a time that is not a real date (first: ${first.TaskId} ${first.InvalidTimes!.join(", ")}): ` +
        "kept as received and listed in the task's InvalidTimes, without DurationSeconds.",
    );
  }
  return notes.length ? notes.join(" ") : undefined;
}

export async function describeTasks(args: DescribeTasksInput, deps: UseCaseDeps): Promise<DescribeTasksOutput> {
  const { params, time } = describeParams(args, deps);
  const everyRegion = args.RegionId === "all";
  const region = everyRegion ? { regionId: "all", source: "argument" as const } : await deps.regions.resolve(args.RegionId);
  const maxResults = args.MaxResults ?? DEFAULT_MAX_RESULTS;
  const options: QueryOptions = { allPages: args.AllPages === true, maxResults };
  const fetchDeps = { ecs: deps.ecs, now: deps.now, signal: deps.signal, concurrency: deps.pageConcurrency };

  const result: RegionTasks & { Regions?: RegionStatus[] } = everyRegion
    ? await queryAllRegions(params, options, {
        ...fetchDeps,
        catalog: deps.regionCatalog,
        budgetMs: deps.regionBudgetMs,
        // DescribeRegions goes through the configured region's endpoint when there is one.
        ...(await deps.regions.resolve(undefined).then((r) => ({ via: r.regionId }), () => ({}))),
        describeError: (err) => cutRedacted(deps.redact(errorSummary(err)), QUOTED_ERROR_MAX),
        onRegion: (settled, total, regionId, failed) =>
          void deps.reportProgress?.(settled, total, `${settled} of ${total} regions answered (${regionId}${failed ? " failed" : ""})`),
      })
    : await queryRegion({ ...params, RegionId: region.regionId }, options, fetchDeps);

  const lookups =
    args.IncludeProgress === false ? undefined : await lookUpProgress(result.Tasks, (t) => t.RegionId ?? region.regionId, deps);
  const tasks = result.Tasks.map((t) => {
    const progress = lookups?.progress.get(t.TaskId);
    const error = lookups?.errors.get(t.TaskId);
    const quoted = error && cutRedacted(deps.redact(error), QUOTED_ERROR_MAX);
    return { ...t, ...(progress !== undefined ? { Progress: progress } : {}), ...(quoted ? { ProgressError: quoted } : {}) };
  });
  const note = lookups && progressNote(lookups);
  const fixed = upstreamNote(result);
  const { TaskIds: sentTaskIds, ...sent } = params;
  const { OldestProcessing, ByAction } = summarizeTasks(result.Tasks);

  return {
    DataSource: deps.dataSource,
    RegionId: result.RegionId,
    TotalCount: result.TotalCount,
    PageNumber: result.PageNumber,
    PageSize: result.PageSize,
    Returned: tasks.length,
    HasMore: result.HasMore,
    ...(result.NextPageNumber !== undefined ? { NextPageNumber: result.NextPageNumber } : {}),
    // RegionId "all" reads one page per region unless AllPages; MaxResults (a total) may stop it short.
    ...(options.allPages ? { Truncated: result.HasMore } : everyRegion ? { Truncated: result.BudgetStopped } : {}),
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
    ...(fixed ? { UpstreamNote: fixed } : {}),
    RequestId: result.RequestIds[0] ?? "",
    CredentialProvider: result.ProviderName,
  };
}
