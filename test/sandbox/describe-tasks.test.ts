import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../src/sandbox/index.js";
import { IDS, fixtureTasks } from "./fixtures.js";
import { call, type Clock, sandboxWithClock } from "./helpers.js";

let sb: Sandbox;
let clock: Clock;

beforeAll(async () => {
  ({ sb, clock } = await sandboxWithClock({ tasks: fixtureTasks() }));
});
afterAll(() => sb.close());

const describeTasks = (query: Record<string, string>) => call(sb, clock, "DescribeTasks", { RegionId: "cn-hangzhou", ...query });
const ids = (json: Record<string, any>): string[] => (json["TaskSet"]["Task"] as { TaskId: string }[]).map((t) => t.TaskId);

const NEWEST_FIRST = [IDS.running, IDS.overdue, IDS.archive, IDS.failed, IDS.exported, IDS.redeploy, IDS.disk];

describe("DescribeTasks", () => {
  it("answers the documented shape, newest first, ties by TaskId", async () => {
    const res = await describeTasks({});
    expect(res.status).toBe(200);
    const { TaskSet, ...rest } = res.json;
    expect(rest).toEqual({ PageSize: 10, PageNumber: 1, TotalCount: 7, RegionId: "cn-hangzhou", RequestId: res.json["RequestId"] });
    expect(ids(res.json)).toEqual(NEWEST_FIRST);
    expect(TaskSet.Task[0]).toEqual({
      TaskId: IDS.running,
      TaskAction: "ImportImage",
      TaskStatus: "Processing",
      SupportCancel: "true",
      CreationTime: "2024-05-10T04:36Z",
      FinishedTime: "",
      ResourceId: "m-bp1image00000000001",
    });
    const failed = TaskSet.Task[3];
    expect(failed).toMatchObject({ TaskStatus: "Failed", SupportCancel: "false", CreationTime: "2024-05-09T08:00Z", FinishedTime: "2024-05-09T08:20Z" });
  });

  it("evaluates status live: a Processing task past finishAt reads Finished", async () => {
    const res = await describeTasks({ TaskIds: IDS.overdue });
    expect(res.json["TaskSet"]["Task"][0]).toMatchObject({ TaskStatus: "Finished", SupportCancel: "false", FinishedTime: "2024-05-10T04:59Z" });
  });

  it("pages with PageNumber and PageSize; TotalCount counts all matches", async () => {
    const pages = await Promise.all([1, 2, 3, 4].map((n) => describeTasks({ PageSize: "3", PageNumber: String(n) })));
    expect(pages.map((p) => p.json["TotalCount"])).toEqual([7, 7, 7, 7]);
    expect(pages.map((p) => ids(p.json))).toEqual([NEWEST_FIRST.slice(0, 3), NEWEST_FIRST.slice(3, 6), NEWEST_FIRST.slice(6), []]);
    expect(pages[1]?.json).toMatchObject({ PageSize: 3, PageNumber: 2 });
  });

  it("filters by TaskIds (comma-separated, region-scoped)", async () => {
    const res = await describeTasks({ TaskIds: `${IDS.disk}, ${IDS.running},${IDS.shanghai}` });
    expect(ids(res.json)).toEqual([IDS.running, IDS.disk]);
  });

  it("filters by TaskAction", async () => {
    expect(ids((await describeTasks({ TaskAction: "ImportImage" })).json)).toEqual([IDS.running, IDS.failed]);
    expect(ids((await describeTasks({ TaskAction: "ExportImage" })).json)).toEqual([IDS.overdue, IDS.exported]);
  });

  it("filters by live TaskStatus and ignores unknown status words", async () => {
    expect(ids((await describeTasks({ TaskStatus: "Processing" })).json)).toEqual([IDS.running, IDS.archive]);
    expect(ids((await describeTasks({ TaskStatus: "Failed" })).json)).toEqual([IDS.failed]);
    expect((await describeTasks({ TaskStatus: "Finished" })).json["TotalCount"]).toBe(4);
    expect((await describeTasks({ TaskStatus: "Waiting" })).json["TotalCount"]).toBe(7);
  });

  it("filters by StartTime/EndTime on CreationTime, inclusive, with seconds or minutes", async () => {
    const day = await describeTasks({ StartTime: "2024-05-09T00:00:00Z", EndTime: "2024-05-09T23:59:59Z" });
    expect(ids(day.json)).toEqual([IDS.failed]);
    const inclusive = await describeTasks({ StartTime: "2024-05-07T00:00:00Z", EndTime: "2024-05-08T10:00Z" });
    expect(ids(inclusive.json)).toEqual([IDS.exported, IDS.redeploy, IDS.disk]);
    const open = await describeTasks({ StartTime: "2024-05-10T04:00Z" });
    expect(ids(open.json)).toEqual([IDS.running, IDS.overdue]);
  });

  it("filters by ResourceIds.N", async () => {
    const res = await describeTasks({ "ResourceIds.1": "m-bp1image00000000001", "ResourceIds.2": "d-bp1disk0000000000001" });
    expect(ids(res.json)).toEqual([IDS.running, IDS.exported, IDS.disk]);
  });

  it("combines filters", async () => {
    const res = await describeTasks({ TaskAction: "ImportImage", TaskStatus: "Failed", StartTime: "2024-05-09T00:00:00Z" });
    expect(ids(res.json)).toEqual([IDS.failed]);
  });
});

describe("DescribeTasks errors", () => {
  it("requires RegionId with the exact message", async () => {
    const res = await call(sb, clock, "DescribeTasks", {});
    expect(res.status).toBe(400);
    expect(res.json["Code"]).toBe("MissingParameter");
    expect(res.json["Message"]).toBe('An input parameter "RegionId" that is mandatory for processing the request is not supplied.');
  });

  it("refuses an unknown region", async () => {
    const res = await describeTasks({ RegionId: "mars-north-1" });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ Code: "InvalidRegionId.NotFound", Message: "The specified RegionId does not exist." });
  });

  it.each(["0", "101", "1.5", "ten", "-1"])("refuses PageSize=%s", async (size) => {
    const res = await describeTasks({ PageSize: size });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ Code: "InvalidParameter", Message: "The specified parameter PageSize is not valid." });
  });

  it("accepts PageSize 1 and 100; refuses PageNumber 0", async () => {
    expect((await describeTasks({ PageSize: "1" })).json["TaskSet"]["Task"]).toHaveLength(1);
    expect((await describeTasks({ PageSize: "100" })).json["PageSize"]).toBe(100);
    expect((await describeTasks({ PageNumber: "0" })).json["Code"]).toBe("InvalidParameter");
  });

  it("refuses an unknown TaskAction and more than 100 TaskIds", async () => {
    expect((await describeTasks({ TaskAction: "DeleteEverything" })).json["Code"]).toBe("InvalidParameter");
    const many = Array.from({ length: 101 }, (_, i) => `t-${i}`).join(",");
    expect((await describeTasks({ TaskIds: many })).json["Code"]).toBe("InvalidParameter");
  });

  it.each([
    ["StartTime", "2024-05-09", "InvalidStartTime.Malformed"],
    ["StartTime", "2024-05-09 10:00:00", "InvalidStartTime.Malformed"],
    ["EndTime", "2024-02-30T00:00:00Z", "InvalidEndTime.Malformed"],
    ["EndTime", "2024-05-09T10:00:00+08:00", "InvalidEndTime.Malformed"],
  ])("refuses %s=%s", async (name, value, code) => {
    const res = await describeTasks({ [name]: value });
    expect(res.status).toBe(400);
    expect(res.json["Code"]).toBe(code);
  });
});
