// What a model sees, in each client: Claude Desktop reads only the text, Claude Code only
// JSON.stringify(structuredContent). Each test asserts on the two halves separately, through the
// MCP SDK client against the sandbox (the spawned binary: test/conversation.spawned.test.ts).
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterEach, describe, expect, it } from "vitest";
import type { DescribeTasksOutput } from "../src/contracts/describe-tasks.js";
import type { TaskAttributeOutput } from "../src/contracts/task-attribute.js";
import type { WaitForTasksOutput } from "../src/contracts/wait-for-tasks.js";
import { TEXT_BUDGET } from "../src/render/tasks-text.js";
import { generateBulkTasks, generateTasks, type SandboxTask } from "../src/sandbox/index.js";
import { STRUCTURED_BUDGET } from "../src/usecases/describe-tasks.js";
import { apiOrder } from "./helpers/api-order.js";
import { FIXED_NOW, startHarness, textOf, type Harness } from "./helpers/in-memory.js";
import { IMPORT_FAILED, IMPORT_RUNNING, REDEPLOY_RUNNING, manyRunning, progressFixture } from "./progress/fixtures.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function harness(tasks: SandboxTask[], regions?: string[]): Promise<Harness> {
  h = await startHarness({ sandbox: { tasks, ...(regions ? { regions } : {}) } });
  return h;
}

/** Both halves of one answer, as each client's model receives them. */
async function ask(hh: Harness, name: string, args: Record<string, unknown>) {
  const result = (await hh.client.callTool({ name, arguments: args })) as CallToolResult;
  return { result, text: textOf(result), json: JSON.stringify(result.structuredContent ?? null), structured: result.structuredContent };
}

describe("each half is complete and small on its own", () => {
  it("one page of 100: 20 rows in both halves, each under budget, and Next continues exactly at the cut until every row was seen", async () => {
    const tasks = generateBulkTasks("cn-hangzhou", 100, FIXED_NOW, 3);
    const hh = await harness(tasks);
    const expected = [...tasks].sort(apiOrder).map((t) => t.TaskId);
    const seen: string[] = [];
    let args: Record<string, unknown> = { PageSize: 100, IncludeProgress: false };
    for (let calls = 0; calls < 10; calls++) {
      const { text, json, structured } = await ask(hh, "describe_ecs_tasks", args);
      const out = structured as DescribeTasksOutput;
      expect(text.length).toBeLessThanOrEqual(TEXT_BUDGET);
      expect(json.length).toBeLessThanOrEqual(STRUCTURED_BUDGET);
      // Every row shown is in both halves.
      for (const t of out.Tasks) {
        expect(text).toContain(t.TaskId);
        expect(json).toContain(t.TaskId);
      }
      seen.push(...out.Tasks.map((t) => t.TaskId));
      expect(text).not.toContain("structuredContent");
      if (!out.Next) break;
      // The text gives the same next call as the structure.
      expect(text).toContain(`describe_ecs_tasks ${JSON.stringify(out.Next.Arguments)}`);
      args = out.Next.Arguments;
    }
    expect(seen).toEqual(expected);
  });

  it('RegionId "all" over many regions: both halves within budget, per-region counts in both', async () => {
    const regions = ["cn-hangzhou", "cn-shanghai", "cn-beijing", "ap-southeast-1", "us-west-1", "eu-central-1"];
    const hh = await harness(generateTasks({ regions, perRegion: 150, seed: 9, now: FIXED_NOW }), regions);
    const { text, json, structured } = await ask(hh, "describe_ecs_tasks", { RegionId: "all", AllPages: true, MaxResults: 10_000 });
    const out = structured as DescribeTasksOutput;
    expect(out.TotalCount).toBe(900);
    expect(text.length).toBeLessThanOrEqual(TEXT_BUDGET);
    expect(json.length).toBeLessThanOrEqual(STRUCTURED_BUDGET);
    for (const r of regions) {
      expect(text).toContain(`${r} 150`);
      expect(json).toContain(`{"RegionId":"${r}","TotalCount":150`);
    }
    // Every row stays reachable: the CSV link, in both halves.
    expect(out.AllRows?.Uri).toMatch(/^ecs-tasks:\/\/tasks\?RegionId=all/);
    expect(text).toContain(`resources/read ${out.AllRows!.Uri}`);
  });

  it("a large answer links every row as CSV: resource_link in content, the same URI in structuredContent, and reading it returns every row", async () => {
    const tasks = generateBulkTasks("cn-hangzhou", 2500, FIXED_NOW, 5);
    const hh = await harness(tasks);
    const { result, json, structured } = await ask(hh, "describe_ecs_tasks", { AllPages: true, MaxResults: 10_000, IncludeProgress: false });
    const out = structured as DescribeTasksOutput;
    const link = result.content.find((c) => c.type === "resource_link");
    expect(link).toMatchObject({ type: "resource_link", uri: out.AllRows!.Uri, mimeType: "text/csv" });
    expect(json).toContain(out.AllRows!.Uri);
    const read = await hh.client.readResource({ uri: out.AllRows!.Uri });
    const csv = (read.contents[0] as { text: string }).text.trim().split("\r\n");
    expect(csv).toHaveLength(2501);
    expect(csv.slice(1).map((l) => l.split(",")[0])).toEqual([...tasks].sort(apiOrder).map((t) => t.TaskId));
  });
});

describe("one time zone everywhere", () => {
  it("the list, the attribute and the wait answer all show times in the caller's zone, UTC kept beside in structure", async () => {
    const hh = await harness(progressFixture());
    const list = await ask(hh, "describe_ecs_tasks", { TimeZone: "Asia/Shanghai" });
    const attr = await ask(hh, "describe_ecs_task_attribute", { TaskId: IMPORT_RUNNING, TimeZone: "Asia/Shanghai" });
    const wait = await ask(hh, "wait_for_ecs_tasks", { TaskIds: [IMPORT_FAILED], TimeZone: "Asia/Shanghai" });
    // IMPORT_RUNNING was created at 13:46 UTC: 21:46 in Shanghai.
    for (const { text, json } of [list, attr]) {
      expect(text).toContain("2026-11-28 21:46");
      expect(json).toContain('"CreationTime":"2026-11-28T13:46:00Z"');
      expect(json).toContain('"CreationTimeLocal":"2026-11-28 21:46"');
      expect(text).toContain("Times in Asia/Shanghai.");
      expect(json).toContain('"TimeZone":"Asia/Shanghai"');
      expect(json).not.toContain("ZoneNote");
    }
    // IMPORT_FAILED ended at 09:20 UTC: 17:20 in Shanghai.
    expect(wait.text).toContain("ended 2026-11-28 17:20");
    expect(wait.json).toContain('"FinishedTimeLocal":"2026-11-28 17:20"');
  });

  it("without TimeZone, both halves say the server's zone was used and how to pass the user's", async () => {
    const hh = await harness(progressFixture());
    const { text, json } = await ask(hh, "describe_ecs_task_attribute", { TaskId: IMPORT_RUNNING });
    expect(text).toMatch(/server's zone, UTC; pass TimeZone/);
    expect(json).toMatch(/"ZoneNote":"Times are in the server's zone, UTC; pass TimeZone/);
  });

  it("a fixed offset is accepted and echoed; an ambiguous abbreviation is refused with its candidates, before any request", async () => {
    const hh = await harness(progressFixture());
    const offset = await ask(hh, "describe_ecs_task_attribute", { TaskId: IMPORT_RUNNING, TimeZone: "UTC+8" });
    expect(offset.json).toContain('"TimeZone":"UTC+08:00"');
    expect(offset.text).toContain("2026-11-28 21:46");
    const before = hh.sandbox.requests.length;
    for (const tool of ["describe_ecs_tasks", "describe_ecs_task_attribute", "wait_for_ecs_tasks"]) {
      const args = tool === "describe_ecs_tasks" ? { TimeZone: "CST" } : tool === "wait_for_ecs_tasks" ? { TaskIds: [IMPORT_RUNNING], TimeZone: "CST" } : { TaskId: IMPORT_RUNNING, TimeZone: "CST" };
      const { result, text } = await ask(hh, tool, args);
      expect(result.isError).toBe(true);
      expect(text).toMatch(/CST[\s\S]*Asia\/Shanghai[\s\S]*America\/Chicago/);
    }
    expect(hh.sandbox.requests.length).toBe(before);
  });
});

describe("reasons, progress and waiting that help a person", () => {
  it("a failed import row carries its reason, a running one its percent and ETA; RedeployInstance says the API gives neither", async () => {
    const hh = await harness(progressFixture());
    const { text, json, structured } = await ask(hh, "describe_ecs_tasks", {});
    const out = structured as DescribeTasksOutput;
    const failed = out.Tasks.find((t) => t.TaskId === IMPORT_FAILED)!;
    expect(failed).toMatchObject({ ErrorCode: "InvalidOSSObject.NotFound", ErrorMsg: "The specified OSS object does not exist.", Progress: 12 });
    expect(text).toMatch(new RegExp(`${IMPORT_FAILED} \\| ImportImage \\| Failed at 12% .*InvalidOSSObject\\.NotFound: The specified OSS object does not exist\\.`));
    const running = out.Tasks.find((t) => t.TaskId === IMPORT_RUNNING)!;
    expect(running).toMatchObject({ Progress: 40, EtaBasis: "own-pace", EstimatedCompletionTimeLocal: "2026-11-28 14:46" });
    expect(text).toMatch(new RegExp(`${IMPORT_RUNNING} \\| ImportImage \\| Processing 40% \\(cancellable\\) .*\\| ETA 2026-11-28 14:46 \\| running for 24m`));
    const redeploy = out.Tasks.find((t) => t.TaskId === REDEPLOY_RUNNING)!;
    expect(redeploy.Note).toMatch(/no percent and no failure reason for RedeployInstance/);
    expect(json).toContain(redeploy.Note!);
    expect(text).toMatch(new RegExp(`${REDEPLOY_RUNNING} .*API gives no percent/reason`));
    // "Oldest still running" says what it covers, in both halves.
    expect(out.Summary.OldestProcessing).toMatchObject({ TaskId: IMPORT_RUNNING, Covers: "all matching tasks" });
    expect(text).toMatch(/Oldest still running \(all matching\): t-bp1import0000000001 \(ImportImage\) since 2026-11-28 13:46, running for 24m/);
  });

  it("the wait answer counts each outcome and, when the ETA is far beyond the wait, says to report rather than poll", async () => {
    const hh = await harness(progressFixture());
    const { text, json, structured } = await ask(hh, "wait_for_ecs_tasks", { TaskIds: [IMPORT_RUNNING, IMPORT_FAILED, "t-bp1nowhere000000001"], TimeoutSeconds: 10, PollIntervalSeconds: 5 });
    const out = structured as WaitForTasksOutput;
    expect(out.Outcome).toEqual({ Finished: 0, Failed: 1, StillRunning: 1, NotLookedUp: 1 });
    expect(text).toMatch(/^\[SANDBOX DATA[^\n]*\]\nNot done after \d+ check\(s\) in 10s: 1 failed, 1 still running, 1 could not be looked up\./);
    expect(out.Advice).toMatch(/tell the user the progress and that ETA now/);
    expect(text).toContain(out.Advice!);
    expect(json).toContain('"ResumeArguments":{"RegionId":"cn-hangzhou","TaskIds":["t-bp1import0000000001"]');
    expect(text).toContain('call wait_for_ecs_tasks in about');
  });
});

describe("a task is found wherever it lives", () => {
  it("the attribute and wait tools look in every region and answer from the one that has the task, saying so", async () => {
    const far = manyRunning(1)[0]!; // in cn-shanghai
    const hh = await harness([...progressFixture(), far], ["cn-hangzhou", "cn-shanghai", "cn-beijing"]);
    const attr = await ask(hh, "describe_ecs_task_attribute", { TaskId: far.TaskId });
    expect((attr.structured as TaskAttributeOutput).RegionId).toBe("cn-shanghai");
    expect(attr.text).toContain("Not in cn-hangzhou: found in cn-shanghai");
    expect(attr.json).toContain('"Notice":"[SANDBOX DATA');
    expect(attr.json).toContain("Not in cn-hangzhou: found in cn-shanghai");
    const wait = await ask(hh, "wait_for_ecs_tasks", { TaskIds: [far.TaskId], TimeoutSeconds: 5 });
    expect((wait.structured as WaitForTasksOutput).Tasks[0]).toMatchObject({ TaskId: far.TaskId, RegionId: "cn-shanghai", TaskStatus: "Processing" });
    expect(wait.text).toContain("found in cn-shanghai");
    expect((wait.structured as WaitForTasksOutput).ResumeArguments?.RegionId).toBe("cn-shanghai");
  });

  it("a TaskIds filter that finds nothing in its region finds the task where it is", async () => {
    const far = manyRunning(1)[0]!;
    const hh = await harness([...progressFixture(), far], ["cn-hangzhou", "cn-shanghai"]);
    const { text, structured } = await ask(hh, "describe_ecs_tasks", { TaskIds: [far.TaskId] });
    const out = structured as DescribeTasksOutput;
    expect(out.Tasks.map((t) => [t.TaskId, t.RegionId])).toEqual([[far.TaskId, "cn-shanghai"]]);
    expect(out.Query.RegionSource).toBe("search");
    expect(text).toContain("Not in cn-hangzhou: found in cn-shanghai");
  });
});

describe("the model's usual slips", () => {
  it.each([
    [{ TaskStatus: "failed" }, "Failed"],
    [{ TaskStatus: "Running" }, "Processing"],
    [{ TaskStatus: "completed" }, "Finished"],
    [{ TaskStatus: "Error" }, "Failed"],
    [{ TaskAction: "importimage" }, "ImportImage"],
  ])("%j is read as the API's value and echoed canonical", async (args, canonical) => {
    const hh = await harness(progressFixture());
    const { result, json, structured } = await ask(hh, "describe_ecs_tasks", args);
    expect(result.isError).toBeFalsy();
    const q = (structured as DescribeTasksOutput).Query;
    expect([q.TaskStatus, q.TaskAction]).toContain(canonical);
    expect(json).toContain(`"${canonical}"`);
    expect(hh.sandbox.requests.at(0)!.query).toMatchObject("TaskStatus" in args ? { TaskStatus: canonical } : { TaskAction: canonical });
  });

  it.each([
    [{ Status: "Failed" }, /Unknown argument "Status" \(did you mean TaskStatus\?\)/],
    [{ Region: "cn-hangzhou" }, /"Region" \(did you mean RegionId\?\)/],
    [{ TaskId: "t-bp1import0000000001" }, /"TaskId" \(did you mean TaskIds\?\)/],
    [{ Zone: "Asia/Shanghai" }, /"Zone" \(did you mean TimeZone\?\)/],
    [{ PageSize: 500 }, /PageSize is at most 100[\s\S]*AllPages: true/],
    [{ TaskStatus: "Paused" }, /TaskStatus must be one of: Finished, Processing, Failed/],
  ])("%j is refused with the fix, before any request", async (args, message) => {
    const hh = await harness(progressFixture());
    const { result, text } = await ask(hh, "describe_ecs_tasks", args);
    expect(result.isError).toBe(true);
    expect(text).toMatch(message);
    expect(hh.sandbox.requests.length).toBe(0);
  });
});

describe("lean tool descriptions", () => {
  it("what a client sees by default (name + description + input schema) is at most 6,000 characters, with routing and examples", async () => {
    const hh = await harness(progressFixture());
    const { tools } = await hh.client.listTools();
    const size = tools.reduce((n, t) => n + t.name.length + (t.description ?? "").length + JSON.stringify(t.inputSchema).length, 0);
    expect(size).toBeLessThanOrEqual(6_000);
    const list = tools.find((t) => t.name === "describe_ecs_tasks")!;
    expect(list.description).toMatch(/One known task: describe_ecs_task_attribute/);
    expect(list.description).toMatch(/Example: \{/);
    expect(JSON.stringify(list.inputSchema)).toContain("最近2小时");
    for (const t of tools) expect(t.description).not.toMatch(/ECS_TASKS_MCP_|pages at a time/);
  });
});
