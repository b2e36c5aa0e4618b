// wait_for_ecs_tasks: the adapter. Contract in src/contracts, work in src/usecases, text in src/render.
import {
  DEFAULT_POLL_SECONDS,
  DEFAULT_TIMEOUT_SECONDS,
  MAX_TIMEOUT_SECONDS,
  MAX_WAIT_TASKS,
  MIN_POLL_SECONDS,
  waitForTasksInput,
  waitForTasksOutput,
} from "../contracts/wait-for-tasks.js";
import { renderWaitText } from "../render/progress-text.js";
import { waitForEcsTasks } from "../usecases/wait-for-tasks.js";
import { defineTool } from "./define-tool.js";

export const waitForTasksTool = defineTool({
  name: "wait_for_ecs_tasks",
  title: "Wait for ECS tasks to finish",
  kind: "read",
  description: [
    "Waits until ECS asynchronous tasks (ImportImage, ExportImage, ModifyDiskSpec) have ended, checking their progress every PollIntervalSeconds with DescribeTaskAttribute, for at most TimeoutSeconds.",
    'Use it for "wait until my image import is done" or "tell me when the export finishes".',
    `Limits: up to ${MAX_WAIT_TASKS} tasks; TimeoutSeconds default ${DEFAULT_TIMEOUT_SECONDS}, at most ${MAX_TIMEOUT_SECONDS}; PollIntervalSeconds default ${DEFAULT_POLL_SECONDS}, at least ${MIN_POLL_SECONDS}.`,
    "Sends progress notifications (mean percent over the tasks) when the request has a progressToken, and a log line per check. Cancelling the request stops it at once.",
    "Returns each task's last status, percent, timings, ETA and failure reason. When not done in time: Done=false, NextCheckAfterSeconds and ResumeArguments to call again with.",
    'Example: {"TaskIds":["t-bp1hvgwromzv32iq1234"],"TimeoutSeconds":45}',
  ].join("\n"),
  input: waitForTasksInput,
  output: waitForTasksOutput,
  handler: waitForEcsTasks,
  render: renderWaitText,
});
