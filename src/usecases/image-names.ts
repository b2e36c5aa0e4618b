// Image names beside image IDs: the ImportImage and ExportImage rows of any answer, looked up with
// one DescribeImages per region (every state, since the API's default `Available` hides an image
// still being imported). A best effort: a refused permission or any other failure leaves the IDs
// and a note, never an error.
import { describeImages, IMAGE_ACTIONS, MAX_IMAGE_IDS } from "../ecs/images-api.js";
import { parseDescribeTasks, toDescribeTasksQuery, type Task } from "../ecs/tasks-api.js";
import { EcsApiError, errorSummary } from "../errors.js";
import type { UseCaseDeps } from "./services.js";

export interface ImageNames {
  /** Image ID -> name. */
  names: Map<string, string>;
  /** Why some names are missing (permission refused, a region failed). */
  note?: string;
}

export interface ImageRow {
  TaskAction?: string;
  ResourceId?: string;
}

const DENIED = /^(Forbidden|NoPermission)/;

/** The image IDs of the rows that act on images, per region. */
function imageIdsByRegion<T extends ImageRow>(rows: readonly T[], regionOf: (row: T) => string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const row of rows) {
    if (!row.ResourceId || !IMAGE_ACTIONS.has(row.TaskAction ?? "")) continue;
    const ids = out.get(regionOf(row)) ?? [];
    if (!ids.includes(row.ResourceId) && ids.length < MAX_IMAGE_IDS) ids.push(row.ResourceId);
    out.set(regionOf(row), ids);
  }
  return out;
}

export async function lookUpImageNames<T extends ImageRow>(
  rows: readonly T[],
  regionOf: (row: T) => string,
  deps: Pick<UseCaseDeps, "ecs" | "signal">,
): Promise<ImageNames> {
  const byRegion = imageIdsByRegion(rows, regionOf);
  const names = new Map<string, string>();
  const problems: string[] = [];
  await Promise.all(
    [...byRegion].map(async ([regionId, ids]) => {
      try {
        const { images } = await describeImages(deps.ecs, { RegionId: regionId, ImageIds: ids }, deps.signal);
        for (const img of images) if (img.ImageName) names.set(img.ImageId, img.ImageName);
      } catch (err) {
        if (err instanceof EcsApiError && DENIED.test(err.code)) {
          problems.push(`image names not shown: these credentials may not call ecs:DescribeImages (${err.code}); image IDs only`);
        } else {
          problems.push(`image names not looked up in ${regionId}: ${errorSummary(err).replace(/\.+$/, "")}`);
        }
      }
    }),
  );
  const unique = [...new Set(problems)];
  return { names, ...(unique.length ? { note: `${unique.join("; ")}.` } : {}) };
}

/** `{ ImageName }` for a row whose image has a known name, else nothing. */
export function imageNameOf(names: ImageNames | undefined, row: ImageRow): { ImageName?: string } {
  const name = row.ResourceId && IMAGE_ACTIONS.has(row.TaskAction ?? "") ? names?.names.get(row.ResourceId) : undefined;
  return name ? { ImageName: name } : {};
}

/**
 * The tasks' rows from DescribeTasks (DescribeTaskAttribute does not name the resource): one call
 * for up to 100 IDs of one region. A best effort: a failure is an empty map.
 */
export async function taskRowsOf(taskIds: readonly string[], regionId: string, deps: Pick<UseCaseDeps, "ecs" | "signal" | "now">): Promise<Map<string, Task>> {
  try {
    const query = toDescribeTasksQuery({ RegionId: regionId, TaskIds: [...taskIds], PageSize: Math.min(100, Math.max(10, taskIds.length)) });
    const res = await deps.ecs.call("DescribeTasks", query, { regionId, signal: deps.signal });
    return new Map(parseDescribeTasks(res, deps.now()).Tasks.map((t) => [t.TaskId, t]));
  } catch {
    return new Map();
  }
}

/** ResourceId and ImageName of a task, from its row and the names looked up. */
export function resourceFields(row: Task | undefined, names: ImageNames | undefined): { ResourceId?: string; ImageName?: string } {
  return row?.ResourceId ? { ResourceId: row.ResourceId, ...imageNameOf(names, row) } : {};
}
