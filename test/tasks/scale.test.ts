// All pages, exact counts, every region and the text budget, against the sandbox.
import { afterEach, describe, expect, it } from "vitest";
import type { EcsApi } from "../../src/ecs/client.js";
import { generateBulkTasks, generateTasks, type SandboxTask } from "../../src/sandbox/index.js";
import { TEXT_BUDGET } from "../../src/render/tasks-text.js";
import { ROW_CAP, type DescribeTasksOutput } from "../../src/contracts/describe-tasks.js";
import { fetchAllPages } from "../../src/tasks/pages.js";
import { STRUCTURED_BUDGET } from "../../src/usecases/describe-tasks.js";
import { apiOrder } from "../helpers/api-order.js";
import { FIXED_NOW, startHarness, textOf, type Harness, type HarnessOptions } from "../helpers/in-memory.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function harness(tasks: SandboxTask[], options: HarnessOptions = {}) {
  h = await startHarness({ ...options, sandbox: { tasks, ...options.sandbox } });
  return h;
}

const describeTasks = async (hh: Harness, args: Record<string, unknown>) => {
  const before = hh.sandbox.requests.length;
  const result = await hh.client.callTool({ name: "describe_ecs_tasks", arguments: { IncludeProgress: false, ...args } });
  return { result, out: result.structuredContent as DescribeTasksOutput, requests: hh.sandbox.requests.slice(before) };
};

const bulk = (n: number, region = "cn-hangzhou") => generateBulkTasks(region, n, FIXED_NOW, 7);
const expectedOrder = (tasks: SandboxTask[]) => [...tasks].sort(apiOrder).map((t) => t.TaskId);

describe("AllPages", () => {
  it("reads every page in the API's order, up to MaxResults, and says where to go on", async () => {
    const tasks = bulk(1050);
    const hh = await harness(tasks);
    const { out, requests, result } = await describeTasks(hh, { AllPages: true });
    expect(result.isError).toBeFalsy();
    expect(out.TotalCount).toBe(1050);
    expect(out.RowsRead).toBe(1000); // the default MaxResults
    expect(out.Returned).toBe(ROW_CAP);
    expect(out.RowsOmitted).toBe(1000 - ROW_CAP);
    expect(out.Tasks.map((t) => t.TaskId)).toEqual(expectedOrder(tasks).slice(0, ROW_CAP));
    expect(out).toMatchObject({ Truncated: true, HasMore: true, PagesFetched: 10, PageSize: 100 });
    // The next call starts exactly at the first row not shown.
    expect(out.Next?.Arguments).toEqual({ RegionId: "cn-hangzhou", IncludeProgress: false, PageNumber: 2, PageSize: ROW_CAP });
    const pages = requests.filter((r) => r.query.PageSize === "100").map((r) => Number(r.query.PageNumber));
    expect(pages.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Counts stay exact for all 1,050 from three one-row queries.
    expect(requests.filter((r) => r.query.PageSize === "1")).toHaveLength(3);
    const failed = tasks.filter((t) => t.TaskStatus === "Failed").length;
    expect(out.Summary.ByStatus.Failed).toBe(failed);
    expect(out.Summary).toMatchObject({ ByStatusCovers: "all matching tasks", ByActionCovers: "tasks read" });
    expect(Object.values(out.Summary.ByAction).reduce((a, b) => a + b, 0)).toBe(1000);
    expect(out.Query).toMatchObject({ AllPages: true, PageSize: 100, MaxResults: 1000 });
    expect(textOf(result)).toMatch(
      /1050 task\(s\) match; 20 shown, newest first \(1000 read in 10 page\(s\)\)[\s\S]*More: 1030 matching task\(s\) not shown\. Next call, for the tasks after row 20: describe_ecs_tasks \{"RegionId":"cn-hangzhou","IncludeProgress":false,"PageNumber":2,"PageSize":20\}/,
    );
  });

  it("returns everything, with no count queries, when it all fits", async () => {
    const tasks = bulk(250);
    const hh = await harness(tasks);
    const { out, requests } = await describeTasks(hh, { AllPages: true, MaxResults: 300 });
    expect(out.RowsRead).toBe(250);
    expect(out).toMatchObject({ Truncated: false, PagesFetched: 3, Returned: ROW_CAP });
    expect(requests).toHaveLength(3);
    expect(out.Summary.ByActionCovers).toBe("all matching tasks");
    expect(Object.values(out.Summary.ByStatus).reduce((a, b) => a + b, 0)).toBe(250);
  });

  it("cuts at a MaxResults that is not a whole number of pages", async () => {
    const hh = await harness(bulk(400));
    const { out } = await describeTasks(hh, { AllPages: true, MaxResults: 250 });
    expect(out.RowsRead).toBe(250);
    expect(out).toMatchObject({ Truncated: true, PagesFetched: 3 });
  });

  it("drops a task seen twice when new tasks shift the pages while they are read", async () => {
    const tasks = bulk(300);
    let inserted = false;
    let wrapped: EcsApi | undefined;
    const hh = await harness(tasks, {
      pageConcurrency: 1,
      wrapEcs: (ecs: EcsApi): EcsApi => (wrapped = {
        async call(action, params, options) {
          const res = await ecs.call(action, params, options);
          if (!inserted && params.PageNumber === "1") {
            inserted = true; // a new task arrives on top: every later page starts one task later
            h!.sandbox.tasks = [{ ...tasks[0]!, TaskId: "t-bp1brandnew00000000", CreationTime: new Date(FIXED_NOW.getTime() - 1000) }, ...h!.sandbox.tasks];
          }
          return res;
        },
      }),
    });
    const before = hh.sandbox.requests.length;
    const read = await fetchAllPages({ RegionId: "cn-hangzhou" }, 1000, { ecs: wrapped!, now: () => FIXED_NOW, concurrency: 1 });
    const requests = hh.sandbox.requests.slice(before);
    const ids = read.Tasks.map((t) => t.TaskId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(read.DuplicatesDropped).toBe(1);
    // The gap the shift left at the end is filled by reading one page more.
    expect(ids).toEqual(expectedOrder(tasks));
    expect(requests.filter((r) => r.query.PageSize === "100").map((r) => r.query.PageNumber)).toEqual(["1", "2", "3", "4"]);
  });

  it("fails the call naming the page when a page fails for good", async () => {
    const refuse = { kind: "error", status: 400, code: "InvalidParameter", message: "The specified parameter PageNumber is not valid." } as const;
    const hh = await harness(bulk(500), {
      pageConcurrency: 1,
      // Queue the fault just before page 4 goes out, so it is page 4 that fails.
      wrapEcs: (ecs: EcsApi): EcsApi => ({
        call(action, params, options) {
          if (params.PageNumber === "4" && params.PageSize === "100") h!.sandbox.injectFaults([refuse]);
          return ecs.call(action, params, options);
        },
      }),
    });
    const { result } = await describeTasks(hh, { AllPages: true });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^While reading page 4 of the results: ECS DescribeTasks failed: InvalidParameter[\s\S]*RequestId/);
  });
});

describe("exact counts", () => {
  it("counts 100,000 matching tasks exactly in four requests", async () => {
    const tasks = bulk(100_000);
    const hh = await harness(tasks);
    const { out, requests } = await describeTasks(hh, { PageSize: 1 });
    expect(requests).toHaveLength(4);
    expect(out.TotalCount).toBe(100_000);
    for (const status of ["Finished", "Processing", "Failed"]) {
      expect(out.Summary.ByStatus[status]).toBe(tasks.filter((t) => t.TaskStatus === status).length);
    }
    expect(out.Summary.ByActionCovers).toBe("tasks read");
  });

  it("needs no extra query when TaskStatus is fixed or the page holds everything", async () => {
    const hh = await harness(bulk(30));
    const fixed = await describeTasks(hh, { TaskStatus: "Failed" });
    expect(fixed.requests).toHaveLength(1);
    expect(fixed.out.Summary.ByStatus).toEqual(fixed.out.TotalCount ? { Failed: fixed.out.TotalCount } : {});
    const whole = await describeTasks(hh, { PageSize: 100 });
    expect(whole.requests).toHaveLength(1);
    expect(whole.out.Summary.ByActionCovers).toBe("all matching tasks");
  });
});

describe('RegionId "all"', () => {
  const regions = ["cn-hangzhou", "cn-shanghai", "cn-beijing", "ap-southeast-1"];

  it("asks every region, merges newest first with the region on each task, and caches the region list", async () => {
    const tasks = generateTasks({ regions, perRegion: 12, seed: 3, now: FIXED_NOW });
    const hh = await harness(tasks, { sandbox: { regions } });
    const { out, requests, result } = await describeTasks(hh, { RegionId: "all", PageSize: 100 });
    expect(result.isError).toBeFalsy();
    expect(requests[0]!.action).toBe("DescribeRegions");
    expect(out.RegionId).toBe("all");
    expect(out.Regions?.map((r) => r.RegionId).sort()).toEqual([...regions].sort());
    expect(out.Regions?.every((r) => r.Error === undefined && r.TotalCount === 12)).toBe(true);
    expect(out.TotalCount).toBe(48);
    expect(out.RowsRead).toBe(48);
    expect(out.Returned).toBe(ROW_CAP);
    // Newest first across regions (to the minute, as the API reports), each region's own order kept.
    const times = out.Tasks.map((t) => t.CreationTime!);
    expect(times).toEqual([...times].sort().reverse());
    const newest = [...tasks].sort((a, b) => b.CreationTime.getTime() - a.CreationTime.getTime()).slice(0, ROW_CAP).map((t) => t.CreationTime.toISOString().slice(0, 16));
    expect(times.map((t) => t.slice(0, 16))).toEqual(newest);
    for (const region of regions) {
      const mine = tasks.filter((t) => t.RegionId === region);
      const shown = out.Tasks.filter((t) => t.RegionId === region).map((t) => t.TaskId);
      expect(shown).toEqual(expectedOrder(mine).slice(0, shown.length));
    }
    const text = textOf(result);
    expect(text).toMatch(/All regions: 48 task\(s\) match; 20 shown[\s\S]*Regions with tasks: [a-z0-9-]+ 12, [\s\S]*TaskId \| Region \| Action/);
    expect(text).not.toContain("structuredContent");

    const again = await describeTasks(hh, { RegionId: "all" });
    expect(again.requests.filter((r) => r.action === "DescribeRegions")).toHaveLength(0);
  });

  it("lists a region that failed with its error instead of dropping it", async () => {
    const tasks = generateTasks({ regions, perRegion: 5, seed: 4, now: FIXED_NOW });
    const hh = await harness(tasks, { sandbox: { regions } });
    hh.sandbox.injectFaults([{ kind: "error", status: 403, code: "Forbidden.RAM", message: "User not authorized to operate on the specified resource." }], {
      action: "DescribeTasks",
    });
    const { out, result } = await describeTasks(hh, { RegionId: "all" });
    expect(result.isError).toBeFalsy();
    const failed = out.Regions!.filter((r) => r.Error);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.Error).toMatch(/Forbidden.RAM/);
    expect(out.TotalCount).toBe(15);
    expect(textOf(result)).toMatch(/failed \(1\): [a-z0-9-]+: .*Forbidden.RAM/);
  });

  it("gives a slow region its time budget, then reports it", async () => {
    const tasks = generateTasks({ regions, perRegion: 5, seed: 5, now: FIXED_NOW });
    const hh = await harness(tasks, { sandbox: { regions }, regionBudgetMs: 300 });
    hh.sandbox.injectFaults([{ kind: "slow", ms: 10_000 }], { action: "DescribeTasks" });
    const { out } = await describeTasks(hh, { RegionId: "all" });
    const slow = out.Regions!.filter((r) => r.Error);
    expect(slow).toHaveLength(1);
    expect(slow[0]!.Error).toMatch(/no complete answer within 0.3 s/);
    expect(out.Regions!.filter((r) => !r.Error)).toHaveLength(3);
  });
});

describe("output budget", () => {
  it("keeps each half within budget for 10,000 tasks: text under 6,000 characters, structuredContent under 24,000", async () => {
    const hh = await harness(bulk(10_000));
    const { out, result } = await describeTasks(hh, { AllPages: true, MaxResults: 10_000, IncludeProgress: true });
    expect(out.RowsRead).toBe(10_000);
    expect(out.PagesFetched).toBe(100);
    const text = textOf(result);
    expect(text.length).toBeLessThanOrEqual(TEXT_BUDGET);
    expect(JSON.stringify(result.structuredContent).length).toBeLessThanOrEqual(STRUCTURED_BUDGET);
    expect(out.Returned).toBeGreaterThan(0);
    // Counts are exact over everything read, whatever is shown.
    expect(Object.values(out.Summary.ByAction).reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(text).not.toContain("structuredContent");
    expect(text).toContain(`describe_ecs_tasks ${JSON.stringify(out.Next!.Arguments)}`);
    expect(text).not.toMatch(/^\s*\{/m); // no JSON dump
    const firstLines = text.split("\n").slice(0, 4).join("\n");
    expect(firstLines).toMatch(/10000 task\(s\) match[\s\S]*By status \(all matching\)/);
  });
});
