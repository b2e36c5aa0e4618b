// Kept in step with package.json by a test (reading package.json at start-up would cost a file read).
export const SERVER_NAME = "ecs-tasks-mcp";
export const SERVER_VERSION = "0.1.0";
