// describe_ecs_task_attribute: the adapter. Contract in src/contracts, work in src/usecases, text in src/render.
import { taskAttributeInput, taskAttributeOutput } from "../contracts/task-attribute.js";
import { ATTRIBUTE_ACTIONS } from "../ecs/task-attribute-api.js";
import { renderAttributeText } from "../render/progress-text.js";
import { describeTaskProgress } from "../usecases/task-attribute.js";
import { defineTool } from "./define-tool.js";

export const describeTaskAttributeTool = defineTool({
  name: "describe_ecs_task_attribute",
  title: "Progress of one ECS task",
  kind: "read",
  description: [
    "Shows how far one ECS asynchronous task has got (DescribeTaskAttribute): percent done, success/failed counts, when it should finish, and for a failure the error code, message and a plain-language hint.",
    `Covers ${[...ATTRIBUTE_ACTIONS].join(", ")} (the API offers details for those only; for other actions use describe_ecs_tasks).`,
    'Use it for "how far is my image import?", "when will the export finish?", "why did it fail?". To wait until tasks end, use wait_for_ecs_tasks.',
    "ETA: from the progress rate seen across calls when there are two or more readings, else from the median duration of this region's recent finished tasks of the same action; the API's times are to the minute.",
    'Example: {"TaskId":"t-bp1hvgwromzv32iq1234","RegionId":"cn-hangzhou"}',
  ].join("\n"),
  input: taskAttributeInput,
  output: taskAttributeOutput,
  handler: describeTaskProgress,
  render: renderAttributeText,
});
