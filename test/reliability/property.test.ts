// fast-check over describe_ecs_tasks input, in memory (2,000+ argument objects): every answer is a
// schema-valid result or an isError with text; structurally invalid input never reaches the
// sandbox; every request that does reach it carries only whitelisted names and pattern-valid values.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { describeTasksOutput } from "../../src/contracts/describe-tasks.js";
import { startHarness, textOf, type Harness } from "../helpers/in-memory.js";
import { describeTasksArgs, structuralProblem } from "./arbitraries.js";
import { requestProblems, STACK_LINE } from "./support.js";

const REGIONS = ["cn-hangzhou", "cn-shanghai", "ap-southeast-1", "us-west-1", "cn-beijing"];
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ sandbox: { tasksPerRegion: 10, regions: REGIONS } });
});
afterAll(() => h.close());

export function checkAnswer(result: CallToolResult, args: Record<string, unknown>): void {
  const text = textOf(result);
  if (result.isError) {
    expect(text.length, JSON.stringify(args)).toBeGreaterThan(0);
    expect(text).not.toMatch(STACK_LINE);
    expect(result.structuredContent).toBeUndefined();
  } else {
    const parsed = describeTasksOutput.safeParse(result.structuredContent);
    expect(parsed.success, JSON.stringify(args)).toBe(true);
    expect(text.length).toBeGreaterThan(0);
  }
}

describe("describe_ecs_tasks over generated input (in memory)", () => {
  it("2,400 argument objects: valid answers or clear errors; nothing invalid reaches the sandbox", async () => {
    const host = new URL(h.sandbox.url).host;
    let valid = 0;
    let refusedStructurally = 0;
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(describeTasksArgs, async (args) => {
        const before = h.sandbox.requests.length;
        const result = (await h.client.callTool({ name: "describe_ecs_tasks", arguments: args })) as CallToolResult;
        checkAnswer(result, args);
        const reached = h.sandbox.requests.slice(before);
        // One DescribeTasks page, at most 3 one-row count queries, then at most 20 detail look-ups;
        // TaskIds that match nothing are looked for in every region (DescribeRegions, then one page each).
        const search = "TaskIds" in args ? 1 + REGIONS.length : 0;
        expect(reached.filter((r) => r.action === "DescribeTasks").length).toBeLessThanOrEqual(4 + search);
        expect(reached.length).toBeLessThanOrEqual(24 + search);
        const problem = structuralProblem(args);
        if (problem) {
          refusedStructurally++;
          expect(result.isError, `${problem}: ${JSON.stringify(args)}`).toBe(true);
          expect(reached, `${problem}: ${JSON.stringify(args)}`).toEqual([]);
        }
        if (reached.length > 0) sent++;
        for (const req of reached) {
          expect(requestProblems(req, host), JSON.stringify(args)).toEqual([]);
          if (req.action === "DescribeRegions") expect("TaskIds" in args).toBe(true);
          else if ("TaskIds" in args) expect(REGIONS).toContain(req.query.RegionId);
          else expect(req.query.RegionId).toBe(typeof args.RegionId === "string" ? args.RegionId : "cn-hangzhou");
        }
        if (!result.isError) valid++;
      }),
      { numRuns: 2_400, seed: 20261128 },
    );
    // The generator must exercise both sides.
    expect(valid).toBeGreaterThan(200);
    expect(refusedStructurally).toBeGreaterThan(200);
    expect(sent).toBeGreaterThan(200);
    // And the server is still alive and correct.
    const ok = await h.client.callTool({ name: "describe_ecs_tasks", arguments: { PageSize: 3 } });
    expect(ok.isError).toBeFalsy();
  });
});
