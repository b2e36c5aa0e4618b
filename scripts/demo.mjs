// `npm run demo`: starts the built server in sandbox mode, connects a real MCP client over stdio,
// and prints its answers to a few typical questions. No account, no network.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { fileURLToPath } from "node:url";

/** @typedef {import("@modelcontextprotocol/sdk/types.js").CallToolResult} CallToolResult */
/**
 * The part of describe_ecs_tasks' structuredContent the demo reads.
 * @typedef {{ Tasks?: Array<{ TaskId: string }> }} TaskList
 */

const entry = fileURLToPath(new URL("../dist/index.js", import.meta.url));
const transport = new StdioClientTransport({
  command: process.execPath,
  args: [entry, "--sandbox"],
  env: { PATH: process.env.PATH ?? "", TZ: process.env.TZ ?? "Asia/Shanghai" },
  stderr: "inherit",
});
const client = new Client({ name: "ecs-tasks-mcp-demo", version: "1.0.0" });
await client.connect(transport);

const { tools } = await client.listTools();
console.log(`Connected to ${client.getServerVersion()?.name} ${client.getServerVersion()?.version}; tools: ${tools.map((t) => t.name).join(", ")}\n`);

// Find the running import first, so the follow-up questions can name it as an agent would.
const running = await client.callTool({ name: "describe_ecs_tasks", arguments: { TaskAction: "ImportImage", TaskStatus: "Processing", IncludeProgress: false } });
const importId = /** @type {TaskList | undefined} */ (running.structuredContent)?.Tasks?.[0]?.TaskId;
const failed = await client.callTool({ name: "describe_ecs_tasks", arguments: { TaskAction: "ImportImage", TaskStatus: "Failed", PageSize: 1, IncludeProgress: false } });
const failedId = /** @type {TaskList | undefined} */ (failed.structuredContent)?.Tasks?.[0]?.TaskId;

/** @type {Array<[question: string, tool: string, args: Record<string, unknown>]>} */
const questions = [
  ["How is my image import going?", "describe_ecs_tasks", { TaskAction: "ImportImage", TaskStatus: "Processing" }],
  ["How is the ubuntu2204-golden import going? (by image name)", "describe_ecs_tasks", { ImageName: "ubuntu2204-golden" }],
  ["And the ubuntu2404 one? (no such image: the closest names)", "describe_ecs_tasks", { ImageName: "ubuntu2404-golden" }],
  ["How far is it, and when will it finish?", "describe_ecs_task_attribute", { TaskId: importId }],
  ["Why did my last import fail?", "describe_ecs_task_attribute", { TaskId: failedId }],
  ["Wait a few seconds for it (with a progress bar)", "wait_for_ecs_tasks", { TaskIds: [importId], TimeoutSeconds: 4, PollIntervalSeconds: 2 }],
  ["Which image imports failed yesterday? (user in Shanghai)", "describe_ecs_tasks", { TaskAction: "ImportImage", TaskStatus: "Failed", TimeRange: "yesterday", TimeZone: "Asia/Shanghai" }],
  ["Anything still running from the last 2 hours?", "describe_ecs_tasks", { TaskStatus: "Processing", TimeRange: "last 2 hours" }],
  ["What ran in Singapore this week?", "describe_ecs_tasks", { RegionId: "ap-southeast-1", TimeRange: "this week", PageSize: 5 }],
  ["A slip the server reads as meant (\"running\" is Processing)", "describe_ecs_tasks", { TaskStatus: "running", TaskAction: "importimage", TimeZone: "Asia/Shanghai" }],
  ["A mistake the server refuses before calling the API, naming the fix", "describe_ecs_tasks", { Status: "Failed" }],
];

for (const [question, name, args] of questions) {
  console.log(`=== ${question}`);
  console.log(`--> ${name} ${JSON.stringify(args)}`);
  const onprogress = (/** @type {import("@modelcontextprotocol/sdk/types.js").Progress} */ p) => console.log(`    progress ${p.progress}/${p.total}: ${p.message}`);
  const result = /** @type {CallToolResult} */ (await client.callTool({ name, arguments: args }, undefined, name === "wait_for_ecs_tasks" ? { onprogress } : {}));
  const text = result.content.map((c) => (c.type === "text" ? c.text : `[${c.type}]`)).join("\n");
  console.log(`${result.isError ? "(isError) " : ""}${text}\n`);
}

await client.close();
