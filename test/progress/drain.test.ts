// A draining server (SIGTERM over --http) ends a wait early with its resumable answer, in memory with
// the fake clock: the drain signal wakes the poll sleep, a cancelled call still ends with its reason.
import { afterEach, describe, expect, it } from "vitest";
import type { WaitForTasksOutput } from "../../src/contracts/wait-for-tasks.js";
import { DRAINED_NOTICE } from "../../src/usecases/wait-for-tasks.js";
import { startHarness, textOf, type Harness } from "../helpers/in-memory.js";
import { IMPORT_RUNNING, progressFixture } from "./fixtures.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("wait_for_ecs_tasks while the server drains", () => {
  it("answers at the next sleep with Done false, the notice and ResumeArguments", async () => {
    const draining = new AbortController();
    let sleeps = 0;
    h = await startHarness({
      sandbox: { tasks: progressFixture() },
      draining: draining.signal,
      sleep: (ms, signal, clock) => {
        if (++sleeps === 2) draining.abort(new Error("draining")); // SIGTERM during the second sleep
        if (signal.aborted) return Promise.reject(signal.reason);
        clock.advance(ms);
        return Promise.resolve();
      },
    });
    const result = await h.client.callTool({ name: "wait_for_ecs_tasks", arguments: { TaskIds: [IMPORT_RUNNING], TimeoutSeconds: 600, PollIntervalSeconds: 30 } });
    expect(result.isError).toBeFalsy();
    const out = result.structuredContent as WaitForTasksOutput;
    expect(out).toMatchObject({ Done: false, Polls: 2, ElapsedSeconds: 30 });
    expect(out.Notice).toContain(DRAINED_NOTICE);
    expect(out.ResumeArguments).toMatchObject({ TaskIds: [IMPORT_RUNNING], TimeoutSeconds: 600, PollIntervalSeconds: 30 });
    expect(textOf(result)).toContain("restarting");
  });

  it("answers at once when the server was already draining after the first poll", async () => {
    const draining = new AbortController();
    draining.abort(new Error("draining"));
    h = await startHarness({ sandbox: { tasks: progressFixture() }, draining: draining.signal });
    const out = (await h.client.callTool({ name: "wait_for_ecs_tasks", arguments: { TaskIds: [IMPORT_RUNNING] } })).structuredContent as WaitForTasksOutput;
    expect(out).toMatchObject({ Done: false, Polls: 1, ElapsedSeconds: 0 });
  });
});
