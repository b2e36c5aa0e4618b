// describe_ecs_tasks: the adapter. Contract in src/contracts, work in src/usecases, text in src/render.
import { ROW_CAP, describeTasksInput, describeTasksOutput } from "../contracts/describe-tasks.js";
import { TEXT_BUDGET, renderTasksText } from "../render/tasks-text.js";
import { DASHBOARD_URI } from "../resources/dashboard.js";
import { parseTaskQueryUri, resourceLinkFor } from "../tasks/query-uri.js";
import { describeTasks } from "../usecases/describe-tasks.js";
import { defineTool } from "./define-tool.js";

export const describeTasksTool = defineTool({
  name: "describe_ecs_tasks",
  title: "List ECS asynchronous tasks",
  kind: "read",
  description: [
    "Lists ECS asynchronous tasks (DescribeTasks): image imports/exports, instance redeploys, disk spec changes, snapshot archiving.",
    `Exact counts by status; the newest ${ROW_CAP} rows, with percent and ETA when running and the error when failed; Next holds the exact arguments for more.`,
    'For "how is my import going?", "which imports failed yesterday, and why?", "how many failed this month?". One known task: describe_ecs_task_attribute. Waiting: wait_for_ecs_tasks.',
    "Say Query.TimeWindow back to the user.",
    'Example: {"TaskAction":"ImportImage","TaskStatus":"Failed","TimeRange":"yesterday","TimeZone":"Asia/Shanghai"}',
  ].join("\n"),
  input: describeTasksInput,
  output: describeTasksOutput,
  // Hosts with MCP Apps show the live dashboard beside the answer; the answer itself is the same.
  ui: { resourceUri: DASHBOARD_URI },
  // Rows are dropped until the text fits too: both halves show the same rows.
  handler: (args, ctx) => describeTasks(args, ctx, (out) => renderTasksText(out).length <= TEXT_BUDGET),
  render: renderTasksText,
  // The same URI in content, for clients that show resource links (Claude Code reads structuredContent).
  links: (out) => (out.AllRows ? [resourceLinkFor(parseTaskQueryUri(out.AllRows.Uri), out.AllRows.Rows)] : []),
});
