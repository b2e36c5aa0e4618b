// Issue 12, point 7: RegionId "all" stays bounded. Many failing regions give a short failed-regions
// line (counts by error code, a few examples); a caller with a progress token hears of each region
// as it answers or fails; MaxResults is a total across regions, reading stops once it is reached,
// counts by status stay exact, and the answer says which regions were not fully read.
import { afterEach, describe, expect, it } from "vitest";
import type { DescribeTasksOutput } from "../../src/contracts/describe-tasks.js";
import { TEXT_BUDGET } from "../../src/render/tasks-text.js";
import { generateBulkTasks, type SandboxFault } from "../../src/sandbox/index.js";
import { liveStatus } from "../../src/sandbox/live.js";
import { FIXED_NOW, startHarness, textOf, type Harness, type HarnessOptions } from "../helpers/in-memory.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** `n` plausible region IDs: xa-test-1, xb-test-2 ... */
const regionIds = (n: number) => Array.from({ length: n }, (_, i) => `x${String.fromCharCode(97 + (i % 26))}-test-${i + 1}`);

async function harness(options: HarnessOptions): Promise<Harness> {
  h = await startHarness(options);
  return h;
}

async function allRegions(hh: Harness, args: Record<string, unknown>, onprogress?: (p: { progress: number; total?: number; message?: string }) => void) {
  const before = hh.sandbox.requests.length;
  const result = await hh.client.callTool(
    { name: "describe_ecs_tasks", arguments: { RegionId: "all", IncludeProgress: false, ...args } },
    undefined,
    onprogress ? { onprogress } : undefined,
  );
  expect(result.isError, textOf(result)).toBeFalsy();
  return { result, text: textOf(result), out: result.structuredContent as DescribeTasksOutput, requests: hh.sandbox.requests.slice(before) };
}

describe("many failing regions", () => {
  it("40 failures with long messages: counts by code and three examples, within the text budget", async () => {
    const regions = regionIds(40);
    const hh = await harness({ sandbox: { regions, tasksPerRegion: 3 } });
    const faults: SandboxFault[] = regions.map((_, i) => ({
      kind: "error",
      status: i % 4 === 0 ? 403 : 400,
      code: i % 4 === 0 ? "Forbidden.RAM" : `Some.Failure${i % 3}`,
      message: `${"a long upstream message ".repeat(100)}#${i}`,
    }));
    hh.sandbox.injectFaults(faults, { action: "DescribeTasks" });
    const { text, out } = await allRegions(hh, { TaskStatus: "Finished" });
    expect(out.Regions!.filter((r) => r.Error)).toHaveLength(40);
    const line = text.split("\n").find((l) => l.includes("failed (40)"))!;
    expect(line).toMatch(/failed \(40\): ((Forbidden\.RAM|Some\.Failure\d) 10, ){3}(Forbidden\.RAM|Some\.Failure\d) 10; e\.g\. /);
    expect(line).toMatch(/; 37 more\.$/);
    expect(text).not.toContain("structuredContent");
    expect(line.length).toBeLessThan(1_000);
    expect(text.length).toBeLessThanOrEqual(TEXT_BUDGET);
    // Each region's error in structuredContent is bounded too (redacted, then cut).
    for (const r of out.Regions!) {
      expect(r.Error!.length).toBeLessThanOrEqual(500);
      expect(r.ErrorCode).toMatch(/^(Forbidden\.RAM|Some\.Failure\d)$/);
    }
  });

  it("a few failures are listed one by one, as before", async () => {
    const regions = regionIds(4);
    const hh = await harness({ sandbox: { regions, tasksPerRegion: 3 } });
    hh.sandbox.injectFaults([{ kind: "error", status: 403, code: "Forbidden.RAM", message: "denied" }], { action: "DescribeTasks" });
    const { text } = await allRegions(hh, { TaskStatus: "Finished" });
    expect(text).toMatch(/failed \(1\): x[a-z]-test-\d+: ECS DescribeTasks failed: Forbidden.RAM — denied/);
  });
});

describe("progress while regions answer", () => {
  it("one notification per region as it answers, fails or runs out of time, with a progress token", async () => {
    const regions = regionIds(12);
    const hh = await harness({ sandbox: { regions, tasksPerRegion: 3 }, regionBudgetMs: 2_000 });
    // Four regions never answer within their budget, two fail, six answer.
    hh.sandbox.injectFaults(
      [
        ...Array.from({ length: 4 }, (): SandboxFault => ({ kind: "slow", ms: 30_000 })),
        ...Array.from({ length: 2 }, (): SandboxFault => ({ kind: "error", status: 400, code: "Some.Failure", message: "no" })),
      ],
      { action: "DescribeTasks" },
    );
    const seen: Array<{ progress: number; total?: number; message?: string }> = [];
    const { out } = await allRegions(hh, { TaskStatus: "Finished" }, (p) => seen.push(p));
    expect(seen.map((p) => p.progress)).toEqual(regions.map((_, i) => i + 1));
    expect(seen.every((p) => p.total === 12)).toBe(true);
    expect(seen.filter((p) => / failed\)$/.test(p.message ?? ""))).toHaveLength(6);
    expect(seen.at(-1)!.message).toMatch(/^12 of 12 regions answered/);
    expect(out.Regions!.filter((r) => r.ErrorCode === "RegionTimeout")).toHaveLength(4);
  });

  it("no notifications without a progress token", async () => {
    const hh = await harness({ sandbox: { regions: regionIds(3), tasksPerRegion: 3 } });
    await allRegions(hh, { TaskStatus: "Finished" });
    expect(hh.serverMessages.filter((m) => "method" in m && m.method === "notifications/progress")).toHaveLength(0);
  });
});

describe("MaxResults is a total across regions", () => {
  const REGIONS = regionIds(30);
  const PER_REGION = 1_000;
  const tasks = () => REGIONS.flatMap((r, i) => generateBulkTasks(r, PER_REGION, FIXED_NOW, 100 + i));

  it("AllPages over 30 regions of 1,000 tasks, MaxResults 500: reading stops early, counts stay exact", async () => {
    const all = tasks();
    const hh = await harness({ sandbox: { regions: REGIONS, tasks: all } });
    const { out, text, requests } = await allRegions(hh, { AllPages: true, MaxResults: 500 });
    expect(out.RowsRead).toBe(500);
    expect(out.TotalCount).toBe(30 * PER_REGION);
    expect(out.Truncated).toBe(true);
    // Exact counts by status, over all 30,000 tasks.
    const expected: Record<string, number> = {};
    for (const t of all) {
      const s = liveStatus(t, FIXED_NOW);
      expected[s] = (expected[s] ?? 0) + 1;
    }
    expect({ ...out.Summary.ByStatus }).toEqual(expected);
    // Rows read: far fewer 100-row pages than the 300 of reading everything.
    const pages = requests.filter((r) => r.action === "DescribeTasks" && r.query.PageSize === "100");
    expect(pages.length).toBeLessThanOrEqual(80);
    expect(out.Regions!.every((r) => r.TotalCount === PER_REGION)).toBe(true);
    const notFully = out.Regions!.filter((r) => r.FullyRead === false);
    expect(notFully).toHaveLength(30);
    expect(out.Regions!.filter((r) => r.Returned === 0).length).toBeGreaterThan(15);
    expect(text).toMatch(/Not fully read \(MaxResults is a total across regions, and was reached\): .*; 27 more\. Counts by status stay exact\./);
  });

  it("one page per region, MaxResults 150: regions reached after 150 rows are held only count", async () => {
    const hh = await harness({ sandbox: { regions: REGIONS, tasks: tasks() } });
    const { out, requests } = await allRegions(hh, { PageSize: 100, MaxResults: 150 });
    expect(out.RowsRead).toBe(150);
    expect(out.TotalCount).toBe(30 * PER_REGION);
    expect(out.Truncated).toBe(true);
    const pages = requests.filter((r) => r.action === "DescribeTasks" && r.query.PageSize === "100");
    expect(pages.length).toBeLessThanOrEqual(8); // the first batch of regions, in flight together
    expect(Object.values(out.Summary.ByStatus).reduce((a, b) => a + b, 0)).toBe(30 * PER_REGION);
  });

  it("when everything fits, every region is read whole", async () => {
    const hh = await harness({ sandbox: { regions: regionIds(3), tasksPerRegion: 20 } });
    const { out, text } = await allRegions(hh, { AllPages: true, MaxResults: 1000 });
    expect(out.Truncated).toBe(false);
    expect(out.Regions!.every((r) => r.FullyRead === true)).toBe(true);
    expect(text).not.toMatch(/Not fully read/);
  });
});
