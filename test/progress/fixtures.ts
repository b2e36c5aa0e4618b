// Hand-made sandbox tasks whose progress is known exactly at the fixed test clock.
import type { SandboxTask } from "../../src/sandbox/index.js";
import { FIXED_NOW } from "../helpers/in-memory.js";

const MIN = 60_000;
export const at = (minutes: number) => new Date(FIXED_NOW.getTime() + minutes * MIN);

export const IMPORT_RUNNING = "t-bp1import0000000001";
export const EXPORT_RUNNING = "t-bp1export0000000002";
export const IMPORT_FAILED = "t-bp1failed0000000003";
export const REDEPLOY_RUNNING = "t-bp1redepl0000000004";

function task(p: Partial<SandboxTask> & Pick<SandboxTask, "TaskId" | "TaskAction" | "TaskStatus" | "CreationTime">): SandboxTask {
  return { RegionId: "cn-hangzhou", ResourceId: `m-${p.TaskId.slice(2)}`, SupportCancel: false, ...p };
}

/** Finished imports of 30, 40 and 50 minutes: the median is 40 minutes. */
export function progressFixture(): SandboxTask[] {
  return [
    // 40% now, linear to 100% in 60 minutes: 1% a minute.
    task({ TaskId: IMPORT_RUNNING, TaskAction: "ImportImage", TaskStatus: "Processing", CreationTime: at(-24), progressStartTime: at(0), progressStartPercent: 40, finishAt: at(60), SupportCancel: true }),
    task({ TaskId: EXPORT_RUNNING, TaskAction: "ExportImage", TaskStatus: "Processing", CreationTime: at(-10), progressStartTime: at(0), progressStartPercent: 10, finishAt: at(90), SupportCancel: true }),
    task({
      TaskId: IMPORT_FAILED,
      TaskAction: "ImportImage",
      TaskStatus: "Failed",
      CreationTime: at(-300),
      FinishedTime: at(-290),
      progressStartPercent: 12,
      failure: { ErrorCode: "InvalidOSSObject.NotFound", ErrorMsg: "The specified OSS object does not exist." },
      relatedItems: { OSSBucket: "my-images", OSSObject: "centos.qcow2", ImageFormat: "QCOW2" },
    }),
    task({ TaskId: REDEPLOY_RUNNING, TaskAction: "RedeployInstance", TaskStatus: "Processing", CreationTime: at(-3), ResourceId: "i-bp1redeploy00001" }),
    task({ TaskId: "t-bp1hist00000000000a", TaskAction: "ImportImage", TaskStatus: "Finished", CreationTime: at(-1000), FinishedTime: at(-970) }),
    task({ TaskId: "t-bp1hist00000000000b", TaskAction: "ImportImage", TaskStatus: "Finished", CreationTime: at(-900), FinishedTime: at(-860) }),
    task({ TaskId: "t-bp1hist00000000000c", TaskAction: "ImportImage", TaskStatus: "Finished", CreationTime: at(-800), FinishedTime: at(-750) }),
  ];
}

/** `count` running imports in cn-shanghai, for the enrichment limits. */
export function manyRunning(count: number): SandboxTask[] {
  return Array.from({ length: count }, (_, i) =>
    task({
      RegionId: "cn-shanghai",
      TaskId: `t-uf1many${String(i).padStart(12, "0")}`,
      TaskAction: i % 3 === 2 ? "ModifyDiskSpec" : "ImportImage",
      TaskStatus: "Processing",
      CreationTime: at(-i - 1),
      progressStartTime: at(-i - 1),
      progressStartPercent: 0,
      finishAt: at(100 - i),
    }),
  );
}
