// cancel_ecs_task through the SDK client in memory, against the sandbox: absent without
// --allow-cancel; with it, checks before anything is sent, the person's consent (elicitation, or
// Confirm when the client cannot ask), exactly one CancelTask, the read-back, the audit lines.
import { afterEach, describe, expect, it } from "vitest";
import type { CancelTaskOutput } from "../../src/contracts/cancel-task.js";
import { startHarness, textOf, type Harness, type HarnessOptions } from "../helpers/in-memory.js";
import { EXPORT_RUNNING, IMPORT_FAILED, IMPORT_RUNNING, REDEPLOY_RUNNING, progressFixture } from "../progress/fixtures.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function harness(options: HarnessOptions = {}): Promise<Harness> {
  const tasks = progressFixture();
  tasks.find((t) => t.TaskId === IMPORT_RUNNING)!.imageName = "acme-jammy-golden";
  h = await startHarness({ allowCancel: true, ...options, sandbox: { tasks, ...options.sandbox } });
  return h;
}

const cancels = (hh: Harness) => hh.sandbox.requests.slice(0).filter((r) => r.action === "CancelTask");
const cancel = (hh: Harness, args: Record<string, unknown>) => hh.client.callTool({ name: "cancel_ecs_task", arguments: args });

describe("cancel_ecs_task", () => {
  it("is not listed without --allow-cancel, and cannot be called", async () => {
    const hh = await harness({ allowCancel: false });
    const { tools } = await hh.client.listTools();
    expect(tools.map((t) => t.name)).not.toContain("cancel_ecs_task");
    const result = await cancel(hh, { TaskId: IMPORT_RUNNING, Confirm: true });
    expect(result.isError).toBe(true);
    expect(cancels(hh)).toEqual([]);
  });

  it("is listed with --allow-cancel as a destructive, idempotent tool", async () => {
    const hh = await harness();
    const tool = (await hh.client.listTools()).tools.find((t) => t.name === "cancel_ecs_task");
    expect(tool?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true, idempotentHint: true });
  });

  it("asks the person through elicitation, naming the task, action, image and progress; decline sends nothing", async () => {
    const asked: string[] = [];
    const hh = await harness({
      elicit: async (params) => {
        asked.push(params.message);
        expect(params.requestedSchema).toMatchObject({ properties: { confirm: { type: "boolean" } } });
        return { action: "decline" };
      },
    });
    const result = await cancel(hh, { TaskId: IMPORT_RUNNING });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain(`ImportImage task ${IMPORT_RUNNING} of image m-${IMPORT_RUNNING.slice(2)} "acme-jammy-golden" in cn-hangzhou, 40% done`);
    expect(result.structuredContent).toMatchObject({ Outcome: "declined", Sent: false, Consent: "elicitation", ImageName: "acme-jammy-golden", ProgressBefore: 40 });
    expect(textOf(result)).toMatch(/Not cancelled: the person declined\. Nothing was sent/);
    expect(cancels(hh)).toEqual([]);
    expect(hh.audit.join("\n")).toMatch(new RegExp(`${IMPORT_RUNNING} not cancelled: the person declined \\(caller: local user\\)`));
  });

  it("accept with the box ticked: exactly one CancelTask, then the task read back as Failed (TaskCancelled)", async () => {
    const hh = await harness({ elicit: async () => ({ action: "accept", content: { confirm: true } }) });
    const result = await cancel(hh, { TaskId: IMPORT_RUNNING });
    expect(result.isError, textOf(result)).toBeFalsy();
    const out = result.structuredContent as CancelTaskOutput;
    expect(out).toMatchObject({ Outcome: "cancelled", Sent: true, TaskStatus: "Failed", ErrorCode: "TaskCancelled", Consent: "elicitation" });
    expect(cancels(hh)).toHaveLength(1);
    expect(cancels(hh)[0]!.query).toEqual({ RegionId: "cn-hangzhou", TaskId: IMPORT_RUNNING });
    expect(textOf(result)).toMatch(/Cancelled the ImportImage task .* which was 40% done\.\nRead back: Failed \(TaskCancelled\)/);
    expect(hh.audit.some((l) => l.includes(`sending CancelTask for the ImportImage task ${IMPORT_RUNNING}`) && l.includes("caller: local user"))).toBe(true);
  });

  it("accept without the box ticked, or a dismissed question: nothing is sent", async () => {
    for (const answer of [{ action: "accept" as const, content: { confirm: false } }, { action: "cancel" as const }]) {
      const hh = await harness({ elicit: async () => answer });
      const result = await cancel(hh, { TaskId: IMPORT_RUNNING, Confirm: true });
      expect((result.structuredContent as CancelTaskOutput).Sent).toBe(false);
      expect(cancels(hh)).toEqual([]);
      await hh.close();
      h = undefined;
    }
  });

  it("refuses, sending nothing, a RedeployInstance, a finished or failed task, and an unknown one", async () => {
    let asked = 0;
    const hh = await harness({ elicit: async () => (asked++, { action: "accept", content: { confirm: true } }) });
    hh.sandbox.finishTask(EXPORT_RUNNING);
    const cases: [string, RegExp][] = [
      [REDEPLOY_RUNNING, /is a RedeployInstance: only ImportImage and ExportImage tasks can be cancelled/],
      [EXPORT_RUNNING, /is Finished .*only a running task can be cancelled/],
      [IMPORT_FAILED, /is Failed .*only a running task can be cancelled/],
    ];
    for (const [taskId, reason] of cases) {
      const result = await cancel(hh, { TaskId: taskId, Confirm: true });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(reason);
      expect(textOf(result)).toMatch(/Nothing was sent/);
    }
    expect(asked).toBe(0);
    expect(cancels(hh)).toEqual([]);
  });

  it("when the client cannot ask: refuses without Confirm (telling to ask the person), cancels once with it", async () => {
    const hh = await harness();
    const refused = await cancel(hh, { TaskId: IMPORT_RUNNING });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toMatch(/Cancelling needs the person's agreement/);
    expect(textOf(refused)).toMatch(/Ask the person whether to cancel exactly this task .*Confirm: true/);
    expect(cancels(hh)).toEqual([]);
    const done = await cancel(hh, { TaskId: IMPORT_RUNNING, Confirm: true });
    expect(done.structuredContent).toMatchObject({ Outcome: "cancelled", Consent: "confirm-argument", TaskStatus: "Failed" });
    expect(cancels(hh)).toHaveLength(1);
  });

  it("over a transport that cannot ask (stateless HTTP): only callers allowed to cancel, and still with Confirm", async () => {
    const bot = { name: "http caller ci-bot", allowedTools: "any" as const, allowedProfiles: "any" as const, mayCancel: false, canElicit: false };
    const hh = await harness({ caller: bot, elicit: async () => ({ action: "accept", content: { confirm: true } }) });
    const result = await cancel(hh, { TaskId: IMPORT_RUNNING, Confirm: true });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/does not let http caller ci-bot cancel tasks/);
    await hh.close();
    const ops = await harness({ caller: { ...bot, name: "http caller ops", mayCancel: true }, elicit: async () => ({ action: "decline" }) });
    expect((await cancel(ops, { TaskId: IMPORT_RUNNING })).isError).toBe(true); // no elicitation over HTTP: Confirm needed
    const done = await cancel(ops, { TaskId: IMPORT_RUNNING, Confirm: true });
    expect(done.structuredContent).toMatchObject({ Outcome: "cancelled", Consent: "confirm-argument" });
    expect(ops.audit.some((l) => l.includes("caller: http caller ops"))).toBe(true);
  });

  it("a task that ends between the check and the cancel: the API's code with its own hint, sent once, never retried", async () => {
    const hh = await harness({ retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 2, totalBudgetMs: 1000 } });
    hh.sandbox.injectFaults([{ kind: "error", status: 403, code: "InvalidTaskId.IncorrectTaskStatus", message: "The current status of the task does not support this operation." }], { action: "CancelTask" });
    const result = await cancel(hh, { TaskId: IMPORT_RUNNING, Confirm: true });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/The task is no longer running/);
    hh.sandbox.injectFaults([{ kind: "unavailable" }], { action: "CancelTask" });
    const again = await cancel(hh, { TaskId: IMPORT_RUNNING, Confirm: true });
    expect(again.isError).toBe(true);
    expect(cancels(hh)).toHaveLength(2); // one per call: the 503 was not retried
  });
});
