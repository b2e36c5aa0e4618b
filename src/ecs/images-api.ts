// DescribeImages (names and states of images) and CancelTask (stop a running ImportImage or
// ExportImage): the two image-side calls. CancelTask changes the account: it is never retried.
import type { EcsApi } from "./client.js";
import { describeImagesSchema, parseBody } from "./responses.js";

/** Every image state: DescribeImages answers only `Available` unless Status says otherwise. */
export const ALL_IMAGE_STATUSES = "Creating,Waiting,Available,UnAvailable,CreateFailed,Deprecated";
/** The actions whose ResourceId is an image (and which CancelTask can stop). */
export const IMAGE_ACTIONS: ReadonlySet<string> = new Set(["ImportImage", "ExportImage"]);
export const MAX_IMAGE_IDS = 100;

export interface Image {
  ImageId: string;
  ImageName?: string;
  Status?: string;
  /** "40%" as sent. */
  Progress?: string;
}

export interface ImagesQuery {
  RegionId: string;
  /** At most 100. */
  ImageIds?: readonly string[];
  /** Fuzzy, as the API matches it. */
  ImageName?: string;
  /** Only the account's own images (ImageOwnerAlias self); implied by ImageName. */
  ownOnly?: boolean;
  PageSize?: number;
  PageNumber?: number;
}

export async function describeImages(ecs: EcsApi, q: ImagesQuery, signal?: AbortSignal): Promise<{ images: Image[]; totalCount: number; providerName: string; requestId: string }> {
  const params: Record<string, string> = { RegionId: q.RegionId, Status: ALL_IMAGE_STATUSES, PageSize: String(q.PageSize ?? MAX_IMAGE_IDS) };
  if (q.ImageIds?.length) params.ImageId = q.ImageIds.slice(0, MAX_IMAGE_IDS).join(",");
  // A name search looks at the account's own images (imports, exports), not the public catalogue.
  if (q.ImageName) params.ImageName = q.ImageName;
  if (q.ImageName || q.ownOnly) params.ImageOwnerAlias = "self";
  if (q.PageNumber !== undefined) params.PageNumber = String(q.PageNumber);
  const res = await ecs.call("DescribeImages", params, { regionId: q.RegionId, ...(signal ? { signal } : {}) });
  const body = parseBody(describeImagesSchema, res, "DescribeImages");
  const images = body.Images.flatMap((i) =>
    i.ImageId ? [{ ImageId: i.ImageId, ...(i.ImageName ? { ImageName: i.ImageName } : {}), ...(i.Status ? { Status: i.Status } : {}), ...(i.Progress ? { Progress: i.Progress } : {}) }] : [],
  );
  return { images, totalCount: body.TotalCount ?? images.length, providerName: res.providerName, requestId: res.requestId ?? body.RequestId ?? "" };
}

/** CancelTask: one request, never retried (a lost answer must not cancel twice or hide the outcome). */
export async function cancelTask(ecs: EcsApi, regionId: string, taskId: string, signal?: AbortSignal): Promise<{ requestId: string; providerName: string }> {
  const res = await ecs.call("CancelTask", { RegionId: regionId, TaskId: taskId }, { regionId, retry: false, ...(signal ? { signal } : {}) });
  return { requestId: res.requestId ?? "", providerName: res.providerName };
}
