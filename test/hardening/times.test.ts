// Issue 12, point 6: upstream times are validated as real dates. One impossible time costs that
// one field (kept as received, marked in InvalidTimes and in the text), never the answer, with or
// without a time zone, in both halves of every tool.
import { afterEach, describe, expect, it } from "vitest";
import type { DescribeTasksOutput } from "../../src/contracts/describe-tasks.js";
import type { TaskAttributeOutput } from "../../src/contracts/task-attribute.js";
import type { WaitForTasksOutput } from "../../src/contracts/wait-for-tasks.js";
import { normalizeApiTime } from "../../src/ecs/responses.js";
import { isUtcSeconds } from "../../src/util/utc.js";
import { startHarness, textOf, type Harness } from "../helpers/in-memory.js";
import { IMPORT_RUNNING, progressFixture } from "../progress/fixtures.js";

const IMPOSSIBLE = "2026-13-45T99:99Z";
const FEB_30 = "2026-02-30T10:00Z";

describe("what counts as a real date", () => {
  it.each([
    ["2026-11-28T12:50Z", "2026-11-28T12:50:00Z"],
    ["2020-11-24T20:50+08:00", "2020-11-24T12:50:00Z"],
    [IMPOSSIBLE, IMPOSSIBLE],
    [FEB_30, FEB_30],
    ["2026-11-28T24:00:00Z", "2026-11-28T24:00:00Z"],
    ["soon", "soon"],
  ])("%s -> %s", (raw, normalized) => {
    expect(normalizeApiTime(raw)).toBe(normalized);
  });

  it("a real instant in the one UTC form passes; rolled-over and out-of-range fields do not", () => {
    expect(isUtcSeconds("2026-11-28T12:50:00Z")).toBe(true);
    for (const bad of ["2026-02-30T10:00:00Z", "2026-11-28T24:00:00Z", "2026-13-01T00:00:00Z", "2026-11-28T12:60:00Z", "2026-11-28T12:50Z", "x"]) {
      expect(isUtcSeconds(bad), bad).toBe(false);
    }
  });
});

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Rows 0 and 1 of the next DescribeTasks answer get an impossible CreationTime and FinishedTime. */
function breakTimes(hh: Harness) {
  hh.sandbox.injectFaults(
    [
      {
        kind: "rewrite",
        rewrite: (body) => {
          const rows = (body.TaskSet as { Task: Array<Record<string, unknown>> }).Task;
          rows[0]!.CreationTime = IMPOSSIBLE;
          rows[1]!.FinishedTime = FEB_30;
          return body;
        },
      },
    ],
    { action: "DescribeTasks" },
  );
}

describe("describe_ecs_tasks with an impossible time in one row", () => {
  it.each(["Asia/Shanghai", "UTC"])("TimeZone %s: the answer stands, the bad times are kept as received and marked", async (zone) => {
    const hh = (h = await startHarness({ sandbox: { tasksPerRegion: 20 } }));
    breakTimes(hh);
    const result = await hh.client.callTool({ name: "describe_ecs_tasks", arguments: { TaskStatus: "Finished", IncludeProgress: false, TimeZone: zone } });
    expect(result.isError, textOf(result)).toBeFalsy();
    const out = result.structuredContent as DescribeTasksOutput;
    const [first, second, third] = out.Tasks;
    expect(first).toMatchObject({ CreationTime: IMPOSSIBLE, InvalidTimes: ["CreationTime"] });
    expect(first!.DurationSeconds).toBeUndefined();
    expect(second).toMatchObject({ FinishedTime: FEB_30, InvalidTimes: ["FinishedTime"] });
    expect(second!.DurationSeconds).toBeUndefined();
    expect(third!.InvalidTimes).toBeUndefined();
    expect(third!.DurationSeconds).toBeGreaterThan(0);
    expect(out.UpstreamNote).toMatch(new RegExp(`^2 task\\(s\\) carry a time that is not a real date \\(first: ${first!.TaskId} CreationTime\\)`));

    const text = textOf(result);
    expect(text).toContain(`${IMPOSSIBLE} (not a date)`);
    expect(text).toContain(`${FEB_30} (not a date)`);
    expect(text).toContain("Note: 2 task(s) carry a time that is not a real date");
    // The good rows are still shown in the zone asked for.
    if (zone === "UTC") {
      expect(text).toMatch(/\| \d{4}-\d{2}-\d{2} \d{2}:\d{2} \|/);
      expect(text).toContain("Times in UTC.");
    }
    else expect(text).toMatch(/\| \d{4}-\d{2}-\d{2} \d{2}:\d{2} \|/);
  });
});

describe("describe_ecs_task_attribute and wait_for_ecs_tasks with an impossible time", () => {
  const breakAttribute = (hh: Harness, times = 1) =>
    hh.sandbox.injectFaults(
      Array.from({ length: times }, () => ({ kind: "rewrite" as const, rewrite: (b: Record<string, unknown>) => ({ ...b, CreationTime: IMPOSSIBLE }) })),
      { action: "DescribeTaskAttribute" },
    );

  it("describe_ecs_task_attribute: kept as received, marked, no duration, no history ETA from it", async () => {
    const hh = (h = await startHarness({ sandbox: { tasks: progressFixture() } }));
    breakAttribute(hh);
    const result = await hh.client.callTool({ name: "describe_ecs_task_attribute", arguments: { TaskId: IMPORT_RUNNING } });
    expect(result.isError, textOf(result)).toBeFalsy();
    const out = result.structuredContent as TaskAttributeOutput;
    expect(out).toMatchObject({ TaskId: IMPORT_RUNNING, CreationTime: IMPOSSIBLE, InvalidTimes: ["CreationTime"], Progress: 40 });
    expect(out.DurationSeconds).toBeUndefined();
    expect(out.EtaBasis).toBeUndefined();
    expect(textOf(result)).toContain(`since ${IMPOSSIBLE} (not a date)`);
  });

  it("wait_for_ecs_tasks: kept as received and marked in both halves", async () => {
    const hh = (h = await startHarness({ sandbox: { tasks: progressFixture() } }));
    breakAttribute(hh, 10);
    const result = await hh.client.callTool({ name: "wait_for_ecs_tasks", arguments: { TaskIds: [IMPORT_RUNNING], TimeoutSeconds: 4, PollIntervalSeconds: 2 } });
    expect(result.isError, textOf(result)).toBeFalsy();
    const out = result.structuredContent as WaitForTasksOutput;
    expect(out.Tasks[0]).toMatchObject({ CreationTime: IMPOSSIBLE, InvalidTimes: ["CreationTime"] });
    expect(textOf(result)).toContain(`${IMPOSSIBLE} (not a date)`);
  });
});
