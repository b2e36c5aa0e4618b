// Table-driven handler tests (GitHub's MCP server style): each tool's handler on a fake EcsApi, one
// row per situation: what ECS answers, what the handler sends, and what each half of the answer
// says. The end-to-end suites run the same handlers over the sandbox and the MCP SDK client.
import { describe, expect, it } from "vitest";
import type { DescribeTasksOutput } from "../../src/contracts/describe-tasks.js";
import type { TaskAttributeOutput } from "../../src/contracts/task-attribute.js";
import type { WaitForTasksOutput } from "../../src/contracts/wait-for-tasks.js";
import { EcsApiError } from "../../src/errors.js";
import { Redactor } from "../../src/redact.js";
import { describeTaskAttributeTool } from "../../src/tools/describe-task-attribute.js";
import { describeTasksTool } from "../../src/tools/describe-tasks.js";
import type { Tool } from "../../src/tools/define-tool.js";
import { errorResult } from "../../src/tools/error-result.js";
import { waitForTasksTool } from "../../src/tools/wait-for-tasks.js";
import { FakeEcs, NOW, attributeBody, fakeDeps, task, tasksBody, type FakeRoutes } from "../helpers/fake-ecs.js";

const apiError = (code: string, message = "refused") =>
  new EcsApiError({ code, apiMessage: message, httpStatus: 400, requestId: "REQ-ERR", endpoint: "https://ecs.fake.example", action: "DescribeTasks" });

interface Row {
  name: string;
  args: Record<string, unknown>;
  routes: FakeRoutes;
  /** Actions called, in order (with a parameter that tells them apart where useful). */
  calls: string[];
  text?: RegExp[];
  structured?: Record<string, unknown>;
  error?: RegExp[];
}

async function run(tool: Tool, row: Row) {
  const ecs = new FakeEcs(row.routes);
  const deps = fakeDeps(ecs);
  try {
    const answer = await tool.handle(row.args, deps);
    return { ecs, deps, text: answer.text, structured: answer.structured as Record<string, unknown>, isError: false };
  } catch (err) {
    const result = errorResult(err, NOW, new Redactor());
    return { ecs, deps, text: (result.content[0] as { text: string }).text, structured: undefined, isError: true };
  }
}

function check(outcome: Awaited<ReturnType<typeof run>>, row: Row, describeCall: (c: { action: string; params: Record<string, string> }) => string) {
  expect(outcome.ecs.calls.map(describeCall)).toEqual(row.calls);
  for (const re of row.error ?? []) expect(outcome.text).toMatch(re);
  expect(outcome.isError).toBe(row.error !== undefined);
  for (const re of row.text ?? []) expect(outcome.text).toMatch(re);
  if (row.structured) expect(outcome.structured).toMatchObject(row.structured);
}

const listCall = (c: { action: string; params: Record<string, string> }) =>
  c.action === "DescribeImages" ? `DescribeImages ${c.params.ImageId ?? c.params.ImageName ?? ""}` : c.action === "DescribeTasks" ? `DescribeTasks ${c.params.TaskStatus ?? "*"} size=${c.params.PageSize ?? "-"}` : `${c.action} ${c.params.TaskId ?? ""}`.trim();

const failedImport = (id: string) =>
  attributeBody(id, {
    TaskStatus: "Failed",
    TaskProcess: "58%",
    FinishedTime: "2026-11-28T12:30Z",
    OperationProgressSet: { OperationProgress: [{ OperationStatus: "Failed", ErrorCode: "InvalidImageFormat.Mismatch", ErrorMsg: "The image format is invalid." }] },
  });
const twoFinished: FakeRoutes = {
  DescribeTasks: () => tasksBody([task("t-a1111"), task("t-b2222", { TaskStatus: "Failed" })]),
  DescribeTaskAttribute: (p) => failedImport(p.TaskId ?? ""),
};
const regionsBody = { Regions: { Region: [{ RegionId: "cn-hangzhou" }, { RegionId: "cn-shanghai" }] } };

describe("describe_ecs_tasks handler", () => {
  const rows: Row[] = [
    {
      name: "a page that holds the whole match: counts from the rows, no probes; the failed row's reason",
      args: { RegionId: "cn-hangzhou" },
      routes: twoFinished,
      calls: ["DescribeTasks * size=-", "DescribeTaskAttribute t-b2222", "DescribeImages m-bp1fake0000000001"],
      text: [/cn-hangzhou: 2 task\(s\) match; 2 shown, newest first/, /By status \(all matching\): Failed 1, Finished 1/, /t-b2222 \| ImportImage \| Failed at 58% .*\| InvalidImageFormat\.Mismatch: The image format is invalid\./],
      structured: {
        TotalCount: 2,
        Returned: 2,
        HasMore: false,
        Summary: { ByStatus: { Finished: 1, Failed: 1 }, ByActionCovers: "all matching tasks" },
        Tasks: [{ TaskId: "t-a1111" }, { TaskId: "t-b2222", Progress: 58, ErrorCode: "InvalidImageFormat.Mismatch", ErrorMsg: "The image format is invalid." }],
      },
    },
    {
      name: "more than one page: one-row probes per status make the counts exact",
      args: { PageSize: 2 },
      routes: { DescribeTasks: (p) => (p.PageSize === "1" ? tasksBody([], p.TaskStatus === "Finished" ? 40 : 1) : tasksBody([task("t-a1111"), task("t-b2222")], 42)) },
      // The rows shown are known from the page: their image names are asked for beside the count queries.
      calls: ["DescribeTasks * size=2", "DescribeImages m-bp1fake0000000001", "DescribeTasks Finished size=1", "DescribeTasks Processing size=1", "DescribeTasks Failed size=1"],
      text: [/42 task\(s\) match; 2 shown/, /Finished 40, Failed 1, Processing 1/, /describe_ecs_tasks \{"RegionId":"cn-hangzhou","PageNumber":2,"PageSize":2\}/],
      structured: { HasMore: true, Next: { Arguments: { RegionId: "cn-hangzhou", PageNumber: 2, PageSize: 2 } }, Summary: { ByStatusCovers: "all matching tasks", ByActionCovers: "tasks read" } },
    },
    {
      name: "a fixed TaskStatus: TotalCount is the count, no probes",
      args: { TaskStatus: "Failed", PageSize: 1 },
      routes: { DescribeTasks: () => tasksBody([task("t-b2222", { TaskStatus: "Failed" })], 7), DescribeTaskAttribute: (p) => failedImport(p.TaskId ?? "") },
      calls: ["DescribeTasks Failed size=1", "DescribeTaskAttribute t-b2222", "DescribeImages m-bp1fake0000000001"],
      structured: { Summary: { ByStatus: { Failed: 7 } }, Query: { TaskStatus: "Failed", PageSize: 1, RegionSource: "configuration" } },
    },
    {
      name: "a running import gets its percent from DescribeTaskAttribute",
      args: {},
      routes: {
        DescribeTasks: () => tasksBody([task("t-run01", { TaskStatus: "Processing", FinishedTime: "" })]),
        DescribeTaskAttribute: (p) => attributeBody(p.TaskId ?? "", { TaskProcess: "63%" }),
      },
      calls: ["DescribeTasks * size=-", "DescribeTaskAttribute t-run01", "DescribeImages m-bp1fake0000000001"],
      text: [/t-run01 \| ImportImage \| Processing 63% .*\| ETA 2026-11-28 15:26 \| running for 2h 10m/, /Details looked up for 1 running or failed row/],
      structured: { Tasks: [{ TaskId: "t-run01", Progress: 63, DurationSeconds: 7800, EtaBasis: "own-pace", EstimatedCompletionTimeLocal: "2026-11-28 15:26" }] },
    },
    {
      name: "a failed progress lookup marks that task and keeps the page",
      args: {},
      routes: { DescribeTasks: () => tasksBody([task("t-run01", { TaskStatus: "Processing" })]), DescribeTaskAttribute: () => apiError("Forbidden.RAM") },
      calls: ["DescribeTasks * size=-", "DescribeTaskAttribute t-run01", "DescribeImages m-bp1fake0000000001"],
      text: [/1 look-up\(s\) failed/, /look-up failed: Forbidden\.RAM: refused/],
      structured: { Tasks: [{ TaskId: "t-run01", LookupError: "Forbidden.RAM: refused" }] },
    },
    {
      name: "IncludeProgress false: no lookups",
      args: { IncludeProgress: false },
      routes: { DescribeTasks: () => tasksBody([task("t-run01", { TaskStatus: "Processing" })]) },
      calls: ["DescribeTasks * size=-"],
    },
    {
      name: "an Alibaba error: code, message, RequestId and what to do",
      args: { RegionId: "cn-nowhere" },
      routes: { DescribeTasks: () => apiError("InvalidRegionId.NotFound", "The specified RegionId does not exist.") },
      calls: ["DescribeTasks * size=-"],
      error: [/InvalidRegionId\.NotFound — The specified RegionId does not exist\./, /RequestId: REQ-ERR/, /What to do: Use a valid region ID/],
    },
    {
      name: "too many task IDs after splitting: refused before any call",
      args: { TaskIds: Array.from({ length: 60 }, (_, i) => `t-a${String(i).padStart(4, "0")}`).join(",") + "," + Array.from({ length: 60 }, (_, i) => `t-b${String(i).padStart(4, "0")}`).join(",") },
      routes: twoFinished,
      calls: [],
      error: [/TaskIds has 120 IDs; at most 100/],
    },
    {
      name: "a time phrase it cannot read: refused before any call, with the accepted forms",
      args: { TimeRange: "a while back" },
      routes: twoFinished,
      calls: [],
      error: [/Could not understand TimeRange "a while back"/, /Accepted time forms/],
    },
    {
      name: "an answer that is not a DescribeTasks answer: an unusable-answer error quoting its start",
      args: {},
      routes: { DescribeTasks: () => ({ TotalCount: "many", TaskSet: {} }) },
      calls: ["DescribeTasks * size=-"],
      error: [/returned an unusable answer: DescribeTasks answered with a TotalCount that is not a whole number/, /Body starts: /],
    },
  ];

  it.each(rows)("$name", async (row) => {
    const outcome = await run(describeTasksTool, row);
    check(outcome, row, listCall);
    if (outcome.structured) expect((outcome.structured as DescribeTasksOutput).DataSource).toBe("alibaba-cloud");
  });
});

describe("describe_ecs_task_attribute handler", () => {
  const history = () => tasksBody([task("t-h1", { CreationTime: "2026-11-27T10:00Z", FinishedTime: "2026-11-27T11:00Z" })]);
  const rows: Row[] = [
    {
      name: "a running import: percent, and an ETA from its own pace (one reading: creation = 0 %)",
      args: { TaskId: "t-run01", TimeZone: "Asia/Shanghai" },
      routes: { DescribeTaskAttribute: (p) => attributeBody(p.TaskId ?? ""), DescribeTasks: history },
      calls: ["DescribeTasks * size=10", "DescribeTaskAttribute t-run01"],
      text: [/t-run01 \(ImportImage\): Processing, 40%; running for 1h 0m since 2026-11-28 21:10; ETA 2026-11-28 23:40 \(own-pace\)/, /Times in Asia\/Shanghai\./],
      structured: { Progress: 40, EtaBasis: "own-pace", EstimatedCompletionTime: "2026-11-28T15:40:00Z", EstimatedCompletionTimeLocal: "2026-11-28 23:40", RegionId: "cn-hangzhou", TimeZone: "Asia/Shanghai" },
    },
    {
      name: "no percent yet: the ETA comes from this region's recent finished imports",
      args: { TaskId: "t-run01" },
      routes: { DescribeTaskAttribute: (p) => attributeBody(p.TaskId ?? "", { TaskProcess: "" }), DescribeTasks: history },
      calls: ["DescribeTasks * size=10", "DescribeTaskAttribute t-run01", "DescribeTasks Finished size=100"],
      text: [/ETA 2026-11-28 14:10 \(history-median\)/, /Times are in the server.s zone, UTC; pass TimeZone/],
      structured: { EtaBasis: "history-median", EstimatedCompletionTime: "2026-11-28T14:10:00Z", ZoneNote: expect.stringContaining("pass TimeZone") },
    },
    {
      name: "a failure: the operation's code and message, with a plain-language hint",
      args: { TaskId: "t-bad01", RegionId: "cn-shanghai" },
      routes: {
        DescribeTaskAttribute: (p) =>
          attributeBody(p.TaskId ?? "", {
            RegionId: "cn-shanghai",
            TaskStatus: "Failed",
            TaskProcess: "58%",
            FinishedTime: "2026-11-28T13:40Z",
            OperationProgressSet: { OperationProgress: [{ OperationStatus: "Failed", ErrorCode: "InvalidImageFormat.Mismatch", ErrorMsg: "The image format is invalid." }] },
          }),
      },
      calls: ["DescribeTasks * size=10", "DescribeTaskAttribute t-bad01"],
      text: [/Failed because InvalidImageFormat\.Mismatch: The image format is invalid\./, /Hint: The file.s format differs/],
      structured: { TaskStatus: "Failed", Failure: { ErrorCode: "InvalidImageFormat.Mismatch" }, RegionId: "cn-shanghai" },
    },
    {
      name: "an unknown task: looked for in every region, then the API's error and a way forward",
      args: { TaskId: "t-gone1" },
      routes: { DescribeTaskAttribute: () => apiError("InvalidTaskId.NotFound", "The specified task does not exist."), DescribeRegions: () => regionsBody, DescribeTasks: () => tasksBody([]) },
      calls: ["DescribeTasks * size=10", "DescribeTaskAttribute t-gone1", "DescribeRegions", "DescribeTasks * size=10", "DescribeTasks * size=10"],
      error: [/No task t-gone1 in cn-hangzhou, nor in any other region/, /InvalidTaskId\.NotFound — The specified task does not exist\./, /What to do: Check the task ID/],
    },
    {
      name: "a task in another region: found there, answered from there, and said so",
      args: { TaskId: "t-far01" },
      routes: {
        DescribeTaskAttribute: (p) => (p.RegionId === "cn-shanghai" ? attributeBody("t-far01", { RegionId: "cn-shanghai" }) : apiError("InvalidTaskId.NotFound")),
        DescribeRegions: () => regionsBody,
        DescribeTasks: (p) => (p.RegionId === "cn-shanghai" ? tasksBody([task("t-far01", { TaskStatus: "Processing" })]) : tasksBody([])),
      },
      // The task's row (for its image) is read beside each attribute look-up, then the image's name.
      calls: ["DescribeTasks * size=10", "DescribeTaskAttribute t-far01", "DescribeRegions", "DescribeTasks * size=10", "DescribeTasks * size=10", "DescribeTasks * size=10", "DescribeTaskAttribute t-far01", "DescribeImages m-bp1fake0000000001"],
      text: [/^Not in cn-hangzhou: found in cn-shanghai/, /cn-shanghai: t-far01 \(ImportImage\): Processing, 40%/],
      structured: { RegionId: "cn-shanghai", Notice: "Not in cn-hangzhou: found in cn-shanghai (every region was asked)." },
    },
  ];

  it.each(rows)("$name", async (row) => {
    const outcome = await run(describeTaskAttributeTool, row);
    check(outcome, row, listCall);
    if (outcome.structured) expect((outcome.structured as TaskAttributeOutput).RequestId).toMatch(/^REQ-/);
  });

  it("refuses a malformed TaskId before any call", async () => {
    const ecs = new FakeEcs({});
    await expect(describeTaskAttributeTool.handle({ TaskId: "not-a-task" }, fakeDeps(ecs))).rejects.toThrow(/each task ID must look like/);
    expect(ecs.calls).toEqual([]);
  });
});

describe("wait_for_ecs_tasks handler", () => {
  it("polls until the task ends, with increasing progress and a log line per poll", async () => {
    let polls = 0;
    const ecs = new FakeEcs({
      DescribeTaskAttribute: (p) => (++polls < 3 ? attributeBody(p.TaskId ?? "", { TaskProcess: `${polls * 30}%` }) : attributeBody(p.TaskId ?? "", { TaskStatus: "Finished", TaskProcess: "100%", FinishedTime: "2026-11-28T14:10Z" })),
      DescribeTasks: () => tasksBody([]),
    });
    const deps = fakeDeps(ecs);
    const { structured, text } = await waitForTasksTool.handle({ TaskIds: "t-run01", PollIntervalSeconds: 5 }, deps);
    const out = structured as WaitForTasksOutput;
    expect(out).toMatchObject({ Done: true, Polls: 3, ElapsedSeconds: 10, Summary: { Finished: 1 } });
    expect(out.ResumeArguments).toBeUndefined();
    expect(text).toMatch(/^Done after 3 check\(s\) in 10s: 1 finished\./);
    expect(out.Outcome).toEqual({ Finished: 1, Failed: 0, StillRunning: 0, NotLookedUp: 0 });
    expect(deps.progress).toEqual([30, 60, 100]);
    expect(deps.logs).toHaveLength(3);
  });

  it("times out with the exact arguments to resume, for the tasks still running only", async () => {
    const ecs = new FakeEcs({
      DescribeTaskAttribute: (p) => (p.TaskId === "t-done1" ? attributeBody("t-done1", { TaskStatus: "Finished", TaskProcess: "100%" }) : attributeBody(p.TaskId ?? "")),
      DescribeTasks: () => tasksBody([]),
    });
    const { structured, text } = await waitForTasksTool.handle({ TaskIds: ["t-done1", "t-run01"], TimeoutSeconds: 12, PollIntervalSeconds: 5 }, fakeDeps(ecs));
    const out = structured as WaitForTasksOutput;
    expect(out.Done).toBe(false);
    expect(out.ResumeArguments).toEqual({ RegionId: "cn-hangzhou", TaskIds: ["t-run01"], TimeoutSeconds: 12, PollIntervalSeconds: 5 });
    expect(text).toMatch(/^Not done after 4 check\(s\) in 12s: 1 finished, 1 still running\./);
    expect(text).toContain('call wait_for_ecs_tasks in about');
    // The finished task is looked up once; the running one on every poll (at 0, 5, 10 and 12 s).
    expect(ecs.calls.filter((c) => c.action === "DescribeTaskAttribute").map((c) => c.params.TaskId)).toEqual(["t-done1", "t-run01", "t-run01", "t-run01", "t-run01"]);
  });

  it("stops waiting on a task that does not exist and says why", async () => {
    const ecs = new FakeEcs({ DescribeTaskAttribute: () => apiError("InvalidTaskId.NotFound") });
    const { structured } = await waitForTasksTool.handle({ TaskIds: ["t-gone1"] }, fakeDeps(ecs));
    expect(structured).toMatchObject({ Done: true, Polls: 1, Tasks: [{ TaskId: "t-gone1", TaskStatus: "Unknown", LookupError: "InvalidTaskId.NotFound: refused" }] });
  });
});

describe("overlap: look-ups start with the first page, not after the last", () => {
  it("with AllPages, the details of the rows shown are asked for while later pages are still being read", async () => {
    const events: string[] = [];
    let attributeSeen!: () => void;
    const seen = new Promise<void>((resolve) => (attributeSeen = resolve));
    const rows = Array.from({ length: 300 }, (_, i) => task(`t-p${String(i).padStart(5, "0")}`, { TaskStatus: i % 10 === 0 ? "Processing" : "Finished" }));
    const ecs: FakeEcs = new FakeEcs({});
    // Pages after the first answer only once a detail look-up has been sent: were look-ups started
    // after the last page, this call would never end (the test's timeout would fail it).
    ecs.call = async (action, params, options = {}) => {
      ecs.calls.push({ action, params, regionId: options.regionId });
      if (action === "DescribeTaskAttribute") {
        events.push(`attribute ${params.TaskId}`);
        attributeSeen();
        return { body: attributeBody(params.TaskId ?? ""), requestId: "R", endpoint: "e", httpStatus: 200, providerName: "fake", attempts: 1 };
      }
      if (action === "DescribeImages") return { body: { Images: { Image: [] }, TotalCount: 0 }, requestId: "R", endpoint: "e", httpStatus: 200, providerName: "fake", attempts: 1 };
      const page = Number(params.PageNumber ?? "1");
      const size = Number(params.PageSize ?? "10");
      if (page > 1 && size === 100) await seen;
      events.push(`page ${page}/${size}`);
      return { body: tasksBody(rows.slice((page - 1) * size, page * size), rows.length, { number: page, size }), requestId: "R", endpoint: "e", httpStatus: 200, providerName: "fake", attempts: 1 };
    };
    const { structured } = await describeTasksTool.handle({ AllPages: true }, fakeDeps(ecs));
    const out = structured as DescribeTasksOutput;
    expect(out.RowsRead).toBe(300);
    expect(out.Tasks[0]).toMatchObject({ TaskId: "t-p00000", Progress: 40 });
    const firstAttribute = events.findIndex((e) => e.startsWith("attribute"));
    const lastPage = events.lastIndexOf("page 3/100");
    expect(firstAttribute).toBeGreaterThan(-1);
    expect(firstAttribute).toBeLessThan(lastPage);
  });
});
