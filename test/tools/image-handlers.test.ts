// Image names on the fake EcsApi: the handler sends one DescribeImages per region beside the detail
// look-ups (not after them), and a refused permission becomes a note, never an error.
import { describe, expect, it } from "vitest";
import type { DescribeTasksOutput } from "../../src/contracts/describe-tasks.js";
import type { EcsApi, EcsResponse, QueryParams } from "../../src/ecs/client.js";
import { EcsApiError } from "../../src/errors.js";
import { describeTasksTool } from "../../src/tools/describe-tasks.js";
import { FakeEcs, attributeBody, fakeDeps, task, tasksBody } from "../helpers/fake-ecs.js";

const denied = (code: string) =>
  new EcsApiError({ code, apiMessage: "not allowed", httpStatus: 403, requestId: "REQ-D", endpoint: "https://ecs.fake.example", action: "DescribeImages" });

const rows = () =>
  tasksBody([
    task("t-run01", { TaskStatus: "Processing", FinishedTime: "", ResourceId: "m-bp1img01" }),
    task("t-exp02", { TaskAction: "ExportImage", ResourceId: "m-bp1img02" }),
    task("t-red03", { TaskAction: "RedeployInstance", ResourceId: "i-bp1inst03" }),
  ]);

describe("image names in describe_ecs_tasks (fake EcsApi)", () => {
  it.each([
    ["names found", () => ({ Images: { Image: [{ ImageId: "m-bp1img01", ImageName: "golden" }, { ImageId: "m-bp1img02", ImageName: "base" }] } }), undefined],
    ["Forbidden.RAM", () => denied("Forbidden.RAM"), /may not call ecs:DescribeImages \(Forbidden\.RAM\)/],
    ["NoPermission", () => denied("NoPermission"), /may not call ecs:DescribeImages \(NoPermission\)/],
  ])("%s", async (_name, images, note) => {
    const ecs = new FakeEcs({ DescribeTasks: rows, DescribeTaskAttribute: (p) => attributeBody(p.TaskId ?? ""), DescribeImages: images });
    const answer = await describeTasksTool.handle({}, fakeDeps(ecs));
    const out = answer.structured as DescribeTasksOutput;
    const calls = ecs.calls.filter((c) => c.action === "DescribeImages");
    expect(calls).toHaveLength(1);
    // Only the image rows' IDs, every state.
    expect(calls[0]!.params).toMatchObject({ RegionId: "cn-hangzhou", ImageId: "m-bp1img01,m-bp1img02", Status: "Creating,Waiting,Available,UnAvailable,CreateFailed,Deprecated" });
    if (note) {
      expect(out.ImageNote).toMatch(note);
      expect(answer.text).toMatch(note);
      expect(out.Tasks.every((t) => t.ImageName === undefined)).toBe(true);
    } else {
      expect(out.Tasks.map((t) => t.ImageName)).toEqual(["golden", "base", undefined]);
      expect(answer.text).toContain('m-bp1img01 "golden"');
    }
  });

  it("asks DescribeImages beside the detail look-ups, not after them", async () => {
    let imagesAsked!: () => void;
    const asked = new Promise<void>((r) => (imagesAsked = r));
    const fake = new FakeEcs({ DescribeTasks: rows, DescribeTaskAttribute: (p) => attributeBody(p.TaskId ?? ""), DescribeImages: () => ({ Images: { Image: [] } }) });
    const ecs: EcsApi = {
      async call(action: string, params: QueryParams, options?: { regionId?: string }): Promise<EcsResponse> {
        if (action === "DescribeImages") imagesAsked();
        // The detail look-up answers only once DescribeImages is in flight: run one after the other, this never ends.
        if (action === "DescribeTaskAttribute") await asked;
        return fake.call(action, params, options);
      },
    };
    const answer = await describeTasksTool.handle({}, fakeDeps(ecs));
    expect((answer.structured as DescribeTasksOutput).Tasks[0]!.Progress).toBe(40);
  });
});
