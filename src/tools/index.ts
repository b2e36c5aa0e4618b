// The registry: every tool the server exposes, in the order clients list them.
import { describeTaskAttributeTool } from "./describe-task-attribute.js";
import { describeTasksTool } from "./describe-tasks.js";
import { waitForTasksTool } from "./wait-for-tasks.js";
import type { ToolDefinition } from "./types.js";

// Each entry keeps its own input/output types; the registry only needs the common shape.
export const tools: ToolDefinition<any, any>[] = [describeTasksTool, describeTaskAttributeTool, waitForTasksTool]; // eslint-disable-line @typescript-eslint/no-explicit-any -- tools of different schemas in one list
