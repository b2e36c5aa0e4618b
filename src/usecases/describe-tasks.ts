// The describe_ecs_tasks use case: validate and resolve the query (before any I/O), read one region
// or all (and, when a TaskIds filter finds nothing in its region, every region), look up details
// for the rows shown, and answer within the size budgets with the exact arguments for more.
// Returns the contract's output; rendering and MCP are the adapter's business.
import {
  DEFAULT_MAX_RESULTS,
  ROW_CAP,
  type DescribeTasksInput,
  type DescribeTasksOutput,
} from "../contracts/describe-tasks.js";
import { splitTaskIds } from "../contracts/fields.js";
import type { DescribeTasksParams, Task } from "../ecs/tasks-api.js";
import { lookUpDetails, lookupNote } from "../progress/enrich.js";
import { cutRedacted, QUOTED_ERROR_MAX } from "../util/text.js";
import type { AllRegionsTasks } from "../tasks/all-regions.js";
import { queryRegion, type QueryOptions, type RegionTasks } from "../tasks/query-region.js";
import { resourceLinkFor, taskQueryFrom } from "../tasks/query-uri.js";
import { resolveTimeQuery } from "../time/index.js";
import { answerZone } from "./answer-zone.js";
import { InputError } from "../errors.js";
import { matchImages, type ImageMatch } from "./image-filter.js";
import { lookUpImageNames, type ImageNames } from "./image-names.js";
import { profileField } from "./profile-scope.js";
import { listSummary, listedRow } from "./list-rows.js";
import { everyRegion, foundElsewhereNotice } from "./every-region.js";
import { baseArguments, pageStartingAfter } from "./next-call.js";
import { noticeFor, type UseCaseDeps } from "./services.js";

/** structuredContent of any answer stays under this many characters of JSON. */
export const STRUCTURED_BUDGET = 24_000;

const NO_IMAGE_NAMES: ImageNames = { names: new Map() };

/** Everything that can be refused is checked here, before any I/O. */
function describeParams(args: DescribeTasksInput, deps: Pick<UseCaseDeps, "now" | "defaultTimeZone">) {
  if (args.ImageName !== undefined && args.RegionId === "all") {
    throw new InputError('ImageName is resolved in one region: pass a RegionId such as "cn-hangzhou", not "all".');
  }
  if (args.ImageName !== undefined && args.ResourceIds) throw new InputError("Pass ImageName or ResourceIds, not both: ImageName is turned into ResourceIds.");
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

/** The answer's shape, given how many rows of those read are shown. */
export type FitsText = (out: DescribeTasksOutput) => boolean;

export async function describeTasks(args: DescribeTasksInput, deps: UseCaseDeps, fitsText: FitsText = () => true): Promise<DescribeTasksOutput> {
  const { params, time } = describeParams(args, deps);
  const zone = answerZone(time);
  const allRegions = args.RegionId === "all";
  const region = allRegions ? { regionId: "all", source: "argument" as const } : await deps.regions.resolve(args.RegionId);
  const maxResults = args.MaxResults ?? DEFAULT_MAX_RESULTS;

  // ImageName: the matching images become the ResourceIds filter; no match, no DescribeTasks.
  let match: ImageMatch | undefined;
  if (args.ImageName !== undefined) {
    match = await matchImages(args.ImageName, region.regionId, deps);
    if (match.matched.length === 0) return noImageAnswer(args.ImageName, match, { params, time, zone, region, deps });
    params.ResourceIds = match.matched.map((i) => i.ImageId);
  }
  const imageMatch = match && imageMatchField(args.ImageName ?? "", match);
  const bare = args.IncludeProgress === false;
  const known: ImageNames | undefined = match && { names: new Map(match.matched.flatMap((i) => (i.ImageName ? [[i.ImageId, i.ImageName] as const] : []))) };
  const regionOf = (t: { RegionId?: string }) => t.RegionId ?? region.regionId;
  // Image names beside the detail look-ups, not after them: one DescribeImages per region.
  // IncludeProgress false asks for the bare rows: no look-up of either kind. With ImageName every
  // row's image was matched by name already: its name is known, no second DescribeImages.
  const detailsOf = (rows: Task[]) =>
    Promise.all([bare ? undefined : lookUpDetails(rows, regionOf, deps), bare ? NO_IMAGE_NAMES : (known ?? lookUpImageNames(rows, regionOf, deps))]);
  // The rows shown are the first of the first page (the API's order): their look-ups start as soon
  // as that page arrives, beside the pages and count queries still to come, not after them.
  let early: { ids: string; details: ReturnType<typeof detailsOf> } | undefined;
  const startEarly = (rows: Task[]) => {
    // AllPages keeps at most MaxResults rows: the rows shown are the first of those.
    const first = rows.slice(0, args.AllPages === true ? Math.min(ROW_CAP, maxResults) : ROW_CAP);
    const details = detailsOf(first);
    details.catch(() => undefined); // awaited below, or dropped when the rows shown turn out others
    early = { ids: first.map((t) => t.TaskId).join(","), details };
  };
  const options: QueryOptions = { allPages: args.AllPages === true, maxResults, ...(allRegions ? {} : { onFirstRows: startEarly }) };

  let result: RegionTasks & { Regions?: AllRegionsTasks["Regions"] } = allRegions
    ? await everyRegion(params, options, deps)
    : await queryRegion({ ...params, RegionId: region.regionId }, options, { ecs: deps.ecs, now: deps.now, signal: deps.signal, concurrency: deps.pageConcurrency });

  // Tasks live in one region: a known ID that is not here is looked for everywhere (one extra round).
  let notice: string | undefined;
  let searched = false;
  if (!allRegions && params.TaskIds && result.TotalCount === 0) {
    // One page of 100 per region holds every listed ID (at most 100), so no count queries follow.
    const { PageNumber: _n, PageSize: _s, ...filters } = params;
    const found = await everyRegion({ ...filters, PageSize: 100 }, { allPages: false, maxResults }, deps);
    const where = [...new Set(found.Tasks.map((t) => t.RegionId ?? ""))].filter(Boolean);
    if (where.length > 0) {
      notice = foundElsewhereNotice(region.regionId, where);
      result = found;
      searched = true;
    } else {
      notice = `No task with ${params.TaskIds.length === 1 ? "that ID" : "those IDs"} in ${region.regionId}, nor in any of the ${found.Regions.length} other regions asked.`;
    }
  }

  const shown = result.Tasks.slice(0, ROW_CAP);
  const multiRegion = allRegions || searched;
  const sameRows = early && early.ids === shown.map((t) => t.TaskId).join(",");
  const [lookups, images] = await (sameRows ? early!.details : detailsOf(shown));
  // A failed look-up's message may quote upstream at length: redacted, then cut.
  if (lookups) for (const [id, error] of lookups.errors) lookups.errors.set(id, cutRedacted(deps.redact(error), QUOTED_ERROR_MAX));
  const note = lookups && lookupNote(lookups);
  const fixed = upstreamNote(result);
  const { TaskIds: sentTaskIds, ...sent } = params;
  const covers = result.Complete ? "all matching tasks" : "tasks read";
  const rows = shown.map((t) => listedRow(t, zone, lookups, images));
  // The first row of this answer, counted from the first matching task.
  const firstOffset = multiRegion ? 0 : options.allPages ? ((params.PageNumber ?? 1) - 1) * 100 : (result.PageNumber - 1) * result.PageSize;
  const nextBase = baseArguments(params.ResourceIds ? { ...args, ResourceIds: params.ResourceIds } : args, { RegionId: region.regionId, ...sent, ...(sentTaskIds ? { TaskIds: sentTaskIds } : {}), TimeZone: zone.zone });

  // Every row stays reachable without a server-side store: a URI that encodes the resolved query.
  // The CSV resource re-runs the query, under the same Profile when there is one.
  const link =
    result.TotalCount > 0
      ? resourceLinkFor(taskQueryFrom({ ...params, RegionId: searched || allRegions ? "all" : region.regionId }, zone.zone, deps.profile), result.TotalCount)
      : undefined;

  const build = (n: number): DescribeTasksOutput => {
    const omitted = result.Tasks.length - n;
    let next: DescribeTasksOutput["Next"];
    if (!multiRegion && (omitted > 0 || result.HasMore)) {
      const at = pageStartingAfter(firstOffset + n);
      const cutPage = !options.allPages && omitted > 0;
      next = {
        Why: cutPage ? `rows ${firstOffset + n + 1}-${firstOffset + result.Tasks.length} of page ${result.PageNumber}, then on` : `the tasks after row ${firstOffset + n}`,
        Arguments: { ...nextBase, ...(!cutPage && !options.allPages ? { PageNumber: result.PageNumber + 1, PageSize: params.PageSize ?? result.PageSize } : at) },
      };
    } else if (allRegions && !options.allPages && result.HasMore) {
      next = { Why: "every page of every region (each region gave one page)", Arguments: { ...nextBase, RegionId: "all", AllPages: true, MaxResults: maxResults } };
    }
    return {
      DataSource: deps.dataSource,
      ...(noticeFor(deps.dataSource, notice) ? { Notice: noticeFor(deps.dataSource, notice) } : {}),
      RegionId: searched ? "all" : result.RegionId,
      TotalCount: result.TotalCount,
      PageNumber: result.PageNumber,
      PageSize: result.PageSize,
      RowsRead: result.Tasks.length,
      Returned: n,
      ...(omitted > 0 ? { RowsOmitted: omitted } : {}),
      HasMore: result.HasMore || omitted > 0,
      ...(link && (result.HasMore || omitted > 0) ? { AllRows: { Uri: link.uri, Rows: result.TotalCount, MimeType: link.mimeType } } : {}),
      ...(next ? { Next: next } : {}),
      // RegionId "all" reads one page per region unless AllPages; MaxResults (a total) may stop it short.
      ...(options.allPages ? { Truncated: result.HasMore } : allRegions ? { Truncated: result.BudgetStopped } : {}),
      PagesFetched: result.PagesFetched,
      Tasks: rows.slice(0, n),
      Summary: listSummary(result.Tasks, result.ExactByStatus, covers, zone),
      ...(result.Regions ? { Regions: result.Regions.filter((r) => r.Error || (r.TotalCount ?? 0) > 0) } : {}),
      ...(imageMatch ? { ImageMatch: imageMatch } : {}),
      Query: {
        ...sent,
        ...(sentTaskIds ? { TaskIds: sentTaskIds.join(",") } : {}),
        RegionId: searched ? "all" : region.regionId,
        RegionSource: searched ? "search" : region.source,
        ...(options.allPages ? { AllPages: true, PageSize: 100, MaxResults: maxResults } : {}),
        ...(allRegions && !options.allPages ? { MaxResults: maxResults } : {}),
        ...(time.TimeWindow ? { TimeWindow: time.TimeWindow } : {}),
        ...(args.ImageName !== undefined ? { ImageName: args.ImageName } : {}),
      },
      TimeZone: zone.zone,
      ...(zone.note ? { ZoneNote: zone.note } : {}),
      ...(note ? { ProgressNote: note } : {}),
      ...(fixed ? { UpstreamNote: fixed } : {}),
      ...(images.note ? { ImageNote: images.note } : {}),
      RequestId: result.RequestIds[0] ?? "",
      CredentialProvider: result.ProviderName,
      ...profileField(deps),
    };
  };

  // Both halves within budget: drop rows from the end (Next then starts at the first one dropped).
  let n = rows.length;
  let out = build(n);
  while (n > 0 && (JSON.stringify(out).length > STRUCTURED_BUDGET || !fitsText(out))) out = build(--n);
  return out;
}

function imageMatchField(name: string, match: ImageMatch): NonNullable<DescribeTasksOutput["ImageMatch"]> {
  return {
    ImageName: name,
    Matched: match.matched.map((i) => ({ ImageId: i.ImageId, ...(i.ImageName ? { ImageName: i.ImageName } : {}), ...(i.Status ? { Status: i.Status } : {}) })),
    ...(match.truncated ? { Truncated: true } : {}),
    ...(match.closest.length ? { Closest: match.closest } : {}),
  };
}

interface NoImageContext {
  params: Omit<DescribeTasksParams, "RegionId">;
  time: { TimeWindow?: string };
  zone: ReturnType<typeof answerZone>;
  region: { regionId: string; source: DescribeTasksOutput["Query"]["RegionSource"] };
  deps: UseCaseDeps;
}

/** No image has a name like the one asked: say so, with the closest names; DescribeTasks was not asked. */
function noImageAnswer(name: string, match: ImageMatch, c: NoImageContext): DescribeTasksOutput {
  const closest = match.closest.length ? ` Closest names: ${match.closest.map((n) => `"${n}"`).join(", ")}.` : " The account has no image with a similar name there.";
  const notice = noticeFor(c.deps.dataSource, `No image in ${c.region.regionId} has a name like "${name}", so no tasks were asked for.${closest}`);
  const { TaskIds: taskIds, ...sent } = c.params;
  return {
    DataSource: c.deps.dataSource,
    ...(notice ? { Notice: notice } : {}),
    RegionId: c.region.regionId,
    TotalCount: 0,
    PageNumber: c.params.PageNumber ?? 1,
    PageSize: c.params.PageSize ?? 10,
    RowsRead: 0,
    Returned: 0,
    HasMore: false,
    PagesFetched: 0,
    Tasks: [],
    Summary: { ByStatus: {}, ByStatusCovers: "all matching tasks", ByAction: {}, ByActionCovers: "all matching tasks" },
    ImageMatch: imageMatchField(name, match),
    Query: {
      ...sent,
      ...(taskIds ? { TaskIds: taskIds.join(",") } : {}),
      RegionId: c.region.regionId,
      RegionSource: c.region.source,
      ...(c.time.TimeWindow ? { TimeWindow: c.time.TimeWindow } : {}),
      ImageName: name,
    },
    TimeZone: c.zone.zone,
    ...(c.zone.note ? { ZoneNote: c.zone.note } : {}),
    RequestId: match.requestId,
    CredentialProvider: match.providerName,
    ...profileField(c.deps),
  };
}
