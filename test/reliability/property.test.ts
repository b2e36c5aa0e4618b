// fast-check over describe_ecs_tasks input, in memory (2,000+ argument objects): every answer is a
// schema-valid result or an isError with text; structurally invalid input never reaches the
// sandbox; every request that does reach it carries only whitelisted names and pattern-valid values;
// and no call makes more requests than its input allows (AllPages, MaxResults and RegionId "all"
// included), nor looks up progress for a task it did not return.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { generateBulkTasks, generateTasks, type SandboxTask } from "../../src/sandbox/index.js";
import type { DescribeTasksOutput } from "../../src/contracts/describe-tasks.js";
import { describeTasksTool } from "../../src/tools/describe-tasks.js";
import { FIXED_NOW, startHarness, textOf, type Harness } from "../helpers/in-memory.js";
import { manyRunning } from "../progress/fixtures.js";
import { describeTasksArgs, LOOKUPS_PER_CALL, PROGRESS_ACTIONS, REGIONS, requestBound, structuralProblem } from "./arbitraries.js";
import { requestProblems, STACK_LINE } from "./support.js";

/**
 * Small, but enough for every multiplier: 160 tasks in the default region (AllPages reads 2 pages),
 * 30 running imports and disk changes in cn-shanghai (past the 20 progress look-ups a call may
 * make), 10 tasks in each other region (RegionId "all" asks all 5). Nothing changes during the run
 * and the clock stands still.
 */
function dataset(): SandboxTask[] {
  return [
    ...generateBulkTasks("cn-hangzhou", 150, FIXED_NOW, 11),
    ...manyRunning(30),
    ...generateTasks({ regions: REGIONS, perRegion: 10, seed: 1, now: FIXED_NOW }),
  ];
}

let h: Harness;
let regionSize: Map<string, number>;
beforeAll(async () => {
  const tasks = dataset();
  regionSize = new Map(REGIONS.map((r) => [r, tasks.filter((t) => t.RegionId === r).length]));
  h = await startHarness({ sandbox: { tasks, regions: REGIONS } });
});
afterAll(() => h.close());

export function checkAnswer(result: CallToolResult, args: Record<string, unknown>): void {
  const text = textOf(result);
  if (result.isError) {
    expect(text.length, JSON.stringify(args)).toBeGreaterThan(0);
    expect(text).not.toMatch(STACK_LINE);
    expect(result.structuredContent).toBeUndefined();
  } else {
    const parsed = describeTasksTool.outputSchema.safeParse(result.structuredContent);
    expect(parsed.success, JSON.stringify(args)).toBe(true);
    expect(text.length).toBeGreaterThan(0);
  }
}

describe("describe_ecs_tasks over generated input (in memory)", () => {
  it("2,400 argument objects: valid answers or clear errors; nothing invalid reaches the sandbox; no call exceeds its request bound", async () => {
    const host = new URL(h.sandbox.url).host;
    let valid = 0;
    let refusedStructurally = 0;
    let sent = 0;
    let severalPages = 0;
    let everyRegion = 0;
    let lookupCap = 0;
    let regionLists = 0;
    let nameSearches = 0;
    await fc.assert(
      fc.asyncProperty(describeTasksArgs, async (args) => {
        const at = JSON.stringify(args);
        const before = h.sandbox.requests.length;
        const result = (await h.client.callTool({ name: "describe_ecs_tasks", arguments: args })) as CallToolResult;
        checkAnswer(result, args);
        const reached = h.sandbox.requests.slice(before);
        const problem = structuralProblem(args);
        if (problem) {
          refusedStructurally++;
          expect(result.isError, `${problem}: ${at}`).toBe(true);
          expect(reached, `${problem}: ${at}`).toEqual([]);
          return;
        }
        if (reached.length > 0) sent++;
        const all = args.RegionId === "all";
        for (const req of reached) {
          expect(requestProblems(req, host), at).toEqual([]);
          if (req.action === "DescribeRegions") continue;
          // RegionId "all", or TaskIds sought in every region when they are not in the one asked.
          if (all || "TaskIds" in args) expect(REGIONS, at).toContain(req.query.RegionId);
          else expect(req.query.RegionId, at).toBe(typeof args.RegionId === "string" ? args.RegionId : "cn-hangzhou");
          if (args.AllPages === true && req.action === "DescribeTasks") expect(["1", "100"], at).toContain(req.query.PageSize);
        }

        // The bound, from the matching counts the answer reports (each at most its region's size), or
        // from the region's size when the call failed.
        const out = result.isError ? undefined : (result.structuredContent as DescribeTasksOutput);
        if (out) valid++;
        // Every region was asked; the answer lists those with tasks and those that failed.
        if (out && all) for (const r of out.Regions ?? []) expect(REGIONS, at).toContain(r.RegionId);
        const size = (regionId: string) => regionSize.get(regionId) ?? 0;
        const totalIn = (regionId: string): number => {
          const reported = all ? (out?.Regions?.find((r) => r.RegionId === regionId)?.TotalCount ?? (out ? 0 : undefined)) : out?.TotalCount;
          if (reported === undefined) return size(regionId);
          expect(reported, at).toBeLessThanOrEqual(size(regionId));
          return reported;
        };
        const regionOf = (t: { RegionId?: string }) => t.RegionId ?? out?.Query.RegionId;
        const candidates = new Set(
          out?.Tasks.filter((t) => (t.TaskStatus === "Processing" || t.TaskStatus === "Failed") && PROGRESS_ACTIONS.has(t.TaskAction)).map(
            (t) => `${regionOf(t)}/${t.TaskId}`,
          ),
        );
        // The data stands still, so no task shifts between pages and no fill page is ever needed.
        const bound = requestBound(args, REGIONS, totalIn, out ? candidates.size : undefined, 0);
        const count = (action: string) => reached.filter((r) => r.action === action).length;
        expect(reached.length, at).toBe(count("DescribeTasks") + count("DescribeTaskAttribute") + count("DescribeRegions") + count("DescribeImages"));
        // Image names: at most one DescribeImages per region of the rows shown, none when IncludeProgress is false.
        // With ImageName: the name search, and with no match one listing for the closest names.
        const imageRegions = reached.filter((r) => r.action === "DescribeImages" && r.query.ImageOwnerAlias === undefined).map((r) => r.query.RegionId);
        expect(new Set(imageRegions).size, at).toBe(imageRegions.length);
        if (args.IncludeProgress === false) expect(imageRegions, at).toEqual([]);
        const searches = reached.filter((r) => r.action === "DescribeImages" && r.query.ImageOwnerAlias !== undefined);
        expect(searches.length, at).toBeLessThanOrEqual("ImageName" in args ? 2 : 0);
        expect(count("DescribeTasks"), at).toBeLessThanOrEqual(bound.DescribeTasks);
        expect(count("DescribeTaskAttribute"), at).toBeLessThanOrEqual(bound.DescribeTaskAttribute);
        expect(count("DescribeRegions"), at).toBeLessThanOrEqual(bound.DescribeRegions);
        // Details are looked up only for running or failed tasks the answer shows, each once.
        const lookedUp = reached.filter((r) => r.action === "DescribeTaskAttribute").map((r) => `${r.query.RegionId}/${r.query.TaskId}`);
        expect(new Set(lookedUp).size, at).toBe(lookedUp.length);
        if (out) for (const key of lookedUp) expect(candidates.has(key), `${key}: ${at}`).toBe(true);

        if (reached.filter((r) => r.action === "DescribeTasks" && r.query.PageSize === "100").length > 1) severalPages++;
        if (out && all) everyRegion++;
        if (lookedUp.length === LOOKUPS_PER_CALL) lookupCap++;
        regionLists += count("DescribeRegions");
        if (searches.length > 0) nameSearches++;
      }),
      { numRuns: 2_400, seed: 20261128 },
    );
    // The generator must exercise both sides, and every input that multiplies requests.
    expect(valid).toBeGreaterThan(200);
    expect(refusedStructurally).toBeGreaterThan(200);
    expect(sent).toBeGreaterThan(200);
    expect(severalPages).toBeGreaterThan(50);
    expect(everyRegion).toBeGreaterThan(50);
    expect(lookupCap).toBeGreaterThan(10);
    expect(nameSearches).toBeGreaterThan(3);
    // The region list is asked once for the whole run: it is cached and the test clock stands still.
    expect(regionLists).toBe(1);
    // And the server is still alive and correct.
    const ok = await h.client.callTool({ name: "describe_ecs_tasks", arguments: { PageSize: 3 } });
    expect(ok.isError).toBeFalsy();
  });
});
