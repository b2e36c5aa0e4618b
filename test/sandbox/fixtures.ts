// A small hand-made data set, so filter tests can name exactly which tasks must come back.
import type { SandboxTask } from "../../src/sandbox/index.js";
import { T0 } from "./helpers.js";

const MIN = 60_000;
const at = (iso: string): Date => new Date(iso);

export const IDS = {
  running: "t-bp1aaaaaaaaaaaaaaaaa",
  failed: "t-bp1bbbbbbbbbbbbbbbbb",
  exported: "t-bp1ccccccccccccccccc",
  redeploy: "t-bp1ddddddddddddddddd",
  disk: "t-bp1eeeeeeeeeeeeeeeee",
  archive: "t-bp1fffffffffffffffff",
  overdue: "t-bp1ggggggggggggggggg",
  shanghai: "t-uf1hhhhhhhhhhhhhhhhh",
} as const;

export function fixtureTasks(): SandboxTask[] {
  return [
    {
      RegionId: "cn-hangzhou",
      TaskId: IDS.running,
      TaskAction: "ImportImage",
      TaskStatus: "Processing",
      ResourceId: "m-bp1image00000000001",
      CreationTime: new Date(T0 - 24 * MIN),
      SupportCancel: true,
      finishAt: new Date(T0 + 36 * MIN), // 24 of 60 minutes gone: 40%
      relatedItems: { OSSBucket: "prod-images", OSSObject: "images/centos7.qcow2", ImageFormat: "QCOW2" },
    },
    {
      RegionId: "cn-hangzhou",
      TaskId: IDS.failed,
      TaskAction: "ImportImage",
      TaskStatus: "Failed",
      ResourceId: "m-bp1image00000000002",
      CreationTime: at("2024-05-09T08:00:30Z"),
      FinishedTime: at("2024-05-09T08:20:45Z"),
      SupportCancel: false,
      progressStartPercent: 37,
      failure: { ErrorCode: "InvalidOSSObject.NotFound", ErrorMsg: "The specified OSS object does not exist." },
    },
    {
      RegionId: "cn-hangzhou",
      TaskId: IDS.exported,
      TaskAction: "ExportImage",
      TaskStatus: "Finished",
      ResourceId: "m-bp1image00000000001",
      CreationTime: at("2024-05-08T10:00:00Z"),
      FinishedTime: at("2024-05-08T10:30:00Z"),
      SupportCancel: false,
    },
    {
      RegionId: "cn-hangzhou",
      TaskId: IDS.redeploy,
      TaskAction: "RedeployInstance",
      TaskStatus: "Finished",
      ResourceId: "i-bp1instance000000001",
      CreationTime: at("2024-05-07T00:00:00Z"),
      FinishedTime: at("2024-05-07T00:05:00Z"),
      SupportCancel: false,
    },
    {
      RegionId: "cn-hangzhou",
      TaskId: IDS.disk,
      TaskAction: "ModifyDiskSpec",
      TaskStatus: "Finished",
      ResourceId: "d-bp1disk0000000000001",
      CreationTime: at("2024-05-07T00:00:00Z"),
      FinishedTime: at("2024-05-07T00:09:00Z"),
      SupportCancel: false,
    },
    {
      RegionId: "cn-hangzhou",
      TaskId: IDS.archive,
      TaskAction: "ArchiveSnapshot",
      TaskStatus: "Processing",
      ResourceId: "s-bp1snap0000000000001",
      CreationTime: new Date(T0 - 120 * MIN),
      SupportCancel: false,
    },
    {
      RegionId: "cn-hangzhou",
      TaskId: IDS.overdue,
      TaskAction: "ExportImage",
      TaskStatus: "Processing",
      ResourceId: "m-bp1image00000000003",
      CreationTime: new Date(T0 - 50 * MIN),
      SupportCancel: true,
      finishAt: new Date(T0 - 1 * MIN), // already due: reads as Finished
    },
    {
      RegionId: "cn-shanghai",
      TaskId: IDS.shanghai,
      TaskAction: "ImportImage",
      TaskStatus: "Finished",
      ResourceId: "m-uf1image00000000001",
      CreationTime: new Date(T0 - 10 * MIN),
      FinishedTime: new Date(T0 - 5 * MIN),
      SupportCancel: false,
    },
  ];
}
