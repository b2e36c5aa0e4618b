// Per-action facts for generated data: what kind of resource a task acts on, how long it
// plausibly runs, how it fails, and what DescribeTaskAttribute lists as related items.
import type { Rng } from "./random.js";

export const TASK_ACTIONS = [
  "ImportImage",
  "ExportImage",
  "RedeployInstance",
  "ModifyDiskSpec",
  "ArchiveSnapshot",
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

export const TASK_STATUSES = ["Finished", "Processing", "Failed"] as const;

/** DescribeTaskAttribute covers only these (per the API reference). */
export const ATTRIBUTE_ACTIONS: ReadonlySet<string> = new Set(["ImportImage", "ExportImage", "ModifyDiskSpec"]);
/** CancelTask stops only these. */
export const CANCELLABLE_ACTIONS: ReadonlySet<string> = new Set(["ImportImage", "ExportImage"]);

export interface Failure {
  ErrorCode: string;
  ErrorMsg: string;
}

interface ActionSpec {
  /** Resource ID letter: m- image, i- instance, d- disk, s- snapshot. */
  resource: "m" | "i" | "d" | "s";
  minMinutes: number;
  maxMinutes: number;
  failures: readonly Failure[];
  related?: (rng: Rng, resourceId: string) => Record<string, string>;
}

const BUCKETS = ["prod-images", "ops-backup", "ci-artifacts", "migration-2024", "golden-images"];
const IMPORT_FORMATS = ["QCOW2", "RAW", "VHD", "VMDK"];
const EXPORT_FORMATS = ["raw", "vhd", "qcow2"];
const OS_NAMES = ["centos7", "ubuntu2204", "debian12", "alinux3", "win2019", "rocky9"];

export const ACTION_SPECS: Readonly<Record<TaskAction, ActionSpec>> = {
  ImportImage: {
    resource: "m",
    minMinutes: 10,
    maxMinutes: 90,
    failures: [
      { ErrorCode: "InvalidOSSObject.NotFound", ErrorMsg: "The specified OSS object does not exist." },
      { ErrorCode: "InvalidOSSBucket.NotFound", ErrorMsg: "The specified OSS bucket does not exist." },
      { ErrorCode: "InvalidImageFormat.Mismatch", ErrorMsg: "The image file format does not match the specified Format." },
      { ErrorCode: "ImportImage.UnbootableImage", ErrorMsg: "The image does not contain a bootable system partition." },
      {
        ErrorCode: "NoSetRoletoECSServiceAcount",
        ErrorMsg: "The ECS service account is not authorized to read the OSS object (AliyunECSImageImportDefaultRole).",
      },
    ],
    related: (rng) => {
      const format = rng.pick(IMPORT_FORMATS);
      return {
        OSSBucket: rng.pick(BUCKETS),
        OSSObject: `images/${rng.pick(OS_NAMES)}-${rng.int(100, 999)}.${format.toLowerCase()}`,
        ImageFormat: format,
      };
    },
  },
  ExportImage: {
    resource: "m",
    minMinutes: 10,
    maxMinutes: 60,
    failures: [
      { ErrorCode: "InvalidOSSBucket.NotFound", ErrorMsg: "The specified OSS bucket does not exist." },
      { ErrorCode: "OperationDenied.ImageFromMarketplace", ErrorMsg: "Images from Alibaba Cloud Marketplace cannot be exported." },
      { ErrorCode: "NoSetRoletoECSServiceAcount", ErrorMsg: "The ECS service account is not authorized to write to the OSS bucket." },
    ],
    related: (rng, resourceId) => ({
      OSSBucket: rng.pick(BUCKETS),
      OSSPrefix: `exports/${resourceId}/`,
      ImageFormat: rng.pick(EXPORT_FORMATS),
    }),
  },
  RedeployInstance: {
    resource: "i",
    minMinutes: 2,
    maxMinutes: 10,
    failures: [
      {
        ErrorCode: "OperationDenied.NoStock",
        ErrorMsg: "The resource is out of stock in the specified zone. Please try other types of resources or other regions and zones.",
      },
      { ErrorCode: "IncorrectInstanceStatus", ErrorMsg: "The current status of the resource does not support this operation." },
    ],
  },
  ModifyDiskSpec: {
    resource: "d",
    minMinutes: 1,
    maxMinutes: 30,
    failures: [
      { ErrorCode: "OperationDenied.DiskCategory", ErrorMsg: "The specified disk category does not support this operation." },
      { ErrorCode: "InvalidPerformanceLevel.Malformed", ErrorMsg: "The specified parameter PerformanceLevel is not valid." },
    ],
    related: (rng) => {
      const from = rng.int(0, 2);
      return { DiskCategory: "cloud_essd", PerformanceLevel: `PL${from + 1}`, SourcePerformanceLevel: `PL${from}` };
    },
  },
  ArchiveSnapshot: {
    resource: "s",
    minMinutes: 30,
    maxMinutes: 240,
    failures: [
      { ErrorCode: "IncorrectSnapshotStatus", ErrorMsg: "The current status of the snapshot does not support this operation." },
      { ErrorCode: "OperationDenied.SnapshotTooNew", ErrorMsg: "Snapshots retained for less than 14 days cannot be archived." },
    ],
  },
};

/** A plausible failure for a Failed task that was given none (tests, bulk data). */
export function defaultFailure(action: string): Failure {
  const spec = Object.hasOwn(ACTION_SPECS, action) ? (ACTION_SPECS as Record<string, ActionSpec | undefined>)[action] : undefined;
  return spec?.failures[0] ?? { ErrorCode: "InternalError", ErrorMsg: "The request processing has failed due to some unknown error." };
}

export function isTaskAction(value: string): value is TaskAction {
  return (TASK_ACTIONS as readonly string[]).includes(value);
}
