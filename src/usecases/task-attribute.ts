// The describe_ecs_task_attribute use case: one DescribeTaskAttribute call, viewed with an ETA
// and a failure hint.
import type { TaskAttributeInput, TaskAttributeOutput } from "../contracts/task-attribute.js";
import { describeTaskAttribute } from "../ecs/task-attribute-api.js";
import { viewTask } from "../progress/task-view.js";
import type { UseCaseDeps } from "./services.js";

export async function describeTaskProgress(args: TaskAttributeInput, deps: UseCaseDeps): Promise<TaskAttributeOutput> {
  const region = await deps.regions.resolve(args.RegionId);
  const { detail, providerName } = await describeTaskAttribute(deps.ecs, region.regionId, args.TaskId, deps.signal);
  const view = await viewTask(detail, region.regionId, { ...deps, now: deps.now() });
  return {
    ...view,
    DataSource: deps.dataSource,
    RegionId: detail.RegionId || region.regionId,
    RequestId: detail.RequestId,
    CredentialProvider: providerName,
  };
}
