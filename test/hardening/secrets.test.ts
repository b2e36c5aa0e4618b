// Issue 12, points 1 and 2: redact first, then cut; redact keys as well as values. A registered
// AccessKey secret and a (long) STS token are put across every place an answer cuts a text (table
// cells, the failed-regions line, the quoted start of an unusable body, error messages inside other
// answers) and in every place an upstream word becomes a key (ByStatus, ByAction, RelatedItems, the
// wait summary). No run of 10 or more of their characters may appear in anything the server sends:
// text, structuredContent, progress notifications, log messages, errors.
import type { JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DescribeTasksOutput } from "../../src/contracts/describe-tasks.js";
import { BODY_QUOTED } from "../../src/errors.js";
import type { SandboxTask } from "../../src/sandbox/index.js";
import { TEXT_BUDGET } from "../../src/render/tasks-text.js";
import { FIXED_NOW, startHarness, textOf, type Harness } from "../helpers/in-memory.js";
import { leakedRun } from "./leaks.js";

const SECRET = "Hardening-Secret-0123456789-abcdefXYZ";
// STS tokens are long (hundreds of characters) and carry + / =.
const TOKEN = `CAIS${Array.from({ length: 40 }, (_, i) => `q${(i * 7919).toString(36)}Z+/`).join("")}9w==`;
const KEY_ID = "LTAI5tHardeningKey00abcd";


const at = (minutes: number) => new Date(FIXED_NOW.getTime() + minutes * 60_000);
/** `prefix` characters of filler, then the value: the value straddles any cut at or after `prefix`. */
const straddle = (prefix: number, value: string, filler = "k") => `${filler.repeat(prefix)}${value}`;

function task(p: Partial<SandboxTask> & Pick<SandboxTask, "TaskId">): SandboxTask {
  return {
    RegionId: "cn-hangzhou",
    TaskAction: "ImportImage",
    TaskStatus: "Finished",
    ResourceId: "m-bp1hardening000001",
    CreationTime: at(-60),
    FinishedTime: at(-50),
    SupportCancel: false,
    ...p,
  };
}

const RUNNING = "t-bp1hardrunning00001";
const FAILED = "t-bp1hardfailed000001";

function fixture(): SandboxTask[] {
  return [
    // Table cells are cut at 48 characters: each value straddles the cut at 40..47.
    task({ TaskId: `t-${straddle(38, TOKEN, "x")}`, TaskAction: straddle(40, SECRET), TaskStatus: straddle(44, TOKEN), ResourceId: straddle(46, SECRET) }),
    // As keys: whole values as the status and action words.
    task({ TaskId: "t-bp1hardkeys00000001", TaskAction: TOKEN, TaskStatus: SECRET }),
    task({ TaskId: "t-bp1hardkeys00000002", TaskAction: SECRET, TaskStatus: TOKEN }),
    task({ TaskId: RUNNING, TaskStatus: "Processing", FinishedTime: undefined, CreationTime: at(-5), finishAt: at(600) }),
    task({
      TaskId: FAILED,
      TaskStatus: "Failed",
      failure: { ErrorCode: TOKEN, ErrorMsg: straddle(150, SECRET) },
      relatedItems: { [SECRET]: TOKEN, [TOKEN]: straddle(20, SECRET), OSSBucket: straddle(30, TOKEN) },
    }),
  ];
}

let h: Harness;
const outputs: string[] = [];

beforeAll(async () => {
  h = await startHarness({
    credentials: { accessKeyId: KEY_ID, accessKeySecret: SECRET, securityToken: TOKEN, providerName: "test/sts" },
    sandbox: { credentials: [{ accessKeyId: KEY_ID, accessKeySecret: SECRET, securityToken: TOKEN }], tasks: fixture(), regions: ["cn-hangzhou", "cn-shanghai", "cn-beijing"] },
  });
  await h.client.setLoggingLevel("debug");
});

afterAll(async () => {
  await h.close();
});

async function callTool(name: string, args: Record<string, unknown>, progress = false) {
  const result = await h.client.callTool({ name, arguments: args }, undefined, progress ? { onprogress: () => undefined } : undefined);
  outputs.push(textOf(result), JSON.stringify(result));
  return result;
}

describe("a secret and an STS token across every cut point and as keys", () => {
  it("describe_ecs_tasks: table cells, ByStatus and ByAction keys", async () => {
    const result = await callTool("describe_ecs_tasks", { PageSize: 100 });
    expect(result.isError, textOf(result)).toBeFalsy();
    const out = result.structuredContent as DescribeTasksOutput;
    expect(out.Summary.ByStatus["[REDACTED]"]).toBeGreaterThan(0);
    expect(textOf(result)).toContain("[REDACTED]");
  });

  it("a time that is not a date, shown as received (and cut) in the table", async () => {
    h.sandbox.injectFaults(
      [
        {
          kind: "rewrite",
          rewrite: (body) => {
            const rows = (body.TaskSet as { Task: Array<Record<string, unknown>> }).Task;
            rows[0]!.CreationTime = straddle(10, SECRET);
            rows[1]!.FinishedTime = straddle(18, TOKEN);
            return body;
          },
        },
      ],
      { action: "DescribeTasks" },
    );
    const result = await callTool("describe_ecs_tasks", { PageSize: 100, IncludeProgress: false, TimeZone: "Asia/Shanghai" });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(textOf(result)).toContain("kkkkkkkkkk[REDACTED] (not a date)");
  });

  it("describe_ecs_task_attribute: error code and message, related item names and values", async () => {
    const result = await callTool("describe_ecs_task_attribute", { TaskId: FAILED });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(textOf(result)).toMatch(/\[REDACTED\]=/);
  });

  it("the start of an unusable body, with the secret at the 200-character cut", async () => {
    h.sandbox.injectFaults([{ kind: "raw", body: `<html>${straddle(BODY_QUOTED - 10, SECRET)}</html>` }], { action: "DescribeTasks" });
    const result = await callTool("describe_ecs_tasks", { IncludeProgress: false });
    expect(textOf(result)).toMatch(/Body starts: "<html>k+\[RED/);
  });

  it("the start of an unusable body made mostly of tokens: what redaction shrinks cannot pull a cut token in", async () => {
    // Redacted, 20 whole tokens shrink to 20 short markers; a token cut anywhere past them would then
    // sit inside the quoted start.
    h.sandbox.injectFaults([{ kind: "raw", body: `${`${TOKEN} `.repeat(20)}${TOKEN}${SECRET}`.repeat(3) }], { action: "DescribeTasks" });
    const result = await callTool("describe_ecs_tasks", { IncludeProgress: false });
    expect(textOf(result)).toMatch(/Body starts: "(\[REDACTED\] )+/);
  });

  it('RegionId "all": the failed-regions line cuts each error after redaction', async () => {
    h.sandbox.injectFaults([{ kind: "error", status: 400, code: "Some.Error", message: straddle(120, SECRET) }], { action: "DescribeTasks" });
    const result = await callTool("describe_ecs_tasks", { RegionId: "all", IncludeProgress: false, PageSize: 100 });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(textOf(result)).toMatch(/failed/);
  });

  it("ProgressError: a failed progress look-up's message", async () => {
    h.sandbox.injectFaults([{ kind: "error", status: 400, code: TOKEN, message: straddle(100, SECRET) }], { action: "DescribeTaskAttribute" });
    const result = await callTool("describe_ecs_tasks", { PageSize: 100 });
    const out = result.structuredContent as DescribeTasksOutput;
    expect(out.Tasks.find((t) => t.TaskId === RUNNING)?.LookupError).toContain("[REDACTED]");
  });

  it("wait_for_ecs_tasks: LookupError, progress notifications, log lines and the summary keys", async () => {
    h.sandbox.injectFaults([{ kind: "error", status: 500, code: "InternalError", message: straddle(60, TOKEN) }], { action: "DescribeTaskAttribute" });
    const result = await callTool("wait_for_ecs_tasks", { TaskIds: [RUNNING, FAILED], TimeoutSeconds: 4, PollIntervalSeconds: 2 }, true);
    expect(result.isError, textOf(result)).toBeFalsy();
    const progress = h.serverMessages.filter((m) => "method" in m && m.method === "notifications/progress");
    const logs = h.serverMessages.filter((m) => "method" in m && m.method === "notifications/message");
    expect(progress.length).toBeGreaterThan(0);
    expect(logs.length).toBeGreaterThan(0);
  });

  it("nothing the server sent holds 10 characters in a row of the secret or the token", () => {
    const everything = [...outputs, ...h.serverMessages.map((m: JSONRPCMessage) => JSON.stringify(m))].join("\n");
    // The text budget held throughout (the long values did not blow it up either).
    for (const o of outputs.filter((_, i) => i % 2 === 0)) expect(o.length).toBeLessThan(TEXT_BUDGET + 2_000);
    expect(everything.length).toBeGreaterThan(1000);
    expect(leakedRun(everything, SECRET)).toBeUndefined();
    expect(leakedRun(everything, TOKEN)).toBeUndefined();
    expect(leakedRun(everything, encodeURIComponent(TOKEN))).toBeUndefined();
    expect(everything).not.toContain(KEY_ID);
  });
});

describe("values too long to quote whole are described, not cut", () => {
  it("a region ID over 64 characters (from a CLI profile, say) is not quoted in part", async () => {
    const { assertRegionId } = await import("../../src/ecs/region.js");
    const long = straddle(50, SECRET, "a");
    expect(() => assertRegionId(long, "CLI profile region_id")).toThrow(/CLI profile region_id \(a value of 87 characters\) is not a region ID/);
    expect(() => assertRegionId("cn-hangzhou.evil", "RegionId")).toThrow(/RegionId "cn-hangzhou.evil" is not a region ID/);
  });
});
