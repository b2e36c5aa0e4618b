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
    `One ECS task's progress (DescribeTaskAttribute; ${[...ATTRIBUTE_ACTIONS].join(", ")}): percent, ETA, item counts, and for a failure the error code, message and a hint.`,
    'For "how far is my import?", "why did it fail?". Many tasks: describe_ecs_tasks.',
    'Example: {"TaskId":"t-bp1hvgwromzv32iq1234","TimeZone":"Asia/Shanghai"}',
  ].join("\n"),
  input: taskAttributeInput,
  output: taskAttributeOutput,
  handler: describeTaskProgress,
  render: renderAttributeText,
});
