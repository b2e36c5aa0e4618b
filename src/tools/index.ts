// The registry: every tool the server exposes, in the order clients list them. `tools` is the
// default (read-only) list; cancel_ecs_task joins it only with --allow-cancel.
import { cancelTaskTool } from "./cancel-task.js";
import { describeTaskAttributeTool } from "./describe-task-attribute.js";
import { describeTasksTool } from "./describe-tasks.js";
import type { Tool } from "./define-tool.js";
import { refreshProgressTool } from "./refresh-progress.js";
import { waitForTasksTool } from "./wait-for-tasks.js";

/** The app-only refresh_ecs_task_progress comes last among the default ones: listed only to clients with MCP Apps. */
export const tools: readonly Tool[] = [describeTasksTool, describeTaskAttributeTool, waitForTasksTool, refreshProgressTool];

/** Every tool there is, opt-in ones included (for the reference docs). */
export const allTools: readonly Tool[] = [...tools, cancelTaskTool];

/** The tools a server with these settings lists. */
export function toolsFor(config: { allowCancel?: boolean }): readonly Tool[] {
  return config.allowCancel ? allTools : tools;
}
