// describe_ecs_task_attribute, IncludeProgress and wait_for_ecs_tasks through the SDK client,
// against the sandbox, with a fake clock that only moves when the server "sleeps".
import type { JSONRPCNotification, Progress } from "@modelcontextprotocol/sdk/types.js";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { EcsApi } from "../../src/ecs/client.js";
import type { TaskAttributeOutput as DescribeTaskAttributeOutput } from "../../src/contracts/task-attribute.js";
import { ROW_CAP, type DescribeTasksOutput } from "../../src/contracts/describe-tasks.js";
import type { WaitForTasksOutput } from "../../src/contracts/wait-for-tasks.js";
import { DurationHistory } from "../../src/progress/history.js";
import { startHarness, textOf, type Harness, type HarnessOptions } from "../helpers/in-memory.js";
import { EXPORT_RUNNING, IMPORT_FAILED, at, IMPORT_RUNNING, REDEPLOY_RUNNING, manyRunning, progressFixture } from "./fixtures.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function harness(options: HarnessOptions = {}): Promise<Harness> {
  h = await startHarness({ sandbox: { tasks: progressFixture() }, ...options });
  return h;
}

const attr = (hh: Harness, args: Record<string, unknown>) => hh.client.callTool({ name: "describe_ecs_task_attribute", arguments: args });
/** The image-name look-ups beside each answer (the task's row, then DescribeImages); tested in test/tools/image-names.test.ts. */
const imageSide = (r: { action: string; query: Record<string, string> }) =>
  r.action === "DescribeImages" || (r.action === "DescribeTasks" && r.query.TaskIds !== undefined && r.query.TaskStatus === undefined);
const requestsOf = (hh: Harness, from = 0) => hh.sandbox.requests.slice(from).filter((r) => !imageSide(r));
const actions = (hh: Harness, from = 0) => requestsOf(hh, from).map((r) => r.action);

describe("describe_ecs_task_attribute", () => {
  it("reports percent, counts and an ETA from the task's own pace, then a rate ETA once progress has been seen twice", async () => {
    const hh = await harness();
    const first = await attr(hh, { TaskId: IMPORT_RUNNING });
    expect(first.isError).toBeFalsy();
    const a = first.structuredContent as DescribeTaskAttributeOutput;
    expect(a).toMatchObject({ TaskId: IMPORT_RUNNING, TaskAction: "ImportImage", TaskStatus: "Processing", Progress: 40, TaskProcess: "40%", SupportCancel: true });
    expect(a).toMatchObject({ SuccessCount: 0, FailedCount: 0, TotalCount: 1, CreationTime: "2026-11-28T13:46:00Z", DurationSeconds: 24 * 60 });
    // One reading: 40 % in 24 minutes since creation, so about 36 more; no history call needed.
    expect(a).toMatchObject({ EtaBasis: "own-pace", EstimatedCompletionTime: "2026-11-28T14:46:00Z", EstimatedCompletionTimeLocal: "2026-11-28 14:46" });
    expect(actions(hh)).toEqual(["DescribeTaskAttribute"]);
    expect(textOf(first)).toMatch(/ImportImage\): Processing, 40%; running for 24m since 2026-11-28 13:46; ETA 2026-11-28 14:46 \(own-pace\)/);

    hh.clock.advance(6 * 60_000);
    const second = (await attr(hh, { TaskId: IMPORT_RUNNING })).structuredContent as DescribeTaskAttributeOutput;
    expect(second).toMatchObject({ Progress: 46, EtaBasis: "observed-rate", EstimatedCompletionTime: "2026-11-28T15:10:00Z" });
    expect(second.EtaNote).toMatch(/2 progress readings over 6 min/);
  });

  it("caches history for 10 minutes per region and action (the median of recent finished tasks)", async () => {
    const hh = await harness();
    let nowMs = hh.clock.now().getTime();
    const history = new DurationHistory(() => new Date(nowMs));
    const stats = await history.stats(hh.ecs, "cn-hangzhou", "ImportImage");
    // Median of the 30/40/50-minute imports, from one DescribeTasks call.
    expect(stats).toEqual({ medianSeconds: 40 * 60, samples: 3 });
    expect(hh.sandbox.requests.at(0)!.query).toMatchObject({ TaskAction: "ImportImage", TaskStatus: "Finished", PageSize: "100" });
    nowMs += 9 * 60_000;
    await history.stats(hh.ecs, "cn-hangzhou", "ImportImage");
    await history.stats(hh.ecs, "cn-hangzhou", "ImportImage");
    expect(actions(hh).filter((a) => a === "DescribeTasks")).toHaveLength(1);
    await history.stats(hh.ecs, "cn-hangzhou", "ExportImage");
    expect(actions(hh).filter((a) => a === "DescribeTasks")).toHaveLength(2);
    nowMs += 60_000;
    await history.stats(hh.ecs, "cn-hangzhou", "ImportImage");
    expect(actions(hh).filter((a) => a === "DescribeTasks")).toHaveLength(3);
  });

  it("explains a failure with the error, the related items and a plain-language hint", async () => {
    const hh = await harness();
    const result = await attr(hh, { TaskId: IMPORT_FAILED, RegionId: "cn-hangzhou" });
    const a = result.structuredContent as DescribeTaskAttributeOutput;
    expect(a.TaskStatus).toBe("Failed");
    expect(a.Progress).toBe(12);
    expect(a.Failure).toMatchObject({ ErrorCode: "InvalidOSSObject.NotFound", ErrorMsg: "The specified OSS object does not exist." });
    expect(a.Failure?.Hint).toMatch(/not found in OSS/);
    expect(a.Operations[0]!.RelatedItems).toMatchObject({ OSSBucket: "my-images", OSSObject: "centos.qcow2" });
    expect(a.EstimatedCompletionTime).toBeUndefined();
    const text = textOf(result);
    expect(text).toMatch(/Failed because InvalidOSSObject.NotFound: The specified OSS object does not exist\./);
    expect(text).toMatch(/Hint: The image file was not found in OSS/);
    expect(text).toMatch(/OSSBucket=my-images/);
  });

  it("answers unknown tasks and uncovered actions with the API's error and a way forward", async () => {
    const hh = await harness();
    const missing = await attr(hh, { TaskId: "t-bp1nothere0000000000" });
    expect(missing.isError).toBe(true);
    expect(textOf(missing)).toMatch(/No task t-bp1nothere0000000000 in cn-hangzhou, nor in any other region[\s\S]*InvalidTaskId.NotFound[\s\S]*RequestId[\s\S]*Check the task ID/);
    const uncovered = await attr(hh, { TaskId: REDEPLOY_RUNNING });
    expect(uncovered.isError).toBe(true);
    expect(textOf(uncovered)).toMatch(/InvalidTaskId.TaskActionNotSupport[\s\S]*ImportImage, ExportImage and ModifyDiskSpec/);
  });

  it("refuses a malformed TaskId before any call", async () => {
    const hh = await harness();
    const result = await attr(hh, { TaskId: "../../etc" });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/task ID must look like t-/);
    expect(hh.sandbox.requests).toHaveLength(0);
  });
});

describe("describe_ecs_tasks with IncludeProgress", () => {
  it("adds Progress to running covered tasks only", async () => {
    const hh = await harness();
    const out = (await hh.client.callTool({ name: "describe_ecs_tasks", arguments: { TaskStatus: "Processing" } })).structuredContent as DescribeTasksOutput;
    const byId = new Map(out.Tasks.map((t) => [t.TaskId, t]));
    expect(byId.get(IMPORT_RUNNING)?.Progress).toBe(40);
    expect(byId.get(EXPORT_RUNNING)?.Progress).toBe(10);
    expect(byId.get(REDEPLOY_RUNNING)?.Progress).toBeUndefined();
    expect(out.ProgressNote).toBe("Details looked up for 2 running or failed row(s).");
    expect(actions(hh).sort()).toEqual(["DescribeTaskAttribute", "DescribeTaskAttribute", "DescribeTasks"]);
  });

  it("makes no lookups when IncludeProgress is false", async () => {
    const hh = await harness();
    const out = (await hh.client.callTool({ name: "describe_ecs_tasks", arguments: { TaskStatus: "Processing", IncludeProgress: false } }))
      .structuredContent as DescribeTasksOutput;
    expect(out.Tasks.every((t) => t.Progress === undefined)).toBe(true);
    expect(out.ProgressNote).toBeUndefined();
    expect(actions(hh)).toEqual(["DescribeTasks"]);
  });

  it("looks up the rows shown (at most 20), at most 5 at a time", async () => {
    let inFlight = 0;
    let peak = 0;
    const wrapEcs = (ecs: EcsApi): EcsApi => ({
      async call(action, params, options) {
        if (action !== "DescribeTaskAttribute") return ecs.call(action, params, options);
        inFlight++;
        peak = Math.max(peak, inFlight);
        try {
          return await ecs.call(action, params, options);
        } finally {
          inFlight--;
        }
      },
    });
    const hh = await harness({ sandbox: { tasks: manyRunning(25) }, wrapEcs });
    const out = (await hh.client.callTool({ name: "describe_ecs_tasks", arguments: { RegionId: "cn-shanghai", PageSize: 100 } }))
      .structuredContent as DescribeTasksOutput;
    expect(out.Returned).toBe(ROW_CAP);
    expect(out.RowsOmitted).toBe(5);
    expect(out.Tasks.filter((t) => t.Progress !== undefined)).toHaveLength(20);
    expect(actions(hh).filter((a) => a === "DescribeTaskAttribute")).toHaveLength(20);
    expect(peak).toBe(5);
    expect(out.ProgressNote).toBe("Details looked up for 20 running or failed row(s).");
  });

  it("keeps the page when a lookup fails, marking that task", async () => {
    const hh = await harness();
    hh.sandbox.injectFaults([{ kind: "error", status: 500, code: "InternalError", message: "boom" }], { action: "DescribeTaskAttribute" });
    const result = await hh.client.callTool({ name: "describe_ecs_tasks", arguments: { TaskStatus: "Processing" } });
    expect(result.isError).toBeFalsy();
    const out = result.structuredContent as DescribeTasksOutput;
    const marked = out.Tasks.filter((t) => t.LookupError);
    expect(marked).toHaveLength(1);
    expect(marked[0]!.LookupError).toMatch(/InternalError/);
    expect(out.Tasks.filter((t) => t.Progress !== undefined)).toHaveLength(1);
    expect(out.ProgressNote).toMatch(/1 look-up\(s\) failed/);
    expect(textOf(result)).toMatch(/look-up failed: InternalError/);
  });
});

describe("wait_for_ecs_tasks", () => {
  const wait = (hh: Harness, args: Record<string, unknown>, onprogress?: (p: Progress) => void) =>
    hh.client.callTool({ name: "wait_for_ecs_tasks", arguments: args }, undefined, onprogress ? { onprogress } : {});

  it("waits while a task goes from 40% to Finished, with monotone progress notifications and a log line per poll", async () => {
    let sleeps = 0;
    const hh = await harness({
      sleep: async (ms, signal, clock) => {
        signal.throwIfAborted();
        clock.advance(ms);
        if (++sleeps === 3) hh.sandbox.finishTask(IMPORT_RUNNING); // the switch: it finishes during the wait
      },
    });
    const notes: Progress[] = [];
    const result = await wait(hh, { TaskIds: [IMPORT_RUNNING, IMPORT_FAILED], PollIntervalSeconds: 60, TimeoutSeconds: 600 }, (p) => notes.push(p));
    expect(result.isError).toBeFalsy();
    const out = result.structuredContent as WaitForTasksOutput;
    expect(out.Done).toBe(true);
    expect(out.Polls).toBe(4);
    expect(out.ElapsedSeconds).toBe(180);
    expect(out.Summary).toEqual({ Finished: 1, Failed: 1 });
    expect(out.NextCheckAfterSeconds).toBeUndefined();
    expect(out.ResumeArguments).toBeUndefined();
    const running = out.Tasks.find((t) => t.TaskId === IMPORT_RUNNING)!;
    expect(running).toMatchObject({ TaskStatus: "Finished", Progress: 100 });
    expect(out.Tasks.find((t) => t.TaskId === IMPORT_FAILED)!.Failure?.ErrorCode).toBe("InvalidOSSObject.NotFound");
    // Failed tasks are polled once: they had ended already.
    expect(actions(hh).filter((a) => a === "DescribeTaskAttribute")).toHaveLength(5);

    // (40+100)/2, (41+100)/2, (42+100)/2, then all ended.
    expect(notes.map((n) => n.progress)).toEqual([70, 70.5, 71, 100]);
    expect(notes.every((n) => n.total === 100)).toBe(true);
    expect(notes[0]!.message).toMatch(new RegExp(`${IMPORT_RUNNING} Processing 40% ETA 2026-11-28 14:46; ${IMPORT_FAILED} Failed 12% \\(UTC\\)`));
    const logs = hh.serverMessages.filter((m) => "method" in m && m.method === "notifications/message");
    expect(logs).toHaveLength(4);
    expect(logs.every((m) => (m as JSONRPCNotification).params?.level === "info")).toBe(true);
    expect(out.Outcome).toEqual({ Finished: 1, Failed: 1, StillRunning: 0, NotLookedUp: 0 });
    expect(textOf(result)).toMatch(/\nDone after 4 check\(s\) in 3m: 1 finished, 1 failed\./);
  });

  it("waits for a task DescribeTaskAttribute does not cover (RedeployInstance) through DescribeTasks, beside an import", async () => {
    let sleeps = 0;
    const hh = await harness({
      sleep: async (ms, signal, clock) => {
        signal.throwIfAborted();
        clock.advance(ms);
        if (++sleeps === 2) {
          hh.sandbox.finishTask(REDEPLOY_RUNNING);
          hh.sandbox.finishTask(IMPORT_RUNNING);
        }
      },
    });
    const result = await wait(hh, { TaskIds: [REDEPLOY_RUNNING, IMPORT_RUNNING], PollIntervalSeconds: 60, TimeoutSeconds: 600 });
    expect(result.isError, textOf(result)).toBeFalsy();
    const out = result.structuredContent as WaitForTasksOutput;
    expect(out.Done).toBe(true);
    expect(out.Polls).toBe(3);
    expect(out.Outcome).toEqual({ Finished: 2, Failed: 0, StillRunning: 0, NotLookedUp: 0 });
    expect(out.Tasks.find((t) => t.TaskId === REDEPLOY_RUNNING)).toMatchObject({ TaskAction: "RedeployInstance", TaskStatus: "Finished" });
    // DescribeTaskAttribute refuses the redeploy once; after that it is polled through DescribeTasks only.
    const sent = hh.sandbox.requests.map((r) => `${r.action}:${r.query.TaskId ?? r.query.TaskIds ?? ""}`);
    expect(sent.filter((a) => a === `DescribeTaskAttribute:${REDEPLOY_RUNNING}`)).toHaveLength(1);
    expect(sent.filter((a) => a === `DescribeTasks:${REDEPLOY_RUNNING}`)).toHaveLength(3);
    expect(textOf(result)).toMatch(/Done after 3 check\(s\) in 2m: 2 finished\./);
  });

  it("keeps progress strictly increasing when nothing moved between polls", async () => {
    const hh = await harness();
    // So slow that 20 seconds do not move it off 10%.
    hh.sandbox.tasks = hh.sandbox.tasks.map((t) => (t.TaskId === EXPORT_RUNNING ? { ...t, finishAt: at(1_000_000) } : t));
    const notes: Progress[] = [];
    await wait(hh, { TaskIds: EXPORT_RUNNING, PollIntervalSeconds: 10, TimeoutSeconds: 20 }, (p) => notes.push(p));
    const values = notes.map((n) => n.progress);
    expect(values.length).toBe(3);
    for (let i = 1; i < values.length; i++) expect(values[i]!).toBeGreaterThan(values[i - 1]!);
    expect(values[values.length - 1]!).toBeLessThan(10.1);
  });

  it("sends no progress notification without a progressToken", async () => {
    const hh = await harness();
    await wait(hh, { TaskIds: [IMPORT_FAILED] });
    expect(hh.serverMessages.some((m) => "method" in m && m.method === "notifications/progress")).toBe(false);
  });

  it("times out with the exact arguments to resume and when to check again", async () => {
    const hh = await harness();
    const result = await wait(hh, { TaskIds: `${IMPORT_RUNNING},${IMPORT_FAILED}`, TimeoutSeconds: 30, PollIntervalSeconds: 10 });
    const out = result.structuredContent as WaitForTasksOutput;
    expect(out.Done).toBe(false);
    expect(out.Polls).toBe(4); // at 0, 10, 20 and 30 s
    expect(out.ElapsedSeconds).toBe(30);
    expect(out.ResumeArguments).toEqual({ RegionId: "cn-hangzhou", TaskIds: [IMPORT_RUNNING], TimeoutSeconds: 30, PollIntervalSeconds: 10 });
    // After 30 s the rate is known (40% -> 40.5%...): the ETA is ~60 min out, capped at 300 s.
    expect(out.NextCheckAfterSeconds).toBe(300);
    const running = out.Tasks.find((t) => t.TaskId === IMPORT_RUNNING)!;
    expect(running.EstimatedCompletionTime).toBeDefined();
    const text = textOf(result);
    expect(text).toMatch(/Not done after 4 check\(s\) in 30s: 1 failed, 1 still running\./);
    expect(text).toMatch(/To wait more, call wait_for_ecs_tasks in about 300 s with \{"RegionId":"cn-hangzhou","TaskIds":\["t-bp1import0000000001"\]/);
    // The ETA is far beyond what a 30 s wait covers: report it instead of polling again and again.
    expect(out.Advice).toMatch(/^The soonest task should end at about 2026-11-28 14:4\d \(UTC\), 3\dm from now: tell the user the progress and that ETA now/);
    expect(text).toContain(out.Advice!);
  });

  it("stops at once when cancelled mid-wait: no further request reaches the sandbox", async () => {
    let sleeping!: () => void;
    const asleep = new Promise<void>((r) => (sleeping = r));
    const hh = await harness({
      sleep: (_ms, signal) =>
        new Promise((_resolve, reject) => {
          sleeping();
          signal.addEventListener("abort", () => reject(signal.reason), { once: true });
        }),
    });
    const controller = new AbortController();
    const pending = hh.client.callTool({ name: "wait_for_ecs_tasks", arguments: { TaskIds: [IMPORT_RUNNING] } }, undefined, { signal: controller.signal });
    await asleep;
    const seen = hh.sandbox.requests.length;
    controller.abort();
    await expect(pending).rejects.toThrow();
    // The server is still ready, and nothing more of the cancelled wait reached the sandbox.
    const next = await attr(hh, { TaskId: IMPORT_FAILED });
    expect(next.isError).toBeFalsy();
    expect(actions(hh, seen)).toEqual(["DescribeTaskAttribute"]);
    expect(requestsOf(hh, seen).at(0)!.query.TaskId).toBe(IMPORT_FAILED);
  });

  it("aborts the HTTP call in flight when cancelled during a poll", async () => {
    const hh = await harness();
    hh.sandbox.injectFaults([{ kind: "slow", ms: 30_000 }], { action: "DescribeTaskAttribute" });
    const controller = new AbortController();
    const pending = hh.client.callTool({ name: "wait_for_ecs_tasks", arguments: { TaskIds: [IMPORT_RUNNING] } }, undefined, { signal: controller.signal });
    await vi.waitFor(() => expect(requestsOf(hh)).toHaveLength(1), { timeout: 5_000, interval: 5 });
    controller.abort();
    await expect(pending).rejects.toThrow();
    await vi.waitFor(() => expect(requestsOf(hh).at(0)!.aborted).toBe(true), { timeout: 5_000, interval: 5 });
    expect(requestsOf(hh)).toHaveLength(1);
  });

  it("stops waiting on a task that does not exist and says why", async () => {
    const hh = await harness();
    const out = (await wait(hh, { TaskIds: ["t-bp1nothere0000000000"] })).structuredContent as WaitForTasksOutput;
    expect(out.Done).toBe(true);
    expect(out.Polls).toBe(1);
    expect(out.Tasks[0]).toMatchObject({ TaskId: "t-bp1nothere0000000000", TaskStatus: "Unknown" });
    expect(out.Tasks[0]!.LookupError).toMatch(/InvalidTaskId.NotFound/);
  });

  it("refuses more than 20 tasks, a poll under 2 s and a timeout over 600 s", async () => {
    const hh = await harness();
    const ids = Array.from({ length: 21 }, (_, i) => `t-bp1x${String(i).padStart(16, "0")}`);
    for (const args of [{ TaskIds: ids }, { TaskIds: ids.join(",") }, { TaskIds: [IMPORT_RUNNING], PollIntervalSeconds: 1 }, { TaskIds: [IMPORT_RUNNING], TimeoutSeconds: 601 }]) {
      const r = await wait(hh, args);
      expect(r.isError).toBe(true);
    }
    expect(hh.sandbox.requests).toHaveLength(0);
  });
});
