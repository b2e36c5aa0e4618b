// refresh_ecs_task_progress: app-only (`_meta.ui.visibility: ["app"]`). The dashboard view calls it
// to move its progress bars; models never see it (clients without MCP Apps are not even shown it).
import { refreshProgressInput, refreshProgressOutput } from "../contracts/refresh-progress.js";
import { refreshProgress } from "../usecases/refresh-progress.js";
import { defineTool } from "./define-tool.js";

export const refreshProgressTool = defineTool({
  name: "refresh_ecs_task_progress",
  title: "Refresh running ECS tasks (dashboard)",
  kind: "read",
  description: "For the task dashboard view: percent, ETA and status of running tasks of one region, one DescribeTaskAttribute each.",
  input: refreshProgressInput,
  output: refreshProgressOutput,
  ui: { visibility: ["app"] },
  handler: refreshProgress,
  render: (out) =>
    [
      `Checked ${out.CheckedAt} in ${out.RegionId}:`,
      ...out.Tasks.map((t) => `${t.TaskId}: ${t.TaskStatus ?? `look-up failed (${t.LookupError ?? "unknown"})`}${t.Progress !== undefined ? ` ${t.Progress}%` : ""}`),
    ].join("\n"),
});
