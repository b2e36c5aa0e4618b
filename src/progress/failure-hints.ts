// Plain-language reasons for the errors tasks fail with (OperationProgressSet ErrorCode).
const HINTS: Record<string, string> = {
  "InvalidOSSObject.NotFound":
    "The image file was not found in OSS: check the bucket and object name, and that the bucket is in the same region as the import.",
  "InvalidOSSBucket.NotFound": "The OSS bucket does not exist in this region: check its name and region.",
  NoSetRoletoECSServiceAcount:
    "ECS may not access your OSS bucket: authorize the AliyunECSImageImportDefaultRole / AliyunECSImageExportDefaultRole in the RAM console, then retry.",
  "InvalidImageFormat.Mismatch": "The file's format differs from the Format given at import (e.g. qcow2 vs RAW/VHD): re-import with the right format.",
  "ImportImage.UnbootableImage":
    "The image has no bootable system partition: check the source disk (boot loader, partition table, virtio drivers) before re-importing.",
  "OperationDenied.ImageFromMarketplace": "Images derived from Marketplace images cannot be exported.",
  "OperationDenied.NoStock": "No capacity in that zone for this instance type: try again later or another zone/type.",
  IncorrectInstanceStatus: "The instance was not in a state that allows this operation (e.g. it must be Stopped or Running).",
  "OperationDenied.DiskCategory": "This disk category cannot change its performance level this way (ESSD only).",
  "InvalidPerformanceLevel.Malformed": "The requested performance level is not valid for this disk.",
  IncorrectSnapshotStatus: "The snapshot was not in a state that allows archiving (it must be accomplished).",
  "OperationDenied.SnapshotTooNew": "Snapshots must be kept at least 14 days before they can be archived.",
  TaskCancelled: "The task was cancelled (CancelTask).",
  InternalError: "Alibaba Cloud had an internal error: retry the operation; open a ticket if it repeats.",
};

export function failureHint(code: string | undefined): string | undefined {
  // Own keys only: a code such as "constructor" must not find Object.prototype's.
  return code && Object.hasOwn(HINTS, code) ? HINTS[code] : undefined;
}
