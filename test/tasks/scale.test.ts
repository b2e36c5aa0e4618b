// All pages, exact counts, every region and the text budget, against the sandbox.
import { afterEach, describe, expect, it } from "vitest";
import type { EcsApi } from "../../src/ecs/client.js";
import { generateBulkTasks, generateTasks, type SandboxTask } from "../../src/sandbox/index.js";
import { TEXT_BUDGET } from "../../src/render/tasks-text.js";
import type { DescribeTasksOutput } from "../../src/tools/describe-tasks.js";
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
/**
 * The order DescribeTasks answers in, written out here rather than imported so the test checks the
 * sandbox instead of agreeing with it: newest CreationTime first (to the millisecond the sandbox
 * keeps, finer than the minute the API shows), ties broken by TaskId in code-unit order.
 */
const apiOrder = (a: SandboxTask, b: SandboxTask): number =>
  b.CreationTime.getTime() - a.CreationTime.getTime() || (a.TaskId < b.TaskId ? -1 : a.TaskId > b.TaskId ? 1 : 0);
const expectedOrder = (tasks: SandboxTask[]) => [...tasks].sort(apiOrder).map((t) => t.TaskId);

describe("AllPages", () => {
  it("reads every page in the API's order, up to MaxResults, and says where to go on", async () => {
    const tasks = bulk(1050);
    const hh = await harness(tasks);
    const { out, requests, result } = await describeTasks(hh, { AllPages: true });
    expect(result.isError).toBeFalsy();
    expect(out.TotalCount).toBe(1050);
    expect(out.Returned).toBe(1000); // the default MaxResults
    expect(out.Tasks.map((t) => t.TaskId)).toEqual(expectedOrder(tasks).slice(0, 1000));
    expect(out).toMatchObject({ Truncated: true, HasMore: true, NextPageNumber: 11, PagesFetched: 10, PageSize: 100 });
    const pages = requests.filter((r) => r.query.PageSize === "100").map((r) => Number(r.query.PageNumber));
    expect(pages.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Counts stay exact for all 1,050 from three one-row queries.
    expect(requests.filter((r) => r.query.PageSize === "1")).toHaveLength(3);
    const failed = tasks.filter((t) => t.TaskStatus === "Failed").length;
    expect(out.Summary.ByStatus.Failed).toBe(failed);
    expect(out.Summary).toMatchObject({ ByStatusCovers: "all matching tasks", ByActionCovers: "returned tasks" });
    expect(out.Query).toMatchObject({ AllPages: true, PageSize: 100, MaxResults: 1000 });
    expect(textOf(result)).toMatch(/1050 task\(s\) match; 1000 returned \(10 page\(s\) read\)[\s\S]*50 not returned \(MaxResults reached\); call again with PageNumber=11 \(AllPages\)/);
  });

  it("returns everything, with no count queries, when it all fits", async () => {
    const tasks = bulk(250);
    const hh = await harness(tasks);
    const { out, requests } = await describeTasks(hh, { AllPages: true, MaxResults: 300 });
    expect(out.Returned).toBe(250);
    expect(out).toMatchObject({ Truncated: false, HasMore: false, PagesFetched: 3 });
    expect(out.NextPageNumber).toBeUndefined();
    expect(requests).toHaveLength(3);
    expect(out.Summary.ByActionCovers).toBe("all matching tasks");
    expect(Object.values(out.Summary.ByStatus).reduce((a, b) => a + b, 0)).toBe(250);
  });

  it("cuts at a MaxResults that is not a whole number of pages", async () => {
    const hh = await harness(bulk(400));
    const { out } = await describeTasks(hh, { AllPages: true, MaxResults: 250 });
    expect(out.Returned).toBe(250);
    expect(out).toMatchObject({ Truncated: true, NextPageNumber: 3, PagesFetched: 3 });
  });

  it("drops a task seen twice when new tasks shift the pages while they are read", async () => {
    const tasks = bulk(300);
    let inserted = false;
    const hh = await harness(tasks, {
      pageConcurrency: 1,
      wrapEcs: (ecs: EcsApi): EcsApi => ({
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
    const { out, requests } = await describeTasks(hh, { AllPages: true });
    const ids = out.Tasks.map((t) => t.TaskId);
    expect(new Set(ids).size).toBe(ids.length);
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
    expect(out.Summary.ByActionCovers).toBe("returned tasks");
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
    // Newest first across regions (to the minute, as the API reports), each region's own order kept.
    const times = out.Tasks.map((t) => t.CreationTime!);
    expect(times).toEqual([...times].sort().reverse());
    expect(out.Tasks.map((t) => t.TaskId).sort()).toEqual(tasks.map((t) => t.TaskId).sort());
    for (const region of regions) {
      const mine = tasks.filter((t) => t.RegionId === region);
      expect(out.Tasks.filter((t) => t.RegionId === region).map((t) => t.TaskId)).toEqual(expectedOrder(mine));
    }
    expect(out.Tasks.find((t) => t.TaskId === tasks[0]!.TaskId)?.RegionId).toBe(tasks[0]!.RegionId);
    expect(textOf(result)).toMatch(/All regions \(4\): 48 task\(s\) match[\s\S]*TaskId \| Region \| Action/);

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
    expect(textOf(result)).toMatch(/Regions that failed \(1\): [a-z0-9-]+: .*Forbidden.RAM/);
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
  it("keeps the text under about 6,000 characters for 10,000 tasks while structuredContent has them all", async () => {
    const hh = await harness(bulk(10_000));
    const { out, result } = await describeTasks(hh, { AllPages: true, MaxResults: 10_000 });
    expect(out.Returned).toBe(10_000);
    expect(out.PagesFetched).toBe(100);
    const text = textOf(result);
    expect(text.length).toBeLessThanOrEqual(TEXT_BUDGET);
    expect(text).toMatch(/\(9970 more row\(s\) in structuredContent\.Tasks\)/);
    expect(text).not.toMatch(/^\s*\{/m); // no JSON dump
    const firstLines = text.split("\n").slice(0, 4).join("\n");
    expect(firstLines).toMatch(/10000 task\(s\) match[\s\S]*By status \(all matching\)/);
  });
});
