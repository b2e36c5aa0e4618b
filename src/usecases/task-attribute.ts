// The describe_ecs_task_attribute use case: one DescribeTaskAttribute call, viewed with an ETA and
// a failure hint, times in the answer's zone. A task that is not in the region asked is looked for
// in every region (one extra round) and answered from the region that has it.
import type { TaskAttributeInput, TaskAttributeOutput } from "../contracts/task-attribute.js";
import { describeTaskAttribute } from "../ecs/task-attribute-api.js";
import { AppError, EcsApiError } from "../errors.js";
import { viewTask } from "../progress/task-view.js";
import { zoneOf } from "./answer-zone.js";
import { foundElsewhereNotice, locateTasks } from "./every-region.js";
import { lookUpImageNames, resourceFields, taskRowsOf } from "./image-names.js";
import { profileField } from "./profile-scope.js";
import { localizedView } from "./progress-view.js";
import { noticeFor, type UseCaseDeps } from "./services.js";

export async function describeTaskProgress(args: TaskAttributeInput, deps: UseCaseDeps): Promise<TaskAttributeOutput> {
  const zone = zoneOf(args.TimeZone, deps.defaultTimeZone);
  const region = await deps.regions.resolve(args.RegionId);
  let regionId = region.regionId;
  let found: string | undefined;
  let answer;
  // The task's row (for its image) beside the detail look-up: DescribeTaskAttribute does not name it.
  let rowLookup = taskRowsOf([args.TaskId], regionId, deps);
  try {
    answer = await describeTaskAttribute(deps.ecs, regionId, args.TaskId, deps.signal);
  } catch (err) {
    if (!(err instanceof EcsApiError && err.code === "InvalidTaskId.NotFound")) throw err;
    // The search is a best effort: when it fails, the region's own answer stands.
    const where = await locateTasks([args.TaskId], deps).catch(() => undefined);
    if (!where) throw err;
    const elsewhere = where.get(args.TaskId);
    if (!elsewhere || elsewhere === regionId) {
      throw new AppError({
        code: err.code,
        summary: `No task ${args.TaskId} in ${regionId}, nor in any other region of this account (every region was asked).`,
        details: [err.summary, ...err.details],
        hint: "Check the task ID (t-...), and that the credentials belong to the account that created the task.",
      });
    }
    found = foundElsewhereNotice(regionId, [elsewhere]);
    regionId = elsewhere;
    rowLookup = taskRowsOf([args.TaskId], regionId, deps);
    answer = await describeTaskAttribute(deps.ecs, regionId, args.TaskId, deps.signal);
  }
  const { detail, providerName } = answer;
  const row = (await rowLookup).get(args.TaskId);
  const where = regionId;
  const [view, images] = await Promise.all([
    viewTask(detail, regionId, { ...deps, now: deps.now() }),
    row ? lookUpImageNames([row], () => where, deps) : undefined,
  ]);
  const notice = noticeFor(deps.dataSource, found);
  return {
    ...localizedView(view, zone),
    ...resourceFields(row, images),
    ...(images?.note ? { ImageNote: images.note } : {}),
    DataSource: deps.dataSource,
    ...(notice ? { Notice: notice } : {}),
    RegionId: detail.RegionId || regionId,
    TimeZone: zone.zone,
    ...(zone.note ? { ZoneNote: zone.note } : {}),
    RequestId: detail.RequestId,
    CredentialProvider: providerName,
    ...profileField(deps),
  };
}
