import { describe, expect, it } from "vitest";
import {
  DEFAULT_REGIONS,
  generateBulkTasks,
  generateTasks,
  type SandboxTask,
  startSandbox,
  yesterdayInUtcAndShanghai,
} from "../../src/sandbox/index.js";
import { call, makeClock, T0 } from "./helpers.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date(T0);
const PREFIX: Record<string, string> = {
  "cn-hangzhou": "bp",
  "cn-shanghai": "uf",
  "cn-beijing": "2z",
  "cn-shenzhen": "wz",
  "cn-hongkong": "j6",
  "ap-southeast-1": "t4",
  "us-west-1": "rj",
  "eu-central-1": "gw",
};
const RESOURCE_LETTER: Record<string, string> = {
  ImportImage: "m",
  ExportImage: "m",
  RedeployInstance: "i",
  ModifyDiskSpec: "d",
  ArchiveSnapshot: "s",
};

/** The calendar day of an instant in a fixed-offset zone, as yyyy-mm-dd. */
const dayIn = (ms: number, offsetHours: number): string => new Date(ms + offsetHours * HOUR).toISOString().slice(0, 10);

describe("generateTasks", () => {
  const tasks = generateTasks({ regions: [...DEFAULT_REGIONS], perRegion: 60, seed: 1, now: NOW });

  it("is deterministic for a seed and clock, and differs for another seed", () => {
    expect(generateTasks({ regions: [...DEFAULT_REGIONS], perRegion: 60, seed: 1, now: NOW })).toEqual(tasks);
    const other = generateTasks({ regions: [...DEFAULT_REGIONS], perRegion: 60, seed: 2, now: NOW });
    expect(other.map((t) => t.TaskId)).not.toEqual(tasks.map((t) => t.TaskId));
  });

  it("makes perRegion tasks in every region with realistic IDs and the right resource kinds", () => {
    expect(tasks).toHaveLength(8 * 60);
    expect(new Set(tasks.map((t) => t.TaskId)).size).toBe(tasks.length);
    for (const t of tasks) {
      const p = PREFIX[t.RegionId];
      expect(t.TaskId).toMatch(new RegExp(`^t-${p}1[a-z0-9]{17}$`));
      expect(t.ResourceId).toMatch(new RegExp(`^${RESOURCE_LETTER[t.TaskAction]}-${p}1[a-z0-9]{17}$`));
    }
  });

  it("covers every action and status per region, within the last 30 days, newest first", () => {
    for (const region of DEFAULT_REGIONS) {
      const mine = tasks.filter((t) => t.RegionId === region);
      expect(new Set(mine.map((t) => t.TaskAction)).size).toBe(5);
      expect(new Set(mine.map((t) => t.TaskStatus))).toEqual(new Set(["Finished", "Processing", "Failed"]));
    }
    for (const t of tasks) {
      expect(t.CreationTime.getTime()).toBeGreaterThanOrEqual(T0 - 30 * DAY);
      expect(t.CreationTime.getTime()).toBeLessThanOrEqual(T0);
    }
    const times = tasks.map((t) => t.CreationTime.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("keeps statuses consistent: finish times, failures, cancel support, running ones still running", () => {
    for (const t of tasks) {
      expect(t.SupportCancel).toBe(t.TaskStatus === "Processing" && (t.TaskAction === "ImportImage" || t.TaskAction === "ExportImage"));
      if (t.TaskStatus === "Processing") {
        expect(t.FinishedTime).toBeUndefined();
        expect(t.finishAt!.getTime()).toBeGreaterThan(T0);
        expect(T0 - t.CreationTime.getTime()).toBeLessThanOrEqual(6 * HOUR);
      } else {
        expect(t.FinishedTime!.getTime()).toBeGreaterThan(t.CreationTime.getTime());
        expect(t.FinishedTime!.getTime()).toBeLessThanOrEqual(T0);
      }
      if (t.TaskStatus === "Failed") expect(t.failure?.ErrorCode).toMatch(/\w/);
    }
    const finished = tasks.filter((t) => t.TaskStatus === "Finished").length;
    expect(finished / tasks.length).toBeGreaterThan(0.6);
  });

  it("gives cn-hangzhou the demo's running import and failed imports, today and yesterday in UTC and UTC+8", () => {
    const imports = tasks.filter((t) => t.RegionId === "cn-hangzhou" && t.TaskAction === "ImportImage");
    const running = imports.find((t) => t.TaskStatus === "Processing" && T0 - t.CreationTime.getTime() < DAY);
    expect(running?.relatedItems).toHaveProperty("OSSObject");
    const failed = imports.filter((t) => t.TaskStatus === "Failed");
    expect(failed.some((t) => T0 - t.CreationTime.getTime() < DAY)).toBe(true);
    const yesterdayBoth = failed.filter(
      (t) =>
        dayIn(t.CreationTime.getTime(), 0) === dayIn(T0 - DAY, 0) &&
        dayIn(t.CreationTime.getTime(), 8) === dayIn(T0 - DAY, 8) &&
        dayIn(t.FinishedTime!.getTime(), 0) === dayIn(T0 - DAY, 0) &&
        dayIn(t.FinishedTime!.getTime(), 8) === dayIn(T0 - DAY, 8),
    );
    expect(yesterdayBoth.length).toBeGreaterThanOrEqual(1);
  });

  it("yesterdayInUtcAndShanghai lands in yesterday in both zones at every hour of the day", () => {
    for (let h = 0; h < 48; h++) {
      const now = Date.parse("2024-12-31T00:17:00Z") + h * HOUR;
      const y = yesterdayInUtcAndShanghai(new Date(now)).getTime();
      expect(dayIn(y, 0)).toBe(dayIn(now - DAY, 0));
      expect(dayIn(y, 8)).toBe(dayIn(now - DAY, 8));
    }
  });

  it("keeps the head of the guaranteed list for small perRegion", () => {
    const few = generateTasks({ regions: ["cn-hangzhou"], perRegion: 2, seed: 1, now: NOW });
    expect(few.map((t) => `${t.TaskAction}/${t.TaskStatus}`).sort()).toEqual(["ImportImage/Failed", "ImportImage/Processing"]);
  });
});

describe("generateBulkTasks", () => {
  it("makes 100,000 sorted, well-formed tasks", () => {
    const bulk = generateBulkTasks("cn-hangzhou", 100_000, NOW, 7);
    expect(bulk).toHaveLength(100_000);
    const sample = bulk.filter((_, i) => i % 997 === 0);
    for (const t of sample) expect(t.TaskId).toMatch(/^t-bp1[a-z0-9]{17}$/);
    expect(bulk.some((t) => t.TaskStatus === "Processing")).toBe(true);
    expect(bulk.some((t) => t.TaskStatus === "Failed")).toBe(true);
    for (let i = 1; i < bulk.length; i++) {
      expect(bulk[i - 1]!.CreationTime.getTime() >= bulk[i]!.CreationTime.getTime()).toBe(true);
    }
    expect(generateBulkTasks("cn-hangzhou", 50, NOW, 7)).toEqual(generateBulkTasks("cn-hangzhou", 50, NOW, 7));
  });

  it("serves pages over 100,000 tasks", async () => {
    const clock = makeClock();
    const tasks: SandboxTask[] = generateBulkTasks("cn-hangzhou", 100_000, NOW, 7);
    const sb = await startSandbox({ now: clock.now, tasks });
    try {
      const last = await call(sb, clock, "DescribeTasks", { RegionId: "cn-hangzhou", PageSize: "100", PageNumber: "1000" });
      expect(last.json["TotalCount"]).toBe(100_000);
      expect(last.json["TaskSet"]["Task"]).toHaveLength(100);
      expect(last.json["TaskSet"]["Task"][99]["TaskId"]).toBe(tasks[99_999]?.TaskId);
    } finally {
      await sb.close();
    }
  });
});

describe("startSandbox with generated data", () => {
  it("generates from the sandbox clock with defaults and finds the failed import yesterday by time window", async () => {
    const clock = makeClock();
    const sb = await startSandbox({ now: clock.now });
    try {
      expect(sb.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(sb.tasks).toHaveLength(8 * 60);
      // "Yesterday" in Asia/Shanghai, sent as UTC bounds.
      const res = await call(sb, clock, "DescribeTasks", {
        RegionId: "cn-hangzhou",
        TaskAction: "ImportImage",
        TaskStatus: "Failed",
        StartTime: "2024-05-08T16:00:00Z",
        EndTime: "2024-05-09T15:59:59Z",
      });
      expect(res.json["TotalCount"]).toBeGreaterThanOrEqual(1);
    } finally {
      await sb.close();
    }
  });
});

describe("the sandbox's request log", () => {
  it("keeps a bounded window of the latest requests, with absolute indexes", async () => {
    const { RequestLog } = await import("../../src/sandbox/request-log.js");
    const log = new RequestLog<{ n: number }>(4);
    for (let n = 0; n < 20; n++) log.push({ n });
    expect(log.length).toBe(20);
    expect(log.kept).toBeLessThanOrEqual(5);
    expect(log.at(19)).toEqual({ n: 19 });
    expect(log.at(-1)).toEqual({ n: 19 });
    expect(log.at(2)).toBeUndefined();
    expect(log.slice(17).map((r) => r.n)).toEqual([17, 18, 19]);
    expect(log.slice(0).length).toBe(log.kept);
  });
});
