// The MCP Apps side of the server (issue 16): describe_ecs_tasks names the dashboard in _meta.ui,
// the view is one self-contained HTML resource, the app-only refresh tool is listed only to clients
// that declared the UI extension (and callable by any), --no-ui turns all of it off, and the answer
// itself is the same for every client.
import { afterEach, describe, expect, it } from "vitest";
import { ReadResourceResultSchema } from "@modelcontextprotocol/sdk/types.js";
import { startHarness, type Harness, type HarnessOptions } from "../helpers/in-memory.js";
import { cleanEnv, spawnServer } from "../helpers/spawn.js";

const UI_CAPABILITIES = { extensions: { "io.modelcontextprotocol/ui": { mimeTypes: ["text/html;profile=mcp-app"] } } };
const DASHBOARD_URI = "ui://ecs-tasks-mcp/dashboard.html";
const MODEL_TOOLS = ["describe_ecs_tasks", "describe_ecs_task_attribute", "wait_for_ecs_tasks"];

const open: Harness[] = [];
async function harness(options: HarnessOptions = {}): Promise<Harness> {
  const h = await startHarness(options);
  open.push(h);
  return h;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});

/** The answer without what differs per request by design (request IDs). */
function comparable(result: unknown): string {
  return JSON.stringify(result).replace(/"RequestId":"[^"]*"/g, '"RequestId":"-"').replace(/Request ?ID:? [0-9A-F-]{36}/gi, "Request ID -");
}

describe("tools/list", () => {
  it("without the UI extension: the model's three tools, describe_ecs_tasks naming the view, under 6,000 characters", async () => {
    const h = await harness();
    const { tools } = await h.client.listTools();
    expect(tools.map((t) => t.name)).toEqual(MODEL_TOOLS);
    const describe = tools.find((t) => t.name === "describe_ecs_tasks")!;
    expect(describe._meta).toEqual({ ui: { resourceUri: DASHBOARD_URI }, "ui/resourceUri": DASHBOARD_URI });
    for (const t of tools.filter((x) => x.name !== "describe_ecs_tasks")) expect(t._meta).toBeUndefined();
    const size = tools.reduce((n, t) => n + t.name.length + (t.description ?? "").length + JSON.stringify(t.inputSchema).length, 0);
    expect(size).toBeLessThan(6000);
  });

  it("with the UI extension: also the app-only refresh tool, marked for views only", async () => {
    const h = await harness({ clientCapabilities: UI_CAPABILITIES });
    const { tools } = await h.client.listTools();
    expect(tools.map((t) => t.name)).toEqual([...MODEL_TOOLS, "refresh_ecs_task_progress"]);
    const refresh = tools.find((t) => t.name === "refresh_ecs_task_progress")!;
    expect(refresh._meta).toEqual({ ui: { visibility: ["app"] } });
    expect(refresh.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    await expect(`${JSON.stringify(refresh, null, 2)}\n`).toMatchFileSnapshot("../__snapshots__/tools/refresh_ecs_task_progress.json");
  });

  it("--no-ui: no _meta, no refresh tool even for a UI client, no view resource", async () => {
    const h = await harness({ clientCapabilities: UI_CAPABILITIES, config: { noUi: true } });
    const { tools } = await h.client.listTools();
    expect(tools.map((t) => t.name)).toEqual(MODEL_TOOLS);
    for (const t of tools) expect(t._meta).toBeUndefined();
    const { resources } = await h.client.listResources();
    expect(resources.map((r) => r.uri)).not.toContain(DASHBOARD_URI);
    await expect(h.client.callTool({ name: "refresh_ecs_task_progress", arguments: { TaskIds: ["t-abcd1234"] } })).resolves.toMatchObject({ isError: true });
  });
});

describe("the built binary", () => {
  it.each([
    ["--no-ui", [["--sandbox", "--no-ui"], {}]],
    ["ECS_TASKS_MCP_NO_UI=true", [["--sandbox"], { ECS_TASKS_MCP_NO_UI: "true" }]],
  ] as const)("%s: text only, even for a client with MCP Apps", async (_label, [args, env]) => {
    const s = await spawnServer(cleanEnv(env), [...args], UI_CAPABILITIES);
    try {
      const { tools } = await s.client.listTools();
      expect(tools.map((t) => t.name)).toEqual(MODEL_TOOLS);
      for (const t of tools) expect(t._meta).toBeUndefined();
    } finally {
      await s.close();
    }
  });

  it("serves the view from dist/ and lists the refresh tool to a client with MCP Apps", async () => {
    const s = await spawnServer(cleanEnv(), ["--sandbox"], UI_CAPABILITIES);
    try {
      expect((await s.client.listTools()).tools.map((t) => t.name)).toContain("refresh_ecs_task_progress");
      const read = ReadResourceResultSchema.parse(await s.client.readResource({ uri: DASHBOARD_URI }));
      expect(read.contents[0]).toMatchObject({ mimeType: "text/html;profile=mcp-app" });
    } finally {
      await s.close();
    }
  });
});

describe("the view resource", () => {
  it("is one self-contained text/html;profile=mcp-app file under 600 KB that loads nothing from anywhere", async () => {
    const h = await harness({ clientCapabilities: UI_CAPABILITIES });
    const { resources } = await h.client.listResources();
    expect(resources.find((r) => r.uri === DASHBOARD_URI)).toMatchObject({ mimeType: "text/html;profile=mcp-app" });
    const read = ReadResourceResultSchema.parse(await h.client.readResource({ uri: DASHBOARD_URI }));
    const content = read.contents[0]!;
    expect(content.mimeType).toBe("text/html;profile=mcp-app");
    const html = "text" in content ? content.text : "";
    expect(Buffer.byteLength(html)).toBeLessThan(600 * 1024);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';[^"]*connect-src 'none'/);
    // No external script, style, font or image, and no URL the page could fetch.
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?https?:/i);
  });
});

describe("the answer", () => {
  it("is the same with and without the UI extension, and with --no-ui", async () => {
    const args = { TaskAction: "ImportImage", TimeRange: "last 7 days", TimeZone: "Asia/Shanghai" };
    const answers: string[] = [];
    for (const options of [{}, { clientCapabilities: UI_CAPABILITIES }, { config: { noUi: true } }] satisfies HarnessOptions[]) {
      const h = await harness(options);
      answers.push(comparable(await h.client.callTool({ name: "describe_ecs_tasks", arguments: args })));
      await h.close();
      open.splice(open.indexOf(h), 1);
    }
    expect(answers[0]).toContain("Processing");
    expect(answers[1]).toBe(answers[0]);
    expect(answers[2]).toBe(answers[0]);
  });
});

describe("refresh_ecs_task_progress", () => {
  it("gives the running tasks' percent and ETA, moving with time, and is callable by any client", async () => {
    const h = await harness();
    const running = h.sandbox.tasks.filter((t) => t.RegionId === "cn-hangzhou" && t.TaskStatus === "Processing" && t.TaskAction === "ImportImage");
    expect(running.length).toBeGreaterThan(0);
    const TaskIds = running.map((t) => t.TaskId).slice(0, 3);
    const first = await h.client.callTool({ name: "refresh_ecs_task_progress", arguments: { TaskIds, TimeZone: "Asia/Shanghai" } });
    expect(first.isError).toBeFalsy();
    const before = (first.structuredContent as { Tasks: Array<{ TaskId: string; Progress?: number; TaskStatus?: string }> }).Tasks;
    expect(before.map((t) => t.TaskId)).toEqual(TaskIds);
    expect(before[0]).toMatchObject({ TaskStatus: "Processing" });
    expect(before[0]!.Progress).toBeTypeOf("number");
    h.clock.advance(5 * 60_000);
    const second = await h.client.callTool({ name: "refresh_ecs_task_progress", arguments: { TaskIds, TimeZone: "Asia/Shanghai" } });
    const after = (second.structuredContent as { Tasks: Array<{ Progress?: number; EstimatedCompletionTimeLocal?: string; TaskStatus?: string }> }).Tasks[0]!;
    expect(after.TaskStatus === "Finished" || after.Progress! > before[0]!.Progress!).toBe(true);
    if (after.TaskStatus === "Processing") expect(after.EstimatedCompletionTimeLocal).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
  });

  it("makes one DescribeTaskAttribute call per task and marks a task it cannot find, without failing", async () => {
    const h = await harness();
    const running = h.sandbox.tasks.find((t) => t.RegionId === "cn-hangzhou" && t.TaskStatus === "Processing")!;
    const seen = h.sandbox.requests.length;
    const result = await h.client.callTool({ name: "refresh_ecs_task_progress", arguments: { TaskIds: [running.TaskId, "t-doesnotexist0000"] } });
    expect(result.isError).toBeFalsy();
    const tasks = (result.structuredContent as { Tasks: Array<{ TaskId: string; LookupError?: string }> }).Tasks;
    expect(tasks[1]).toMatchObject({ TaskId: "t-doesnotexist0000" });
    expect(tasks[1]!.LookupError).toBeTruthy();
    const actions = h.sandbox.requests.slice(seen).map((r) => r.action);
    expect(actions).toEqual(["DescribeTaskAttribute", "DescribeTaskAttribute"]);
  });

  it("refuses more task IDs than the look-up limit", async () => {
    const h = await harness();
    const TaskIds = Array.from({ length: 21 }, (_, i) => `t-abcdef${String(i).padStart(4, "0")}`);
    const result = await h.client.callTool({ name: "refresh_ecs_task_progress", arguments: { TaskIds } });
    expect(result.isError).toBe(true);
  });
});
