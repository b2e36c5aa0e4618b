import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../../src/sandbox/index.js";
import { IDS, fixtureTasks } from "./fixtures.js";
import { call, type Clock, sandboxWithClock, T0 } from "./helpers.js";

const MIN = 60_000;
let sb: Sandbox;
let clock: Clock;

// A fresh sandbox per test: CancelTask and finishTask mutate the data.
beforeEach(async () => {
  ({ sb, clock } = await sandboxWithClock({ tasks: fixtureTasks() }));
});
afterEach(() => sb.close());

const attribute = (taskId: string, regionId = "cn-hangzhou") =>
  call(sb, clock, "DescribeTaskAttribute", { RegionId: regionId, TaskId: taskId });

describe("DescribeTaskAttribute", () => {
  it("answers the documented shape for a running import", async () => {
    const res = await attribute(IDS.running);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      TaskId: IDS.running,
      TaskAction: "ImportImage",
      TaskStatus: "Processing",
      TaskProcess: "40%",
      SupportCancel: "true",
      SuccessCount: 0,
      FailedCount: 0,
      TotalCount: 1,
      CreationTime: "2024-05-10T04:36Z",
      FinishedTime: "",
      RegionId: "cn-hangzhou",
      RequestId: res.json["RequestId"],
      OperationProgressSet: {
        OperationProgress: [
          {
            OperationStatus: "Processing",
            ErrorCode: "",
            ErrorMsg: "",
            RelatedItemSet: {
              RelatedItem: [
                { Name: "OSSBucket", Value: "prod-images" },
                { Name: "OSSObject", Value: "images/centos7.qcow2" },
                { Name: "ImageFormat", Value: "QCOW2" },
              ],
            },
          },
        ],
      },
    });
  });

  it("advances with the injected clock from 40% to Finished", async () => {
    const seen: string[] = [];
    for (const minutes of [0, 18, 35, 36, 90]) {
      clock.set(T0 + minutes * MIN);
      const res = await attribute(IDS.running);
      seen.push(`${res.json["TaskStatus"]} ${res.json["TaskProcess"]}`);
    }
    expect(seen).toEqual(["Processing 40%", "Processing 70%", "Processing 98%", "Finished 100%", "Finished 100%"]);
    const done = await attribute(IDS.running);
    expect(done.json).toMatchObject({ SuccessCount: 1, FailedCount: 0, FinishedTime: "2024-05-10T05:36Z", SupportCancel: "false" });
    expect(done.json["OperationProgressSet"]["OperationProgress"][0]["OperationStatus"]).toBe("Success");
  });

  it("reports a Failed task with where it stopped and its error", async () => {
    const res = await attribute(IDS.failed);
    expect(res.json).toMatchObject({ TaskStatus: "Failed", TaskProcess: "37%", SuccessCount: 0, FailedCount: 1, TotalCount: 1 });
    expect(res.json["OperationProgressSet"]["OperationProgress"][0]).toMatchObject({
      OperationStatus: "Failed",
      ErrorCode: "InvalidOSSObject.NotFound",
      ErrorMsg: "The specified OSS object does not exist.",
      RelatedItemSet: { RelatedItem: [] },
    });
  });

  it("creeps a Processing task without finishAt slowly and deterministically", async () => {
    const task = sb.tasks.find((t) => t.TaskId === IDS.archive);
    if (!task) throw new Error("fixture missing");
    task.TaskAction = "ModifyDiskSpec"; // ArchiveSnapshot is outside DescribeTaskAttribute
    task.CreationTime = new Date(T0 - 2 * MIN); // young enough not to be capped at 99%
    const first = Number.parseInt(String((await attribute(IDS.archive)).json["TaskProcess"]), 10);
    clock.advance(3 * MIN);
    const later = Number.parseInt(String((await attribute(IDS.archive)).json["TaskProcess"]), 10);
    expect(first).toBeGreaterThanOrEqual(2);
    expect(first).toBeLessThan(42);
    expect(later).toBe(first + 3);
  });

  it("answers the errors of the API", async () => {
    const noTask = await call(sb, clock, "DescribeTaskAttribute", { RegionId: "cn-hangzhou" });
    expect(noTask.json).toMatchObject({
      Code: "MissingParameter",
      Message: 'An input parameter "TaskId" that is mandatory for processing the request is not supplied.',
    });
    const unknown = await attribute("t-bp1doesnotexist000000");
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ Code: "InvalidTaskId.NotFound", Message: 'The specified "TaskId" is not found.' });
    expect((await attribute(IDS.running, "cn-shanghai")).json["Code"]).toBe("InvalidTaskId.NotFound");
    const redeploy = await attribute(IDS.redeploy);
    expect(redeploy.status).toBe(403);
    expect(redeploy.json["Code"]).toBe("InvalidTaskId.TaskActionNotSupport");
    expect((await attribute(IDS.running, "mars-1")).json["Code"]).toBe("InvalidRegionId.NotFound");
  });
});

describe("finishTask", () => {
  it("finishes a running task now, as seen by both APIs", async () => {
    clock.advance(5 * MIN);
    sb.finishTask(IDS.running);
    const attr = await attribute(IDS.running);
    expect(attr.json).toMatchObject({ TaskStatus: "Finished", TaskProcess: "100%", FinishedTime: "2024-05-10T05:05Z" });
    const list = await call(sb, clock, "DescribeTasks", { RegionId: "cn-hangzhou", TaskIds: IDS.running });
    expect(list.json["TaskSet"]["Task"][0]).toMatchObject({ TaskStatus: "Finished", SupportCancel: "false", FinishedTime: "2024-05-10T05:05Z" });
  });

  it("fails a running task where it stood", async () => {
    sb.finishTask(IDS.running, "Failed");
    const attr = await attribute(IDS.running);
    expect(attr.json).toMatchObject({ TaskStatus: "Failed", TaskProcess: "40%", FailedCount: 1 });
    expect(attr.json["OperationProgressSet"]["OperationProgress"][0]["ErrorCode"]).not.toBe("");
  });

  it("throws for an unknown task", () => {
    expect(() => sb.finishTask("t-nope")).toThrow(/t-nope/);
  });
});

describe("CancelTask", () => {
  const cancel = (taskId: string) => call(sb, clock, "CancelTask", { RegionId: "cn-hangzhou", TaskId: taskId });

  it("cancels a running import: it then reads as Failed", async () => {
    const res = await cancel(IDS.running);
    expect(res.status).toBe(200);
    expect(Object.keys(res.json)).toEqual(["RequestId"]);
    const attr = await attribute(IDS.running);
    expect(attr.json).toMatchObject({ TaskStatus: "Failed", SupportCancel: "false", TaskProcess: "40%", FinishedTime: "2024-05-10T05:00Z" });
    expect(attr.json["OperationProgressSet"]["OperationProgress"][0]["ErrorCode"]).toBe("TaskCancelled");
    expect((await cancel(IDS.running)).json["Code"]).toBe("InvalidTaskId.IncorrectTaskStatus");
  });

  it("refuses tasks that are not running, other actions, and unknown tasks", async () => {
    const done = await cancel(IDS.overdue); // Processing in data, but finishAt has passed
    expect(done.status).toBe(403);
    expect(done.json["Code"]).toBe("InvalidTaskId.IncorrectTaskStatus");
    const other = await cancel(IDS.archive);
    expect(other.status).toBe(403);
    expect(other.json["Code"]).toBe("InvalidTaskId.TaskActionNotSupport");
    expect((await cancel("t-bp1unknown")).json["Code"]).toBe("InvalidTaskId.NotFound");
  });
});

describe("DescribeRegions", () => {
  it("lists regions in Chinese by default and English on request", async () => {
    const zh = await call(sb, clock, "DescribeRegions", {});
    expect(zh.status).toBe(200);
    const regions = zh.json["Regions"]["Region"] as Record<string, string>[];
    expect(regions).toHaveLength(8);
    expect(regions[0]).toEqual({ RegionId: "cn-hangzhou", RegionEndpoint: "ecs.cn-hangzhou.aliyuncs.com", LocalName: "华东1（杭州）", Status: "available" });
    const en = await call(sb, clock, "DescribeRegions", { AcceptLanguage: "en-US" });
    expect(en.json["Regions"]["Region"][0]["LocalName"]).toBe("China (Hangzhou)");
  });
});
