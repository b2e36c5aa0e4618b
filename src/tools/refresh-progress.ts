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
  async handler(args, ctx) {
    const structured = await refreshProgress(args, ctx);
    const lines = structured.Tasks.map((t) => `${t.TaskId}: ${t.TaskStatus ?? `look-up failed (${t.LookupError ?? "unknown"})`}${t.Progress !== undefined ? ` ${t.Progress}%` : ""}`);
    return { structured, text: [`Checked ${structured.CheckedAt} in ${structured.RegionId}:`, ...lines].join("\n") };
  },
});
