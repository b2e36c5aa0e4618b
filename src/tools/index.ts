// The registry: every tool the server exposes, in the order clients list them.
import { describeTaskAttributeTool } from "./describe-task-attribute.js";
import { describeTasksTool } from "./describe-tasks.js";
import type { Tool } from "./define-tool.js";
import { refreshProgressTool } from "./refresh-progress.js";
import { waitForTasksTool } from "./wait-for-tasks.js";

/** The app-only refresh_ecs_task_progress comes last: listed only to clients with MCP Apps. */
export const tools: readonly Tool[] = [describeTasksTool, describeTaskAttributeTool, waitForTasksTool, refreshProgressTool];
