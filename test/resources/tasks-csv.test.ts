// The CSV resource through the real SDK client, in memory over the real sandbox: every matching row
// exactly once in the API's order, filters and windows, every region (failures reported), the row
// bound, cancellation, and hostile URIs refused before any request.
import { ErrorCode, McpError, type TextResourceContents } from "@modelcontextprotocol/sdk/types.js";
import { afterEach, describe, expect, it } from "vitest";
import type { DescribeTasksOutput } from "../../src/contracts/describe-tasks.js";
import type { EcsApi } from "../../src/ecs/client.js";
import { RegionResolver } from "../../src/ecs/region.js";
import { EcsApiError } from "../../src/errors.js";
import { tasksCsv } from "../../src/render/tasks-csv.js";
import { apiOrder } from "../helpers/api-order.js";
import { generateBulkTasks, type SandboxTask } from "../../src/sandbox/index.js";
import { SANDBOX_LABEL } from "../../src/server.js";
import { TASK_QUERY_URI_TEMPLATE, taskQueryUri, type TaskQuery } from "../../src/tasks/query-uri.js";
import { RegionCatalog } from "../../src/tasks/regions.js";
import { readTaskRows, type TaskRowsDeps } from "../../src/usecases/task-rows.js";
import { formatLocal } from "../../src/time/index.js";
import { csvRows } from "../helpers/csv.js";
import { FIXED_NOW, startHarness, type Harness, type HarnessOptions } from "../helpers/in-memory.js";

const HEADER = ["TaskId", "RegionId", "TaskAction", "TaskStatus", "ResourceId", "CreationTime", "CreationTimeLocal", "FinishedTime", "FinishedTimeLocal", "DurationSeconds", "SupportCancel"];

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function harness(tasks: SandboxTask[], options: HarnessOptions = {}) {
  h = await startHarness({ ...options, sandbox: { tasks, ...options.sandbox } });
  return h;
}

const bulk = (n: number, region = "cn-hangzhou", seed = 7) => generateBulkTasks(region, n, FIXED_NOW, seed);
const order = (tasks: SandboxTask[]) => [...tasks].sort(apiOrder).map((t) => t.TaskId);

async function read(hh: Harness, q: TaskQuery) {
  const before = hh.sandbox.requests.length;
  const uri = taskQueryUri(q);
  const result = await hh.client.readResource({ uri });
  const [csv, ...notes] = result.contents as TextResourceContents[];
  return { uri, csv: csv!, notes, ...csvRows(csv!.text), requests: hh.sandbox.requests.slice(before) };
}

/** The same query through the tool (AllPages), rendered the same way: what the CSV must equal. */
/**
 * The tool's answer to the same question agrees with the CSV: the same count, and its rows (capped,
 * newest first) are the CSV's first rows, rendered the same way.
 */
async function toolAgrees(hh: Harness, args: Record<string, unknown>, zone: string, csvText: string) {
  const result = await hh.client.callTool({ name: "describe_ecs_tasks", arguments: { IncludeProgress: false, AllPages: true, MaxResults: 10_000, ...args } });
  const out = result.structuredContent as DescribeTasksOutput;
  const lines = csvText.split("\r\n").filter(Boolean);
  expect(lines.length - 1).toBe(out.TotalCount);
  const shown = tasksCsv(out.Tasks.map((t) => ({ ...t, RegionId: t.RegionId ?? out.RegionId })), zone).split("\r\n").filter(Boolean);
  expect(shown.slice(1)).toEqual(lines.slice(1, 1 + out.Returned));
}

async function refusal(promise: Promise<unknown>): Promise<McpError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(McpError);
  return err as McpError;
}

describe("the CSV resource over MCP", () => {
  it("declares resources and lists the template (the only fixed resource is the dashboard view)", async () => {
    const hh = await harness(bulk(5));
    expect(hh.client.getServerCapabilities()?.resources).toBeDefined();
    const { resourceTemplates } = await hh.client.listResourceTemplates();
    expect(resourceTemplates).toEqual([
      expect.objectContaining({ name: "ecs_tasks_csv", uriTemplate: TASK_QUERY_URI_TEMPLATE, mimeType: "text/csv", title: "ECS tasks as CSV" }),
    ]);
    expect((await hh.client.listResources()).resources.map((r) => r.uri)).toEqual(["ui://ecs-tasks-mcp/dashboard.html"]);
  });

  it("returns all 10,000 rows of a region exactly once, in the API's order, 100 per page", async () => {
    const tasks = bulk(10_000);
    const hh = await harness(tasks);
    const { uri, csv, notes, header, rows, requests } = await read(hh, { RegionId: "cn-hangzhou", TimeZone: "Asia/Shanghai" });
    expect(csv).toMatchObject({ uri, mimeType: "text/csv" });
    expect(header).toEqual(HEADER);
    expect(rows.map((r) => r.TaskId)).toEqual(order(tasks));
    expect(new Set(rows.map((r) => r.TaskId)).size).toBe(10_000);
    expect(requests.filter((r) => r.action === "DescribeTasks").map((r) => r.query.PageSize)).toEqual(Array(100).fill("100"));
    await toolAgrees(hh, { RegionId: "cn-hangzhou" }, "Asia/Shanghai", csv.text);
    const row = rows.find((r) => r.FinishedTime)!;
    expect(row.FinishedTimeLocal).toBe(formatLocal("Asia/Shanghai", Date.parse(row.FinishedTime!)));
    expect(rows.every((r) => r.RegionId === "cn-hangzhou")).toBe(true);
    expect(notes).toEqual([{ uri, mimeType: "text/plain", text: SANDBOX_LABEL }]);
  });

  it("applies the filters and the absolute window, the same rows as the tool", async () => {
    const tasks = bulk(3000);
    const hh = await harness(tasks);
    const q: TaskQuery = {
      RegionId: "cn-hangzhou",
      TaskAction: "ImportImage",
      TaskStatus: "Failed",
      StartTime: "2026-11-10T00:00:00Z",
      EndTime: "2026-11-25T12:00:00Z",
      TimeZone: "America/Los_Angeles",
    };
    const { rows, csv } = await read(hh, q);
    const [start, end] = [Date.parse(q.StartTime!), Date.parse(q.EndTime!)];
    const expected = tasks.filter(
      (t) => t.TaskAction === "ImportImage" && t.TaskStatus === "Failed" && t.CreationTime.getTime() >= start && t.CreationTime.getTime() <= end,
    );
    expect(expected.length).toBeGreaterThan(10);
    expect(rows.map((r) => r.TaskId)).toEqual(order(expected));
    await toolAgrees(hh, { ...q }, "America/Los_Angeles", csv.text);
  });

  it('reads every region for "all", newest first, each row with its region', async () => {
    const tasks = [...bulk(250, "cn-hangzhou", 1), ...bulk(180, "cn-beijing", 2), ...bulk(120, "ap-southeast-1", 3)].sort(apiOrder);
    const hh = await harness(tasks);
    const { rows, csv, notes } = await read(hh, { RegionId: "all", TimeZone: "UTC" });
    expect(rows).toHaveLength(550);
    expect(new Set(rows.map((r) => `${r.RegionId}/${r.TaskId}`))).toEqual(new Set(tasks.map((t) => `${t.RegionId}/${t.TaskId}`)));
    for (const region of ["cn-hangzhou", "cn-beijing", "ap-southeast-1"]) {
      expect(rows.filter((r) => r.RegionId === region).map((r) => r.TaskId)).toEqual(order(tasks.filter((t) => t.RegionId === region)));
    }
    expect(rows.every((r, i) => i === 0 || rows[i - 1]!.CreationTime! >= r.CreationTime!)).toBe(true);
    await toolAgrees(hh, { RegionId: "all" }, "UTC", csv.text);
    expect(notes.map((n) => n.text)).toEqual([SANDBOX_LABEL]);
  });

  it('reports a failed region beside the CSV, which holds the others\' rows', async () => {
    const tasks = [...bulk(30, "cn-hangzhou", 1), ...bulk(20, "cn-beijing", 2)].sort(apiOrder);
    const failBeijing = (ecs: EcsApi): EcsApi => ({
      call: (action, params, options) =>
        action === "DescribeTasks" && options?.regionId === "cn-beijing"
          ? Promise.reject(new EcsApiError({ code: "Forbidden.RAM", apiMessage: "not allowed", httpStatus: 403, endpoint: "x", action }))
          : ecs.call(action, params, options),
    });
    const hh = await harness(tasks, { wrapEcs: failBeijing });
    const { rows, notes } = await read(hh, { RegionId: "all" });
    expect(rows.map((r) => r.RegionId)).toEqual(Array(30).fill("cn-hangzhou"));
    expect(rows[0]!.CreationTimeLocal).toBe(""); // no TimeZone in the query
    expect(notes).toHaveLength(1); // one note: the sandbox label, then what is missing
    expect(notes[0]!.text).toMatch(/^\[SANDBOX DATA[^\n]*\nIncomplete: 1 region\(s\) failed and their rows are missing from the CSV:\n- cn-beijing: ECS DescribeTasks failed: Forbidden.RAM/);
  });

  it("refuses a match over 100,000 rows after page 1, asking to narrow the filters", async () => {
    const hh = await harness(bulk(100_001));
    const before = hh.sandbox.requests.length;
    const err = await refusal(hh.client.readResource({ uri: taskQueryUri({ RegionId: "cn-hangzhou" }) }));
    expect(err.code).toBe(ErrorCode.InvalidParams);
    expect(err.message).toMatch(/100001 tasks match in cn-hangzhou; the CSV holds at most 100000\.\nNarrow the filters/);
    expect(hh.sandbox.requests.slice(before).map((r) => r.query.PageNumber)).toEqual(["1"]);
  });

  it("stops reading pages when the client cancels the read", async () => {
    const controller = new AbortController();
    let calls = 0;
    const hh = await harness(bulk(10_000), {
      pageConcurrency: 1,
      wrapEcs: (ecs) => ({
        call: (action, params, options) => {
          if (++calls === 5) controller.abort();
          return ecs.call(action, params, options);
        },
      }),
    });
    const before = hh.sandbox.requests.length;
    await expect(hh.client.readResource({ uri: taskQueryUri({ RegionId: "cn-hangzhou" }) }, { signal: controller.signal })).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 200));
    expect(hh.sandbox.requests.length - before).toBeLessThan(10);
  });

  const HOSTILE: Array<[string, string, RegExp]> = [
    ["a paging parameter", "ecs-tasks://tasks?RegionId=cn-hangzhou&PageSize=1000", /Unknown parameter "PageSize"/],
    ["a relative time", "ecs-tasks://tasks?RegionId=cn-hangzhou&StartTime=yesterday", /StartTime "yesterday" is not an absolute UTC time/],
    ["a region that is a host", "ecs-tasks://tasks?RegionId=evil.example.com%2F", /RegionId "evil.example.com\/" is not a region ID/],
    ["a parameter smuggled into a task ID", "ecs-tasks://tasks?RegionId=cn-hangzhou&TaskIds=t-abcd1234%26Action%3DCancelTask", /TaskIds holds/],
    ["no region", "ecs-tasks://tasks?TaskStatus=Failed", /RegionId is missing/],
    ["a path", "ecs-tasks://tasks/x?RegionId=cn-hangzhou", /must start with ecs-tasks:\/\/tasks\?/],
    ["a status in lower case", "ecs-tasks://tasks?RegionId=cn-hangzhou&TaskStatus=failed", /not one of: Finished, Processing, Failed/],
  ];

  it.each(HOSTILE)("refuses %s with InvalidParams and the reason, before any request", async (_what, uri, reason) => {
    const hh = await harness(bulk(5));
    const before = hh.sandbox.requests.length;
    const err = await refusal(hh.client.readResource({ uri }));
    expect(err.code).toBe(ErrorCode.InvalidParams);
    expect(err.message).toMatch(reason);
    expect(err.message).toMatch(/Expected ecs-tasks:\/\/tasks\?RegionId=/);
    expect(hh.sandbox.requests.length).toBe(before);
  });

  it("refuses URIs the SDK cannot parse or that are not ours, before any request", async () => {
    const hh = await harness(bulk(5));
    const before = hh.sandbox.requests.length;
    // Not a URL at all: the SDK itself answers (before any callback), as an internal error.
    expect((await refusal(hh.client.readResource({ uri: "ecs-tasks://ta sks?RegionId=cn-hangzhou" }))).message).toMatch(/Invalid URL/);
    const other = await refusal(hh.client.readResource({ uri: "file:///etc/passwd" }));
    expect(other).toMatchObject({ code: ErrorCode.InvalidParams });
    expect(other.message).toMatch(/not found/);
    expect(hh.sandbox.requests.length).toBe(before);
  });

  it("redacts a secret quoted in a refusal", async () => {
    const hh = await harness(bulk(5));
    const secret = "Leaky-Secret-Value-0001";
    hh.redactor.registerSecret(secret);
    const err = await refusal(hh.client.readResource({ uri: `ecs-tasks://tasks?RegionId=${secret}` }));
    expect(err.message).not.toContain(secret);
    expect(err.message).toMatch(/RegionId "\[REDACTED\]" is not a region ID/);
  });
});

describe("readTaskRows (the use case, without MCP)", () => {
  const deps = (hh: Harness, o: Partial<TaskRowsDeps> = {}): TaskRowsDeps => ({
    ecs: hh.ecs,
    regions: new RegionResolver("cn-hangzhou", undefined, "/nonexistent-home"),
    now: () => hh.clock.now(),
    regionCatalog: new RegionCatalog(() => hh.clock.now()),
    pageConcurrency: 4,
    regionBudgetMs: 20_000,
    signal: new AbortController().signal,
    ...o,
  });

  it('counts every region first and refuses "all" over the bound before reading further pages', async () => {
    const tasks = [...bulk(150, "cn-hangzhou", 1), ...bulk(150, "cn-beijing", 2)].sort(apiOrder);
    const hh = await harness(tasks);
    const before = hh.sandbox.requests.length;
    await expect(readTaskRows({ RegionId: "all" }, deps(hh, { maxRows: 299 }))).rejects.toThrow(/300 tasks match in all regions together; the CSV holds at most 299/);
    const pages = hh.sandbox.requests.slice(before).filter((r) => r.action === "DescribeTasks");
    expect(pages.every((r) => r.query.PageNumber === "1")).toBe(true);
    const rows = await readTaskRows({ RegionId: "all" }, deps(hh, { maxRows: 300 }));
    expect(rows.Tasks).toHaveLength(300);
    expect(rows.Regions?.find((r) => r.RegionId === "cn-beijing")).toEqual({ RegionId: "cn-beijing", TotalCount: 150, Returned: 150 });
    expect(rows.FailedRegions).toBeUndefined();
  });

  it("checks a TaskQuery built in code, and sends only its known fields", async () => {
    const hh = await harness(bulk(5));
    const before = hh.sandbox.requests.length;
    await expect(readTaskRows({ RegionId: "cn-hangzhou", StartTime: "yesterday" }, deps(hh))).rejects.toThrow(/not an absolute UTC time/);
    expect(hh.sandbox.requests.length).toBe(before);
    const sneaky = { RegionId: "cn-hangzhou", PageSize: 1 } as TaskQuery;
    expect((await readTaskRows(sneaky, deps(hh))).Tasks).toHaveLength(5);
    expect(hh.sandbox.requests.slice(before).map((r) => r.query.PageSize)).toEqual(["100"]);
  });

  it("does nothing once the signal has aborted", async () => {
    const hh = await harness(bulk(5));
    const before = hh.sandbox.requests.length;
    await expect(readTaskRows({ RegionId: "cn-hangzhou" }, deps(hh, { signal: AbortSignal.abort() }))).rejects.toThrow();
    expect(hh.sandbox.requests.length).toBe(before);
  });
});
