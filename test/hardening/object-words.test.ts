// Issue 12, point 5: status, action and related-item words named like built-in object properties
// (`constructor`, `toString`, `hasOwnProperty`, `__proto__`, `valueOf`) are ordinary words. They go
// through every tool and every counter (one page, AllPages, RegionId "all", the attribute's related
// items, the wait summary) and come back counted right, in answers that pass output validation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DescribeTasksOutput } from "../../src/contracts/describe-tasks.js";
import type { TaskAttributeOutput } from "../../src/contracts/task-attribute.js";
import type { WaitForTasksOutput } from "../../src/contracts/wait-for-tasks.js";
import type { SandboxTask } from "../../src/sandbox/index.js";
import { FIXED_NOW, startHarness, textOf, type Harness } from "../helpers/in-memory.js";

const WORDS = ["constructor", "toString", "hasOwnProperty", "__proto__", "valueOf"] as const;
const at = (minutes: number) => new Date(FIXED_NOW.getTime() + minutes * 60_000);

function task(id: string, action: string, status: string, minutes: number, region = "cn-hangzhou", related?: Record<string, string>): SandboxTask {
  return {
    RegionId: region,
    TaskId: id,
    TaskAction: action,
    TaskStatus: status,
    ResourceId: `m-${id.slice(2)}`,
    CreationTime: at(minutes),
    FinishedTime: at(minutes + 1),
    SupportCancel: false,
    ...(related ? { relatedItems: related } : {}),
  };
}

/** Per word: one task with that action and status in two regions, and an ImportImage with that status (and related item). */
function fixture(): SandboxTask[] {
  const failed = task("t-bp1wordfailed0000001", "ImportImage", "Failed", -50);
  failed.failure = { ErrorCode: "constructor", ErrorMsg: "failed with a code named like a property" };
  return [failed, ...WORDS.flatMap((w, i) => [
    task(`t-bp1word${i}a000000001`, w, w, -10 - i),
    task(`t-bp1word${i}b000000001`, "ImportImage", w, -20 - i, "cn-hangzhou", { [w]: `value-of-${w}` }),
    task(`t-uf6word${i}c000000001`, w, w, -30 - i, "cn-shanghai"),
  ])];
}

/** Own enumerable entries only, as JSON carries them. */
const entries = (record: object) => Object.entries(record).sort(([a], [b]) => a.localeCompare(b));
const expected = (pairs: [string, number][]) => [...pairs].sort(([a], [b]) => a.localeCompare(b));

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ sandbox: { tasks: fixture(), regions: ["cn-hangzhou", "cn-shanghai"] } });
});
afterAll(() => h.close());

async function describeTasks(args: Record<string, unknown>): Promise<{ out: DescribeTasksOutput; text: string }> {
  const result = await h.client.callTool({ name: "describe_ecs_tasks", arguments: { IncludeProgress: false, ...args } });
  expect(result.isError, textOf(result)).toBeFalsy();
  return { out: result.structuredContent as DescribeTasksOutput, text: textOf(result) };
}

describe("words named like object properties are counted like any other word", () => {
  it.each([
    ["one page", { PageSize: 100 }],
    ["AllPages", { AllPages: true }],
  ])("describe_ecs_tasks, %s: ByStatus and ByAction count each word, in JSON and in text", async (_, args) => {
    const { out, text } = await describeTasks(args);
    expect(out.TotalCount).toBe(WORDS.length * 2 + 1);
    expect(entries(out.Summary.ByStatus)).toEqual(expected([...WORDS.map((w): [string, number] => [w, 2]), ["Failed", 1]]));
    expect(entries(out.Summary.ByAction)).toEqual(expected([...WORDS.map((w): [string, number] => [w, 1]), ["ImportImage", WORDS.length + 1]]));
    for (const w of WORDS) expect(text).toContain(`${w} 2`);
  });

  it('describe_ecs_tasks, RegionId "all": the regions\' counts are merged per word', async () => {
    const { out } = await describeTasks({ RegionId: "all", PageSize: 100 });
    expect(out.TotalCount).toBe(WORDS.length * 3 + 1);
    expect(entries(out.Summary.ByStatus)).toEqual(expected([...WORDS.map((w): [string, number] => [w, 3]), ["Failed", 1]]));
    expect(entries(out.Summary.ByAction)).toEqual(expected([...WORDS.map((w): [string, number] => [w, 2]), ["ImportImage", WORDS.length + 1]]));
  });

  it.each(WORDS.map((w, i) => [w, i] as const))("describe_ecs_task_attribute: status and related item %s", async (w, i) => {
    const result = await h.client.callTool({ name: "describe_ecs_task_attribute", arguments: { TaskId: `t-bp1word${i}b000000001` } });
    expect(result.isError, textOf(result)).toBeFalsy();
    const out = result.structuredContent as TaskAttributeOutput;
    expect(out.TaskStatus).toBe(w);
    expect(entries(out.Operations[0]!.RelatedItems)).toEqual([[w, `value-of-${w}`]]);
    expect(textOf(result)).toContain(`${w}=value-of-${w}`);
  });

  it("wait_for_ecs_tasks: the summary counts each word", async () => {
    const ids = WORDS.map((_, i) => `t-bp1word${i}b000000001`);
    const result = await h.client.callTool({ name: "wait_for_ecs_tasks", arguments: { TaskIds: ids, TimeoutSeconds: 4, PollIntervalSeconds: 2 } });
    expect(result.isError, textOf(result)).toBeFalsy();
    const out = result.structuredContent as WaitForTasksOutput;
    expect(out.Done).toBe(false);
    expect(entries(out.Summary)).toEqual(expected(WORDS.map((w) => [w, 1])));
  });

  it("an operation error code named like a property gets no borrowed hint", async () => {
    const result = await h.client.callTool({ name: "describe_ecs_task_attribute", arguments: { TaskId: "t-bp1wordfailed0000001" } });
    expect(result.isError, textOf(result)).toBeFalsy();
    const out = result.structuredContent as TaskAttributeOutput;
    expect(out.Failure).toEqual({ ErrorCode: "constructor", ErrorMsg: "failed with a code named like a property" });
    expect(textOf(result)).not.toMatch(/native code|function/);
  });

  it.each(WORDS)("an API error code %s gets the answer's own advice, not a property of Object", async (code) => {
    h.sandbox.injectFaults([{ kind: "error", status: 400, code, message: "odd" }], { action: "DescribeTasks" });
    const result = await h.client.callTool({ name: "describe_ecs_tasks", arguments: { IncludeProgress: false } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain(`${code} — odd`);
    expect(textOf(result)).toMatch(/What to do: see https:\/\/api\.aliyun\.com\/troubleshoot/);
    expect(textOf(result)).not.toMatch(/native code|function/);
  });
});
