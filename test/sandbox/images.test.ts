// DescribeImages in the sandbox: the images behind ImportImage/ExportImage tasks, the API's default
// Status (Available only), fuzzy names, ID lists, and an import's progress; CancelTask's codes.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../../src/sandbox/index.js";
import { IDS, fixtureTasks } from "./fixtures.js";
import { call, type Clock, sandboxWithClock } from "./helpers.js";

let sb: Sandbox;
let clock: Clock;
beforeEach(async () => {
  ({ sb, clock } = await sandboxWithClock({ tasks: fixtureTasks() }));
});
afterEach(() => sb.close());

const ALL = "Creating,Waiting,Available,UnAvailable,CreateFailed,Deprecated";
const images = async (query: Record<string, string>) => {
  const res = await call(sb, clock, "DescribeImages", { RegionId: "cn-hangzhou", ...query });
  return { res, list: (res.json["Images"]?.["Image"] ?? []) as Record<string, unknown>[] };
};

describe("DescribeImages", () => {
  it("hides an image still being imported unless Status names Creating (the API's default is Available)", async () => {
    const byDefault = await images({ ImageId: "m-bp1image00000000001" });
    expect(byDefault.res.status).toBe(200);
    expect(byDefault.list).toEqual([]);
    const all = await images({ ImageId: "m-bp1image00000000001,m-bp1image00000000002", Status: ALL, PageSize: "100" });
    expect(all.list).toEqual([
      expect.objectContaining({ ImageId: "m-bp1image00000000001", ImageName: "centos7", Status: "Creating", Progress: "40%" }),
      expect.objectContaining({ ImageId: "m-bp1image00000000002", Status: "CreateFailed" }),
    ]);
    expect(all.res.json["TotalCount"]).toBe(2);
  });

  it("matches names fuzzily, case-insensitively, and refuses more than 100 IDs or an unknown status", async () => {
    const found = await images({ ImageName: "CENTOS", Status: ALL });
    expect(found.list.map((i) => i["ImageId"])).toEqual(["m-bp1image00000000001"]);
    const many = Array.from({ length: 101 }, (_, i) => `m-x${i}`).join(",");
    expect((await images({ ImageId: many })).res.json["Code"]).toBe("InvalidParameter");
    expect((await images({ Status: "Broken" })).res.json["Code"]).toBe("InvalidParameter");
  });

  it("names the image of a task given one, and shows it Available once the import ends", async () => {
    sb.tasks.find((t) => t.TaskId === IDS.running)!.imageName = "ubuntu2204-golden";
    sb.finishTask(IDS.running);
    const { list } = await images({ ImageName: "ubuntu2204-GOLD" });
    expect(list).toEqual([expect.objectContaining({ ImageId: "m-bp1image00000000001", ImageName: "ubuntu2204-golden", Status: "Available", Progress: "100%" })]);
  });
});

describe("CancelTask codes", () => {
  it("answers CancelTaskFailed for a running task that no longer supports cancelling", async () => {
    sb.tasks.find((t) => t.TaskId === IDS.running)!.SupportCancel = false;
    const res = await call(sb, clock, "CancelTask", { RegionId: "cn-hangzhou", TaskId: IDS.running });
    expect(res.status).toBe(403);
    expect(res.json["Code"]).toBe("CancelTaskFailed");
  });
});
