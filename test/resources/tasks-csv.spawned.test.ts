// The CSV resource through the built binary (dist/index.js) and the SDK's stdio client, against a
// sandbox in this process: initialize declares resources, the template is listed, a 10,000-task
// region comes back whole, filters and "all" work, and hostile URIs are refused before any request.
// The binary runs on the real clock (the sandbox checks signature timestamps), so assertions
// compare with the sandbox's own data, never with times computed here.
import { ErrorCode, McpError, type TextResourceContents } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiOrder } from "../helpers/api-order.js";
import { generateBulkTasks, startSandbox, type Sandbox, type SandboxTask } from "../../src/sandbox/index.js";
import { TASK_QUERY_URI_TEMPLATE, taskQueryUri, type TaskQuery } from "../../src/tasks/query-uri.js";
import { formatLocal } from "../../src/time/index.js";
import { csvRows } from "../helpers/csv.js";
import { cleanEnv, nonJsonRpcLines, spawnServer, type Spawned } from "../helpers/spawn.js";

const KEY = { id: "LTAI5tCsvSpawnedKey00001", secret: "Csv-Spawned-Secret-Do-Not-Leak-0001" };

let sandbox: Sandbox;
let server: Spawned;
let tasks: SandboxTask[];

beforeAll(async () => {
  const now = new Date();
  tasks = [...generateBulkTasks("cn-hangzhou", 10_000, now, 11), ...generateBulkTasks("cn-shanghai", 200, now, 12)].sort(apiOrder);
  sandbox = await startSandbox({ credentials: [{ accessKeyId: KEY.id, accessKeySecret: KEY.secret }], tasks });
  server = await spawnServer(
    cleanEnv({
      ALIBABA_CLOUD_ACCESS_KEY_ID: KEY.id,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEY.secret,
      ALIBABA_CLOUD_ECS_ENDPOINT: sandbox.url,
      ALIBABA_CLOUD_REGION_ID: "cn-hangzhou",
    }),
  );
});

afterAll(async () => {
  await server?.close();
  await sandbox?.close();
  expect(nonJsonRpcLines(server.transport.rawStdout)).toEqual([]);
  expect(server.transport.rawStdout + server.transport.rawStderr).not.toContain(KEY.secret);
});

const minute = (d: Date) => `${d.toISOString().slice(0, 16)}:00Z`;
/** What the row must say, from the sandbox's own record of the task. */
const expectedRow = (t: SandboxTask) => ({
  TaskId: t.TaskId,
  RegionId: t.RegionId,
  TaskAction: t.TaskAction,
  TaskStatus: t.TaskStatus,
  ResourceId: t.ResourceId,
  CreationTime: minute(t.CreationTime),
  FinishedTime: t.FinishedTime ? minute(t.FinishedTime) : "",
  SupportCancel: String(t.SupportCancel),
});

async function read(q: TaskQuery) {
  const before = sandbox.requests.length;
  const uri = taskQueryUri(q);
  const { contents } = await server.client.readResource({ uri });
  const csv = contents[0] as TextResourceContents;
  expect(csv).toMatchObject({ uri, mimeType: "text/csv" });
  return { ...csvRows(csv.text), contents, requests: sandbox.requests.slice(before) };
}

describe("the CSV resource, spawned", () => {
  it("declares resources at initialize and lists the template", async () => {
    expect(server.client.getServerCapabilities()?.resources).toBeDefined();
    const { resourceTemplates } = await server.client.listResourceTemplates();
    expect(resourceTemplates.map((t) => [t.name, t.uriTemplate, t.mimeType])).toEqual([["ecs_tasks_csv", TASK_QUERY_URI_TEMPLATE, "text/csv"]]);
  });

  it("returns every row of a 10,000-task region once, in the API's order, as the sandbox holds it", async () => {
    const { header, rows, contents, requests } = await read({ RegionId: "cn-hangzhou", TimeZone: "Asia/Shanghai" });
    expect(header).toEqual(["TaskId", "RegionId", "TaskAction", "TaskStatus", "ResourceId", "CreationTime", "CreationTimeLocal", "FinishedTime", "FinishedTimeLocal", "DurationSeconds", "SupportCancel"]);
    const expected = tasks.filter((t) => t.RegionId === "cn-hangzhou");
    expect(rows).toHaveLength(10_000);
    expect(rows.map(({ CreationTimeLocal: _c, FinishedTimeLocal: _f, DurationSeconds: _d, ...r }) => r)).toEqual(expected.map(expectedRow));
    expect(rows[0]!.CreationTimeLocal).toBe(formatLocal("Asia/Shanghai", Date.parse(rows[0]!.CreationTime!)));
    expect(requests.filter((r) => r.action === "DescribeTasks")).toHaveLength(100);
    expect(contents).toHaveLength(1); // real data source: no sandbox label, no failed region
  });

  it("applies a filter and an absolute window", async () => {
    const end = new Date(Date.now() - 5 * 86_400_000);
    const start = new Date(end.getTime() - 10 * 86_400_000);
    const utc = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");
    const q: TaskQuery = { RegionId: "cn-hangzhou", TaskStatus: "Failed", StartTime: utc(start), EndTime: utc(end) };
    const { rows } = await read(q);
    const expected = tasks.filter(
      (t) =>
        t.RegionId === "cn-hangzhou" &&
        t.TaskStatus === "Failed" &&
        t.CreationTime.getTime() >= Date.parse(q.StartTime!) &&
        t.CreationTime.getTime() <= Date.parse(q.EndTime!),
    );
    expect(expected.length).toBeGreaterThan(50);
    expect(rows.map((r) => r.TaskId)).toEqual(expected.map((t) => t.TaskId));
  });

  it('reads every region for "all"', async () => {
    const { rows } = await read({ RegionId: "all", TaskAction: "ExportImage" });
    const expected = tasks.filter((t) => t.TaskAction === "ExportImage");
    expect(new Set(rows.map((r) => r.TaskId))).toEqual(new Set(expected.map((t) => t.TaskId)));
    expect(rows).toHaveLength(expected.length);
    expect(rows.some((r) => r.RegionId === "cn-shanghai")).toBe(true);
    expect(rows.every((r, i) => i === 0 || rows[i - 1]!.CreationTime! >= r.CreationTime!)).toBe(true);
  });

  it.each([
    "ecs-tasks://tasks?RegionId=cn-hangzhou&StartTime=last%20week",
    "ecs-tasks://tasks?RegionId=cn-hangzhou&TaskIds=t-abcd1234%26Action%3DCancelTask",
    "ecs-tasks://tasks?RegionId=../../etc",
    `ecs-tasks://tasks?RegionId=cn-hangzhou&ResourceIds=${"m-x,".repeat(200)}m-y`,
  ])("refuses %s before any request", async (uri) => {
    const before = sandbox.requests.length;
    const err = await server.client.readResource({ uri }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(McpError);
    expect((err as McpError).code).toBe(ErrorCode.InvalidParams);
    expect((err as McpError).message).toMatch(/Expected ecs-tasks:\/\/tasks\?RegionId=/);
    expect(sandbox.requests.length).toBe(before);
  });
});
