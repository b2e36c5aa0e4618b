// The sandbox's public surface: an in-repo ECS RPC endpoint for tests, the benchmark,
// the demo and `ecs-tasks-mcp --sandbox`.
export {
  SANDBOX_CREDENTIAL,
  SANDBOX_DEFAULT_REGION,
  type RecordedRequest,
  type Sandbox,
  type SandboxCredential,
  type SandboxFault,
  type SandboxOptions,
  type SandboxTask,
} from "./types.js";
export { startSandbox } from "./server.js";
export { generateBulkTasks, generateTasks, yesterdayInUtcAndShanghai } from "./data.js";
export { DEFAULT_REGIONS } from "./regions.js";
