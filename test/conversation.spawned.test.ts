// The same conversation through the built binary (`dist/index.js --sandbox`) and the MCP SDK client
// over stdio: what each client's model receives, half by half, within budget.
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DescribeTasksOutput } from "../src/contracts/describe-tasks.js";
import type { TaskAttributeOutput } from "../src/contracts/task-attribute.js";
import { TEXT_BUDGET } from "../src/render/tasks-text.js";
import { STRUCTURED_BUDGET } from "../src/usecases/describe-tasks.js";
import { textOf } from "./helpers/in-memory.js";
import { cleanEnv, spawnServer, type Spawned } from "./helpers/spawn.js";

let s: Spawned;
beforeAll(async () => {
  s = await spawnServer(cleanEnv(), ["--sandbox"]);
});
afterAll(async () => s.close());

async function ask(name: string, args: Record<string, unknown>) {
  const result = (await s.client.callTool({ name, arguments: args })) as CallToolResult;
  return { result, text: textOf(result), json: JSON.stringify(result.structuredContent ?? null), structured: result.structuredContent };
}

describe("the spawned server's answers, half by half", () => {
  it('"which imports failed, and why?": both halves name the failures with their reasons, in the user\'s zone, within budget', async () => {
    const { result, text, json, structured } = await ask("describe_ecs_tasks", { TaskAction: "importimage", TaskStatus: "failed", TimeZone: "Asia/Shanghai", PageSize: 100 });
    expect(result.isError).toBeFalsy();
    const out = structured as DescribeTasksOutput;
    expect(out.Query).toMatchObject({ TaskAction: "ImportImage", TaskStatus: "Failed" });
    expect(out.Tasks.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThanOrEqual(TEXT_BUDGET);
    expect(json.length).toBeLessThanOrEqual(STRUCTURED_BUDGET);
    // The sandbox label, in both halves.
    expect(text).toMatch(/^\[SANDBOX DATA/);
    expect(json).toContain('"Notice":"[SANDBOX DATA');
    for (const t of out.Tasks) {
      expect(text).toContain(t.TaskId);
      expect(text).toContain(t.CreationTimeLocal!);
      if (t.ErrorCode) {
        expect(text).toContain(t.ErrorCode);
        expect(json).toContain(`"ErrorCode":"${t.ErrorCode}"`);
      }
    }
    expect(out.Tasks.some((t) => t.ErrorCode)).toBe(true);
    expect(text).not.toContain("structuredContent");
  });

  it("a capped answer gives the next call in both halves, and every row as a CSV resource", async () => {
    const { result, text, structured } = await ask("describe_ecs_tasks", { AllPages: true });
    const out = structured as DescribeTasksOutput;
    expect(out.RowsOmitted).toBeGreaterThan(0);
    expect(text).toContain(`describe_ecs_tasks ${JSON.stringify(out.Next!.Arguments)}`);
    expect(result.content.some((c) => c.type === "resource_link" && c.uri === out.AllRows!.Uri)).toBe(true);
    const csv = ((await s.client.readResource({ uri: out.AllRows!.Uri })).contents[0] as { text: string }).text;
    expect(csv.trim().split("\r\n")).toHaveLength(out.TotalCount + 1);
  });

  it("the attribute answer is complete in each half: percent, local times, zone note", async () => {
    const list = (await ask("describe_ecs_tasks", { TaskStatus: "Processing", TaskAction: "ImportImage" })).structured as DescribeTasksOutput;
    const id = list.Tasks[0]!.TaskId;
    const { text, json, structured } = await ask("describe_ecs_task_attribute", { TaskId: id });
    const a = structured as TaskAttributeOutput;
    expect(text).toContain(`${id} (ImportImage): Processing, ${a.Progress}%`);
    expect(json).toContain(`"Progress":${a.Progress}`);
    expect(text).toContain(a.CreationTimeLocal!);
    expect(text).toMatch(/server's zone, UTC; pass TimeZone/);
    expect(a.ZoneNote).toMatch(/server's zone, UTC; pass TimeZone/);
  });
});
