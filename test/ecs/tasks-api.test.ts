import { describe, expect, it } from "vitest";
import type { EcsResponse } from "../../src/ecs/client.js";
import { EcsResponseError } from "../../src/errors.js";
import {
  normalizeApiTime,
  normalizeTask,
  parseDescribeTasks,
  parseSupportCancel,
  toDescribeTasksQuery,
} from "../../src/ecs/tasks-api.js";

const now = new Date("2026-11-28T14:10:30Z");

function response(body: Record<string, unknown>): EcsResponse {
  return { body, endpoint: "https://ecs.cn-hangzhou.aliyuncs.com", httpStatus: 200, providerName: "test", attempts: 1 };
}

describe("DescribeTasks parameter mapping", () => {
  it("sends exactly the given filters, arrays flattened", () => {
    expect(
      toDescribeTasksQuery({
        RegionId: "cn-hangzhou",
        TaskIds: ["t-aaaa1111", "t-bbbb2222"],
        TaskAction: "ImportImage",
        TaskStatus: "Failed",
        StartTime: "2026-11-27T00:00:00Z",
        EndTime: "2026-11-28T00:00:00Z",
        ResourceIds: ["m-one1", "m-two2", "m-three3"],
        PageNumber: 2,
        PageSize: 50,
      }),
    ).toEqual({
      RegionId: "cn-hangzhou",
      TaskIds: "t-aaaa1111,t-bbbb2222",
      TaskAction: "ImportImage",
      TaskStatus: "Failed",
      StartTime: "2026-11-27T00:00:00Z",
      EndTime: "2026-11-28T00:00:00Z",
      "ResourceIds.1": "m-one1",
      "ResourceIds.2": "m-two2",
      "ResourceIds.3": "m-three3",
      PageNumber: "2",
      PageSize: "50",
    });
  });

  it("sends nothing that was not given", () => {
    expect(toDescribeTasksQuery({ RegionId: "cn-beijing" })).toEqual({ RegionId: "cn-beijing" });
  });
});

describe("response normalisation", () => {
  it("adds seconds to the API's minute-precision times", () => {
    expect(normalizeApiTime("2020-11-24T12:50Z")).toBe("2020-11-24T12:50:00Z");
    expect(normalizeApiTime("2020-11-24T12:50:07Z")).toBe("2020-11-24T12:50:07Z");
    expect(normalizeApiTime("2020-11-24T12:50:07.123Z")).toBe("2020-11-24T12:50:07Z");
    expect(normalizeApiTime("2020-11-24T20:50+08:00")).toBe("2020-11-24T12:50:00Z");
    expect(normalizeApiTime("")).toBeUndefined();
    expect(normalizeApiTime("soon")).toBe("soon"); // kept as received: the task marks it in InvalidTimes
    expect(normalizeApiTime(42)).toBeUndefined();
  });

  it("reads SupportCancel as a string or a boolean", () => {
    expect(parseSupportCancel("true")).toBe(true);
    expect(parseSupportCancel("True")).toBe(true);
    expect(parseSupportCancel(true)).toBe(true);
    expect(parseSupportCancel("false")).toBe(false);
    expect(parseSupportCancel(false)).toBe(false);
    expect(parseSupportCancel(undefined)).toBe(false);
  });

  it("computes durations: finished from the two times, running from now", () => {
    expect(
      normalizeTask(
        { TaskId: "t-1", TaskAction: "ImportImage", TaskStatus: "Finished", SupportCancel: "false", CreationTime: "2026-11-28T12:00Z", FinishedTime: "2026-11-28T12:45Z", ResourceId: "m-1" },
        now,
      ),
    ).toEqual({
      TaskId: "t-1",
      TaskAction: "ImportImage",
      TaskStatus: "Finished",
      SupportCancel: false,
      ResourceId: "m-1",
      CreationTime: "2026-11-28T12:00:00Z",
      FinishedTime: "2026-11-28T12:45:00Z",
      DurationSeconds: 2700,
    });
    const running = normalizeTask(
      { TaskId: "t-2", TaskAction: "ExportImage", TaskStatus: "Processing", SupportCancel: "true", CreationTime: "2026-11-28T14:00Z", FinishedTime: "" },
      now,
    );
    expect(running.FinishedTime).toBeUndefined();
    expect(running.SupportCancel).toBe(true);
    expect(running.DurationSeconds).toBe(630);
  });

  it("parses the documented response", () => {
    const page = parseDescribeTasks(
      response({
        PageSize: 10,
        PageNumber: 1,
        TotalCount: 1,
        RegionId: "cn-hangzhou",
        RequestId: "473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E",
        TaskSet: {
          Task: [
            { TaskId: "t-bp1hvgwromzv32iq****", TaskAction: "ImportImage", TaskStatus: "Finished", SupportCancel: "true", CreationTime: "2020-11-24T12:50Z", FinishedTime: "2020-11-24T12:50Z", ResourceId: "m-bp1i8huqm5u7****" },
          ],
        },
      }),
      now,
    );
    expect(page).toMatchObject({ RegionId: "cn-hangzhou", TotalCount: 1, PageNumber: 1, PageSize: 10, RequestId: "473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E" });
    expect(page.Tasks).toHaveLength(1);
    expect(page.Tasks[0]!.DurationSeconds).toBe(0);
  });

  it("accepts the older array-wrapped TaskSet, a single task object and an empty set", () => {
    const task = { TaskId: "t-x", TaskAction: "ArchiveSnapshot", TaskStatus: "Waiting", CreationTime: "2026-11-28T14:00Z" };
    expect(parseDescribeTasks(response({ TotalCount: 1, TaskSet: [{ Task: [task] }] }), now).Tasks[0]!.TaskStatus).toBe("Waiting");
    expect(parseDescribeTasks(response({ TotalCount: 1, TaskSet: { Task: task } }), now).Tasks).toHaveLength(1);
    expect(parseDescribeTasks(response({ TotalCount: 0, TaskSet: {} }), now).Tasks).toEqual([]);
    expect(parseDescribeTasks(response({ TotalCount: "3", TaskSet: { Task: [] } }), now).TotalCount).toBe(3);
  });

  it("refuses fields of the wrong type with a response error", () => {
    expect(() => parseDescribeTasks(response({ TotalCount: "abc", TaskSet: { Task: [] } }), now)).toThrow(EcsResponseError);
    expect(() => parseDescribeTasks(response({ TotalCount: 1, TaskSet: 5 }), now)).toThrow(/TaskSet/);
    expect(() => parseDescribeTasks(response({ TotalCount: 1, TaskSet: { Task: [7] } }), now)).toThrow(/not an object/);
  });
});
