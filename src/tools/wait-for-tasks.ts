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
    "Waits until ECS tasks end, checking every PollIntervalSeconds up to TimeoutSeconds, with progress notifications when asked. Imports, exports and disk changes give a percent (DescribeTaskAttribute); other actions (redeploys, snapshot archiving) give status only (DescribeTasks).",
    "Not done: ResumeArguments to call again, and Advice when the ETA is far off (then tell the user instead of waiting again).",
    'For "tell me when the import is done". Example: {"TaskIds":["t-bp1hvgwromzv32iq1234"],"TimeoutSeconds":45}',
  ].join("\n"),
  input: waitForTasksInput,
  output: waitForTasksOutput,
  handler: waitForEcsTasks,
  render: renderWaitText,
});
