// wait_for_ecs_tasks: the adapter. Contract in src/contracts, work in src/usecases, text in src/render.
import { waitForTasksInput, waitForTasksOutput } from "../contracts/wait-for-tasks.js";
import { renderWaitText } from "../render/progress-text.js";
import { waitForEcsTasks } from "../usecases/wait-for-tasks.js";
import { defineTool } from "./define-tool.js";

export const waitForTasksTool = defineTool({
  name: "wait_for_ecs_tasks",
  title: "Wait for ECS tasks to finish",
  kind: "read",
  description: [
    "Waits until ECS imports, exports or disk changes end (DescribeTaskAttribute every PollIntervalSeconds, up to TimeoutSeconds), with progress notifications when asked.",
    "Not done: ResumeArguments to call again, and Advice when the ETA is far off (then tell the user instead of waiting again).",
    'For "tell me when the import is done". Example: {"TaskIds":["t-bp1hvgwromzv32iq1234"],"TimeoutSeconds":45}',
  ].join("\n"),
  input: waitForTasksInput,
  output: waitForTasksOutput,
  handler: waitForEcsTasks,
  render: renderWaitText,
});
