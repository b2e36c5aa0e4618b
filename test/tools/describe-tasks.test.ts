import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_CREDENTIAL, yesterdayInUtcAndShanghai } from "../../src/sandbox/index.js";
import { describeTasksOutput, type DescribeTasksOutput } from "../../src/contracts/describe-tasks.js";
import { FIXED_NOW, startHarness, textOf, type Harness } from "../helpers/in-memory.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

async function call(args: Record<string, unknown>) {
  const before = h.sandbox.requests.length;
  const result = await h.client.callTool({ name: "describe_ecs_tasks", arguments: args });
  const all = h.sandbox.requests.slice(before);
  return {
    result,
    all,
    requests: all.filter((r) => r.action === "DescribeTasks"),
    structured: result.structuredContent as DescribeTasksOutput,
  };
}

describe("describe_ecs_tasks through the MCP SDK client", () => {
  it("answers with schema-valid structuredContent and a text summary", async () => {
    const { result, structured, requests } = await call({ RegionId: "cn-hangzhou", PageSize: 20 });
    expect(result.isError).toBeFalsy();
    expect(() => describeTasksOutput.parse(structured)).not.toThrow();
    // The page, then one-row count queries per status, because more tasks match than one page shows.
    expect(requests.map((r) => [r.query.TaskStatus, r.query.PageSize])).toEqual([
      [undefined, "20"],
      ["Finished", "1"],
      ["Processing", "1"],
      ["Failed", "1"],
    ]);
    expect(requests.every((r) => r.status === 200)).toBe(true);
    expect(structured.DataSource).toBe("sandbox");
    expect(structured.Returned).toBe(20);
    expect(structured.Tasks).toHaveLength(20);
    expect(structured.TotalCount).toBe(h.sandbox.tasks.filter((t) => t.RegionId === "cn-hangzhou").length);
    expect(structured.HasMore).toBe(true);
    expect(structured.Next?.Arguments).toMatchObject({ RegionId: "cn-hangzhou", PageNumber: 2, PageSize: 20 });
    const region = h.sandbox.tasks.filter((t) => t.RegionId === "cn-hangzhou");
    const exact = (status: string) => region.filter((t) => t.TaskStatus === status && !(t.finishAt && t.finishAt <= FIXED_NOW)).length;
    expect(structured.Summary.ByStatus.Failed ?? 0).toBe(exact("Failed"));
    expect(structured.Summary.ByStatus.Processing ?? 0).toBe(exact("Processing"));
    expect(Object.values(structured.Summary.ByStatus).reduce((a, b) => a + b, 0)).toBe(structured.TotalCount);
    expect(structured.Summary.ByStatusCovers).toBe("all matching tasks");
    expect(structured.Summary.ByActionCovers).toBe("tasks read");
    expect(Object.values(structured.Summary.ByAction).reduce((a, b) => a + b, 0)).toBe(20);
    for (const t of structured.Tasks) {
      expect(t.CreationTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      if (t.TaskStatus === "Processing") expect(t.FinishedTime).toBeUndefined();
      else expect(t.FinishedTime).toMatch(/:00Z$/);
      expect(typeof t.SupportCancel).toBe("boolean");
    }
    const text = textOf(result);
    expect(text).toContain("SANDBOX DATA");
    expect(text).toMatch(/cn-hangzhou: \d+ task\(s\) match; 20 shown, newest first/);
    expect(text).toMatch(/By status \(all matching\): /);
    expect(text).toContain('"PageNumber":2,"PageSize":20');
    expect(text).not.toContain("structuredContent");
    expect(text).toContain("TaskId | Action | Status");
    expect(text).not.toContain("{\n"); // not a JSON dump
  });

  it("sends exactly the given filters and echoes them in Query", async () => {
    const processingImport = h.sandbox.tasks.find((t) => t.RegionId === "cn-hangzhou" && t.TaskAction === "ImportImage")!;
    const { structured, requests } = await call({
      RegionId: "cn-hangzhou",
      TaskIds: [processingImport.TaskId],
      TaskAction: "ImportImage",
      ResourceIds: [processingImport.ResourceId],
      StartTime: "2026-10-01T08:00:00+08:00",
      EndTime: "2026-11-28T14:00:00Z",
      PageNumber: 1,
      PageSize: 100,
    });
    expect(requests[0]!.query).toEqual({
      RegionId: "cn-hangzhou",
      TaskIds: processingImport.TaskId,
      TaskAction: "ImportImage",
      "ResourceIds.1": processingImport.ResourceId,
      StartTime: "2026-10-01T00:00:00Z",
      EndTime: "2026-11-28T14:00:00Z",
      PageNumber: "1",
      PageSize: "100",
    });
    const { RegionSource, TimeWindow, ResourceIds, PageNumber, PageSize, ...wire } = structured.Query;
    expect(RegionSource).toBe("argument");
    expect(structured.TimeZone).toBe("UTC");
    expect(TimeWindow).toBeDefined();
    expect({ ...wire, "ResourceIds.1": ResourceIds![0], PageNumber: String(PageNumber), PageSize: String(PageSize) }).toEqual(
      requests[0]!.query,
    );
    expect(structured.Tasks.map((t) => t.TaskId)).toEqual([processingImport.TaskId]);
  });

  it.each<[Record<string, string>, string | undefined, string | undefined]>([
    [{ TimeRange: "last 2 hours" }, "2026-11-28T12:10:00Z", "2026-11-28T14:10:00Z"],
    [{ TimeRange: "this week", TimeZone: "America/Los_Angeles" }, "2026-11-23T08:00:00Z", "2026-11-28T14:10:00Z"],
    [{ StartTime: "yesterday 14:30", TimeZone: "Asia/Shanghai" }, "2026-11-27T06:30:00Z", undefined],
    [{ EndTime: "2026-11-20", TimeZone: "America/Los_Angeles" }, undefined, "2026-11-21T08:00:00Z"],
    [{ TimeRange: "between 2026-11-20 09:00 and 17:30", TimeZone: "Asia/Shanghai" }, "2026-11-20T01:00:00Z", "2026-11-20T09:30:00Z"],
  ])("resolves %j and echoes exactly the window that reached the sandbox", async (args, start, end) => {
    const { structured, requests } = await call(args);
    expect(requests.length).toBeGreaterThanOrEqual(1);
    for (const r of requests) {
      expect(r.query.StartTime).toBe(start);
      expect(r.query.EndTime).toBe(end);
    }
    expect(structured.Query.StartTime).toBe(start);
    expect(structured.Query.EndTime).toBe(end);
    expect(structured.TimeZone).toBe(args.TimeZone ?? "UTC");
    expect(structured.Query.TimeWindow).toBeTruthy();
  });

  it("accepts TaskIds as a comma-separated string", async () => {
    const ids = h.sandbox.tasks.filter((t) => t.RegionId === "cn-hangzhou").slice(0, 3).map((t) => t.TaskId);
    const { structured, requests } = await call({ TaskIds: ids.join(", ") });
    expect(requests[0]!.query.TaskIds).toBe(ids.join(","));
    expect(structured.Tasks.map((t) => t.TaskId).sort()).toEqual([...ids].sort());
    expect(structured.Query.RegionSource).toBe("configuration");
  });

  it("finds yesterday's failed image import", async () => {
    const { structured } = await call({ TaskAction: "ImportImage", TaskStatus: "Failed", TimeRange: "yesterday", TimeZone: "Asia/Shanghai" });
    expect(structured.Query.StartTime).toBe("2026-11-26T16:00:00Z");
    expect(structured.Query.EndTime).toBe("2026-11-27T16:00:00Z");
    expect(structured.Query.TimeWindow).toBe("2026-11-27 00:00 to 2026-11-28 00:00 Asia/Shanghai");
    expect(structured.TotalCount).toBeGreaterThanOrEqual(1);
    for (const t of structured.Tasks) {
      expect(t.TaskStatus).toBe("Failed");
      expect(t.TaskAction).toBe("ImportImage");
    }
    const planted = yesterdayInUtcAndShanghai(FIXED_NOW).toISOString().replace(/\.\d{3}Z$/, "Z");
    expect(structured.Tasks.some((t) => t.CreationTime === planted)).toBe(true);
  });

  it("summarises the oldest task still processing", async () => {
    const { structured } = await call({ TaskStatus: "Processing", PageSize: 100 });
    const oldest = [...structured.Tasks].sort((a, b) => a.CreationTime!.localeCompare(b.CreationTime!))[0]!;
    expect(structured.Summary.OldestProcessing?.TaskId).toBe(oldest.TaskId);
    expect(structured.Summary.OldestProcessing?.RunningSeconds).toBe(
      (FIXED_NOW.getTime() - Date.parse(oldest.CreationTime!)) / 1000,
    );
  });

  it("shows table times in the query's zone while structuredContent keeps UTC", async () => {
    const { result, structured } = await call({ TimeZone: "Asia/Shanghai", PageSize: 1, IncludeProgress: false });
    const created = structured.Tasks[0]!.CreationTime!;
    expect(created).toMatch(/Z$/);
    const local = new Date(Date.parse(created) + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ");
    const text = textOf(result);
    expect(text).toContain("Times in Asia/Shanghai.");
    expect(text).toContain(`| ${local} |`);
    expect(structured.Tasks[0]!.CreationTimeLocal).toBe(local);
    expect(structured.ZoneNote).toBeUndefined();
  });

  it("reuses one keep-alive connection across calls", async () => {
    const before = h.sandbox.connections;
    for (let i = 0; i < 5; i++) await call({ TaskStatus: "Finished", IncludeProgress: false });
    expect(h.sandbox.connections - before).toBeLessThanOrEqual(1);
  });

  it("reports an empty page past the end without a next page", async () => {
    const { structured, result } = await call({ PageNumber: 999, PageSize: 100 });
    expect(structured.Returned).toBe(0);
    expect(structured.HasMore).toBe(false);
    expect(structured.Next).toBeUndefined();
    expect(textOf(result)).toMatch(/none shown on page 999/);
  });
});

describe("bad input is refused before any network call", () => {
  it.each([
    [{ TaskStatus: "Paused" }, /TaskStatus must be one of: Finished, Processing, Failed \(got "Paused"\)/],
    [{ TaskAction: "CreateInstance" }, /TaskAction must be one of: ImportImage/],
    [{ RegionId: "cn-hangzhou.evil.com" }, /RegionId must look like "cn-hangzhou"/],
    [{ PageSize: 101 }, /PageSize/],
    [{ PageSize: 0 }, /PageSize/],
    [{ PageNumber: 1.5 }, /PageNumber/],
    [{ TaskIds: "not-a-task" }, /TaskIds must be task IDs like t-/],
    [{ TaskIds: Array.from({ length: 101 }, (_, i) => `t-abcd${i}`) }, /TaskIds/],
    [{ TaskIds: Array.from({ length: 101 }, (_, i) => `t-abcd${i}`).join(",") }, /at most 100/],
    [{ ResourceIds: ["m-ok", "bad id with spaces"] }, /resource ID/],
    [{ StartTime: "2026-11-20T09:00:00Z", TimeRange: "yesterday" }, /TimeRange/],
    [{ TimeRange: "whenever it was" }, /accepted/i],
    [{ TimeZone: "Mars/Olympus" }, /Mars\/Olympus/],
    [{ Unknown: 1 }, /Unrecognized key|Unknown/],
  ])("%j", async (args, message) => {
    const { result, all } = await call(args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
    expect(all).toHaveLength(0);
  });
});

describe("upstream failures", () => {
  it("names the Alibaba code, message, RequestId and what to do", async () => {
    const { result, requests } = await call({ RegionId: "xx-nowhere-9" });
    expect(result.isError).toBe(true);
    const text = textOf(result);
    expect(text).toContain("InvalidRegionId.NotFound");
    expect(text).toContain("The specified RegionId does not exist.");
    expect(text).toMatch(/RequestId: [0-9A-F-]{36}/);
    expect(text).toMatch(/What to do: .*valid region ID/);
    expect(requests[0]!.status).toBe(400);
  });

  it("maps a RAM refusal to the permission needed", async () => {
    const denied = await startHarness({
      sandbox: { credentials: [{ ...SANDBOX_CREDENTIAL, deniedActions: ["DescribeTasks"] }] },
    });
    try {
      const result = await denied.client.callTool({ name: "describe_ecs_tasks", arguments: {} });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/Forbidden\.RAM[\s\S]*ecs:DescribeTasks/);
    } finally {
      await denied.close();
    }
  });

  it("maps a wrong secret to SignatureDoesNotMatch with a credentials hint", async () => {
    const wrong = await startHarness({
      credentials: { accessKeyId: SANDBOX_CREDENTIAL.accessKeyId, accessKeySecret: "wrong-secret-value-123", providerName: "test" },
    });
    try {
      const result = await wrong.client.callTool({ name: "describe_ecs_tasks", arguments: {} });
      expect(result.isError).toBe(true);
      const text = textOf(result);
      expect(text).toMatch(/SignatureDoesNotMatch[\s\S]*Local clock: 2026-11-28T14:10:00Z[\s\S]*secret does not match/);
      expect(text).not.toContain("wrong-secret-value-123");
    } finally {
      await wrong.close();
    }
  });

  it("says which region sources were tried when none is set", async () => {
    const noRegion = await startHarness({ config: { regionId: undefined } });
    try {
      const result = await noRegion.client.callTool({ name: "describe_ecs_tasks", arguments: {} });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/RegionId[\s\S]*ALIBABA_CLOUD_REGION_ID[\s\S]*region_id/);
      expect(noRegion.sandbox.requests).toHaveLength(0);
    } finally {
      await noRegion.close();
    }
  });
});
