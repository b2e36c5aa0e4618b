// The registry: every tool the server exposes, in the order clients list them.
import { describeTaskAttributeTool } from "./describe-task-attribute.js";
import { describeTasksTool } from "./describe-tasks.js";
import type { Tool } from "./define-tool.js";
import { waitForTasksTool } from "./wait-for-tasks.js";

export const tools: readonly Tool[] = [describeTasksTool, describeTaskAttributeTool, waitForTasksTool];
