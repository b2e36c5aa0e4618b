// describe_ecs_tasks: the adapter. Contract in src/contracts, work in src/usecases, text in src/render.
import { DEFAULT_MAX_RESULTS, MAX_RESULTS_LIMIT, describeTasksInput, describeTasksOutput } from "../contracts/describe-tasks.js";
import { renderTasksText } from "../render/tasks-text.js";
import { describeTasks } from "../usecases/describe-tasks.js";
import { defineTool } from "./define-tool.js";

export const describeTasksTool = defineTool({
  name: "describe_ecs_tasks",
  title: "List ECS asynchronous tasks",
  kind: "read",
  description: [
    "Lists Alibaba Cloud ECS asynchronous tasks (DescribeTasks): image imports and exports, instance redeployments, disk spec changes and snapshot archiving, with exact counts by status, counts by action, the oldest task still running, and percent done for running imports, exports and disk changes.",
    'Use it for "how is my image import going?", "which imports failed yesterday?", "how many failed this month?", "anything still running from the last 2 hours?".',
    "Filters are optional and combine with AND: TaskIds, TaskAction, TaskStatus, ResourceIds, and a creation-time window given either as TimeRange or as StartTime/EndTime, read in TimeZone (pass the user's IANA zone).",
    `Paging: one page per call by default (PageSize 1-100, API default 10; NextPageNumber when more match). AllPages reads every page up to MaxResults (default ${DEFAULT_MAX_RESULTS}, at most ${MAX_RESULTS_LIMIT}). RegionId "all" asks every region. Summary.ByStatus is exact for the whole match either way, so counting needs no paging.`,
    "The text shows at most 30 rows with times in TimeZone; structuredContent.Tasks has every returned task, times in UTC. Query echoes exactly what was sent, with the time window in UTC and in local time: say it back to the user.",
    'Example: {"TaskAction":"ImportImage","TaskStatus":"Failed","TimeRange":"yesterday","TimeZone":"Asia/Shanghai"}',
  ].join("\n"),
  input: describeTasksInput,
  output: describeTasksOutput,
  handler: describeTasks,
  render: renderTasksText,
});
