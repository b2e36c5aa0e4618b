// Image names in every answer (list, attribute, wait; both halves), the ImageName filter, and the
// degrade to IDs when DescribeImages is refused: the real server over the SDK client in memory,
// against the sandbox.
import { afterEach, describe, expect, it } from "vitest";
import type { DescribeTasksOutput } from "../../src/contracts/describe-tasks.js";
import type { TaskAttributeOutput } from "../../src/contracts/task-attribute.js";
import type { WaitForTasksOutput } from "../../src/contracts/wait-for-tasks.js";
import { SANDBOX_CREDENTIAL } from "../../src/sandbox/index.js";
import { startHarness, textOf, type Harness, type HarnessOptions } from "../helpers/in-memory.js";
import { EXPORT_RUNNING, IMPORT_FAILED, IMPORT_RUNNING, progressFixture } from "../progress/fixtures.js";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const IMAGE = `m-${IMPORT_RUNNING.slice(2)}`;

async function harness(options: HarnessOptions = {}): Promise<Harness> {
  const tasks = progressFixture();
  tasks.find((t) => t.TaskId === IMPORT_RUNNING)!.imageName = "acme-jammy-golden";
  tasks.find((t) => t.TaskId === EXPORT_RUNNING)!.imageName = "win2019-base";
  h = await startHarness({ ...options, sandbox: { tasks, ...options.sandbox } });
  return h;
}

const call = async (hh: Harness, name: string, args: Record<string, unknown>) => {
  const before = hh.sandbox.requests.length;
  const result = await hh.client.callTool({ name, arguments: args });
  return { result, text: textOf(result), requests: hh.sandbox.requests.slice(before) };
};

describe("image names beside image IDs", () => {
  it("list: one DescribeImages for the region, every state asked, the name in both halves", async () => {
    const hh = await harness();
    const { result, text, requests } = await call(hh, "describe_ecs_tasks", { TaskAction: "ImportImage" });
    const out = result.structuredContent as DescribeTasksOutput;
    expect(out.Tasks.find((t) => t.TaskId === IMPORT_RUNNING)).toMatchObject({ ResourceId: IMAGE, ImageName: "acme-jammy-golden" });
    expect(text).toContain(`${IMAGE} "acme-jammy-golden"`);
    const images = requests.filter((r) => r.action === "DescribeImages");
    expect(images).toHaveLength(1);
    expect(images[0]!.query.Status).toBe("Creating,Waiting,Available,UnAvailable,CreateFailed,Deprecated");
    expect(images[0]!.query.ImageId!.split(",")).toContain(IMAGE);
    expect(out.ImageNote).toBeUndefined();
  });

  it("attribute: the task's image and its name, in both halves", async () => {
    const hh = await harness();
    const { result, text } = await call(hh, "describe_ecs_task_attribute", { TaskId: IMPORT_RUNNING });
    expect(result.structuredContent as TaskAttributeOutput).toMatchObject({ TaskId: IMPORT_RUNNING, ResourceId: IMAGE, ImageName: "acme-jammy-golden" });
    expect(text).toContain(`image ${IMAGE} "acme-jammy-golden"`);
  });

  it("wait: every task's image name, in both halves", async () => {
    const hh = await harness();
    const { result, text } = await call(hh, "wait_for_ecs_tasks", { TaskIds: [IMPORT_RUNNING, EXPORT_RUNNING], TimeoutSeconds: 5 });
    const out = result.structuredContent as WaitForTasksOutput;
    expect(out.Tasks.map((t) => t.ImageName)).toEqual(["acme-jammy-golden", "win2019-base"]);
    expect(text).toContain('"acme-jammy-golden"');
    expect(text).toContain('"win2019-base"');
  });

  it("wait: a task found in another region gets its image name from there", async () => {
    const hh = await harness();
    const far = { ...hh.sandbox.tasks.find((t) => t.TaskId === EXPORT_RUNNING)!, RegionId: "cn-shanghai", TaskId: "t-uf1export0000000009", ResourceId: "m-uf1export0000000009", imageName: "far-away" };
    hh.sandbox.tasks.push(far);
    const { result, text } = await call(hh, "wait_for_ecs_tasks", { TaskIds: [far.TaskId], TimeoutSeconds: 2 });
    const out = result.structuredContent as WaitForTasksOutput;
    expect(out.Tasks[0]).toMatchObject({ TaskId: far.TaskId, RegionId: "cn-shanghai", ResourceId: far.ResourceId, ImageName: "far-away" });
    expect(text).toContain('"far-away"');
  });

  it("a refused ecs:DescribeImages leaves the IDs and a note, never an error", async () => {
    const limited = { ...SANDBOX_CREDENTIAL, deniedActions: ["DescribeImages"] };
    const hh = await harness({ sandbox: { credentials: [limited] } });
    const { result, text } = await call(hh, "describe_ecs_tasks", { TaskAction: "ImportImage" });
    expect(result.isError, text).toBeFalsy();
    const out = result.structuredContent as DescribeTasksOutput;
    expect(out.Tasks.find((t) => t.TaskId === IMPORT_RUNNING)).toMatchObject({ ResourceId: IMAGE });
    expect(out.Tasks.every((t) => t.ImageName === undefined)).toBe(true);
    expect(out.ImageNote).toMatch(/may not call ecs:DescribeImages \(Forbidden\.RAM\)/);
    expect(text).toMatch(/Note: image names not shown/);
    const attr = await call(hh, "describe_ecs_task_attribute", { TaskId: IMPORT_RUNNING });
    expect(attr.result.isError).toBeFalsy();
    expect(attr.result.structuredContent).toMatchObject({ ResourceId: IMAGE, ImageNote: expect.stringContaining("Forbidden.RAM") });
  });
});

describe("the ImageName filter", () => {
  it("finds the import by a part of its image's name, and says which images matched", async () => {
    const hh = await harness();
    const { result, text, requests } = await call(hh, "describe_ecs_tasks", { ImageName: "jammy" });
    const out = result.structuredContent as DescribeTasksOutput;
    expect(out.Tasks.map((t) => t.TaskId)).toEqual([IMPORT_RUNNING]);
    expect(out.ImageMatch).toEqual({ ImageName: "jammy", Matched: [{ ImageId: IMAGE, ImageName: "acme-jammy-golden", Status: "Creating" }] });
    expect(out.Query).toMatchObject({ ImageName: "jammy", ResourceIds: [IMAGE] });
    expect(text).toContain(`Images named like "jammy" (1): ${IMAGE} "acme-jammy-golden" (Creating).`);
    // One DescribeImages: the match gives the names, none is looked up again.
    const images = requests.filter((r) => r.action === "DescribeImages");
    expect(images).toHaveLength(1);
    expect(images[0]!.query).toMatchObject({ ImageName: "jammy", ImageOwnerAlias: "self" });
    expect(out.Tasks[0]!.ImageName).toBe("acme-jammy-golden");
    expect(requests.find((r) => r.action === "DescribeTasks")!.query["ResourceIds.1"]).toBe(IMAGE);
  });

  it("no match: says so with the closest names, and asks DescribeTasks nothing", async () => {
    const hh = await harness();
    const { result, text, requests } = await call(hh, "describe_ecs_tasks", { ImageName: "acme-jamy-goldn" });
    const out = result.structuredContent as DescribeTasksOutput;
    expect(out).toMatchObject({ TotalCount: 0, Tasks: [], ImageMatch: { Matched: [], Closest: expect.arrayContaining(["acme-jammy-golden"]) } });
    expect(out.ImageMatch!.Closest![0]).toBe("acme-jammy-golden");
    expect(text).toMatch(/No image in cn-hangzhou has a name like "acme-jamy-goldn", so no tasks were asked for\. Closest names: "acme-jammy-golden"/);
    expect(requests.map((r) => r.action)).toEqual(["DescribeImages", "DescribeImages"]);
  });

  it("refuses ImageName with RegionId all or with ResourceIds, before any request", async () => {
    const hh = await harness();
    for (const args of [{ ImageName: "x", RegionId: "all" }, { ImageName: "x", ResourceIds: [IMAGE] }]) {
      const { result, requests } = await call(hh, "describe_ecs_tasks", args);
      expect(result.isError).toBe(true);
      expect(requests).toEqual([]);
    }
    void IMPORT_FAILED;
  });
});
