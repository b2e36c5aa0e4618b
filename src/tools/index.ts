// The registry: every tool the server exposes, in the order clients list them.
import { describeTasksTool } from "./describe-tasks.js";
import type { ToolDefinition } from "./types.js";

// Each entry keeps its own input/output types; the registry only needs the common shape.
export const tools: ToolDefinition<any, any>[] = [describeTasksTool]; // eslint-disable-line @typescript-eslint/no-explicit-any
