// The dashboard view's pure parts, in Node: reading an answer, merging a refresh, the zone a time is
// shown in, and the refresh schedule (back-off, stop when all ended or at the time limit).
import { describe, expect, it } from "vitest";
import { applyRefresh, fromAnswer, hasRunning, refreshGroups, shownTime } from "../../src/app/model.js";
import { nextDelay, REFRESH_FIRST_MS, REFRESH_LIMIT_MS, REFRESH_MAX_MS, shouldStop } from "../../src/app/schedule.js";

const answer = {
  RegionId: "cn-hangzhou",
  TotalCount: 3,
  Tasks: [
    { TaskId: "t-run1", TaskAction: "ImportImage", TaskStatus: "Processing", ResourceId: "m-1", ImageName: "web-2026", CreationTime: "2026-11-28T13:00:00Z", CreationTimeLocal: "2026-11-28 21:00", Progress: 40 },
    { TaskId: "t-fail", TaskAction: "ImportImage", TaskStatus: "Failed", ErrorCode: "InvalidImage.Format", ErrorMsg: "bad format" },
    { TaskId: "t-done", TaskAction: "ModifyDiskSpec", TaskStatus: "Finished", Unknown: { nested: true } },
    { nonsense: 1 },
  ],
  Summary: { ByStatus: { Processing: 1, Failed: 1, Finished: 1 } },
  Query: { TimeWindow: "2026-11-27 00:00 to 2026-11-28 00:00 Asia/Shanghai" },
  TimeZone: "Asia/Shanghai",
};

describe("fromAnswer", () => {
  it("reads rows, counts, window and zone, skipping what is not a task", () => {
    const d = fromAnswer(answer)!;
    expect(d.rows.map((r) => r.TaskId)).toEqual(["t-run1", "t-fail", "t-done"]);
    expect(d.rows[0]).toMatchObject({ ImageName: "web-2026", Progress: 40 });
    expect(d.byStatus).toEqual({ Processing: 1, Failed: 1, Finished: 1 });
    expect(d).toMatchObject({ total: 3, zone: "Asia/Shanghai", zoneNamed: true, window: answer.Query.TimeWindow });
    expect(hasRunning(d)).toBe(true);
  });

  it("is undefined for anything that is not a task list", () => {
    expect(fromAnswer(undefined)).toBeUndefined();
    expect(fromAnswer({ Tasks: "no" })).toBeUndefined();
  });
});

describe("refresh", () => {
  it("groups running rows by region, 20 per call", () => {
    const many = { ...answer, RegionId: "all", Tasks: Array.from({ length: 25 }, (_, i) => ({ TaskId: `t-r${i}`, TaskAction: "ImportImage", TaskStatus: "Processing", RegionId: i < 22 ? "cn-hangzhou" : "cn-beijing" })) };
    const groups = refreshGroups(fromAnswer(many)!);
    expect(groups.map((g) => [g.RegionId, g.TaskIds.length])).toEqual([["cn-hangzhou", 20], ["cn-hangzhou", 2], ["cn-beijing", 3]]);
  });

  it("moves the percent, moves an ended task between counts, keeps a row whose look-up failed", () => {
    const d = fromAnswer(answer)!;
    const moved = applyRefresh(d, { Tasks: [{ TaskId: "t-run1", TaskStatus: "Processing", Progress: 55, EstimatedCompletionTimeLocal: "2026-11-28 22:00" }] });
    expect(moved.changed).toBe(true);
    expect(moved.dashboard.rows[0]).toMatchObject({ Progress: 55, ImageName: "web-2026", ResourceId: "m-1", CreationTimeLocal: "2026-11-28 21:00" });
    const ended = applyRefresh(moved.dashboard, { Tasks: [{ TaskId: "t-run1", TaskStatus: "Finished", Progress: 100 }] }).dashboard;
    expect(ended.byStatus).toEqual({ Processing: 0, Failed: 1, Finished: 2 });
    expect(hasRunning(ended)).toBe(false);
    const failedLookup = applyRefresh(d, { Tasks: [{ TaskId: "t-run1", LookupError: "Throttling" }] }).dashboard;
    expect(failedLookup.rows[0]).toMatchObject({ Progress: 40, LookupError: "Throttling", TaskStatus: "Processing" });
    expect(applyRefresh(d, { Tasks: [{ TaskId: "t-run1", TaskStatus: "Processing", Progress: 40 }] }).changed).toBe(false);
  });
});

describe("shownTime", () => {
  it("uses the answer's zone when the query named one, else the host's", () => {
    const named = fromAnswer(answer)!;
    expect(shownTime("2026-11-28T13:00:00Z", "2026-11-28 21:00", named, "Europe/Berlin")).toEqual({ text: "2026-11-28 21:00", zone: "Asia/Shanghai" });
    const unnamed = fromAnswer({ ...answer, TimeZone: "UTC", ZoneNote: "server's zone" })!;
    expect(unnamed.zoneNamed).toBe(false);
    expect(shownTime("2026-11-28T13:00:00Z", "2026-11-28 13:00", unnamed, "Europe/Berlin")).toEqual({ text: "2026-11-28 14:00", zone: "Europe/Berlin" });
    expect(shownTime("2026-11-28T13:00:00Z", "2026-11-28 13:00", unnamed, undefined)).toEqual({ text: "2026-11-28 13:00", zone: "UTC" });
  });
});

describe("schedule", () => {
  it("starts after a few seconds and backs off to a ceiling, faster after failures", () => {
    const delays: number[] = [];
    let d: number | undefined;
    for (let i = 0; i < 10; i++) delays.push((d = nextDelay(d, false)));
    expect(delays[0]).toBe(REFRESH_FIRST_MS);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(delays.at(-1)).toBe(REFRESH_MAX_MS);
    expect(nextDelay(4000, true)).toBe(8000);
  });

  it("stops when nothing runs, or when the next refresh would pass the time limit", () => {
    expect(shouldStop(0, 1000, 3000, false)).toBe("ended");
    expect(shouldStop(0, 1000, 3000, true)).toBeUndefined();
    expect(shouldStop(0, REFRESH_LIMIT_MS - 1000, 3000, true)).toBe("limit");
  });
});
