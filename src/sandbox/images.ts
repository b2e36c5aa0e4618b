// DescribeImages in the sandbox: the images behind its ImportImage and ExportImage tasks (their
// ResourceIds), with names, states and, for an image still being imported, its progress. As the
// API does: `Status` defaults to Available (so an import in progress is invisible unless Status
// names Creating or Waiting), `ImageName` is a fuzzy (case-insensitive substring) match, `ImageId`
// takes up to 100 comma-separated IDs, pages of 1..100 (default 10).
import { liveTask } from "./live.js";
import { invalidParameter, optionalInteger } from "./params.js";
import { hashString } from "./regions.js";
import type { SandboxTask } from "./types.js";

export const IMAGE_STATUSES = ["Creating", "Waiting", "Available", "UnAvailable", "CreateFailed", "Deprecated"] as const;
const IMAGE_ACTIONS: ReadonlySet<string> = new Set(["ImportImage", "ExportImage"]);
const OS_NAMES = ["centos7", "ubuntu2204", "debian12", "alinux3", "win2019", "rocky9"];

export interface SandboxImage {
  ImageId: string;
  ImageName: string;
  Status: string;
  Progress: string;
  CreationTime: string;
  OSType: string;
  Size: number;
  ImageOwnerAlias: "self";
}

/** The name an image's tasks give it: the task's own, else the imported file's base name, else a stable made-up one. */
export function sandboxImageName(task: SandboxTask): string {
  if (task.imageName) return task.imageName;
  const object = task.relatedItems?.["OSSObject"];
  if (object) return (object.split("/").pop() ?? object).replace(/\.[a-z0-9]+$/i, "");
  const h = hashString(task.ResourceId);
  return `${OS_NAMES[h % OS_NAMES.length]}-base-${h % 100}`;
}

function minute(d: Date): string {
  return `${d.toISOString().slice(0, 16)}Z`;
}

/** Every image of a region, from its tasks (the import, when there is one, decides the state). */
export function imagesOf(tasks: readonly SandboxTask[], regionId: string, now: Date): SandboxImage[] {
  const byId = new Map<string, { task: SandboxTask; imported?: SandboxTask }>();
  for (const t of tasks) {
    if (t.RegionId !== regionId || !IMAGE_ACTIONS.has(t.TaskAction) || !t.ResourceId.startsWith("m-")) continue;
    const entry = byId.get(t.ResourceId) ?? { task: t };
    if (t.TaskAction === "ImportImage") entry.imported = t;
    if (t.imageName && !entry.task.imageName) entry.task = t;
    byId.set(t.ResourceId, entry);
  }
  return [...byId.entries()].map(([id, { task, imported }]) => {
    const named = imported?.imageName ? imported : task.imageName ? task : (imported ?? task);
    let status = "Available";
    let progress = 100;
    if (imported) {
      const live = liveTask(imported, now);
      if (live.status === "Processing") [status, progress] = ["Creating", live.percent];
      else if (live.status === "Failed") [status, progress] = ["CreateFailed", live.percent];
    }
    const name = sandboxImageName(named);
    return {
      ImageId: id,
      ImageName: name,
      Status: status,
      Progress: `${progress}%`,
      CreationTime: minute((imported ?? task).CreationTime),
      OSType: name.startsWith("win") ? "windows" : "linux",
      Size: 20 + (hashString(id) % 8) * 10,
      ImageOwnerAlias: "self",
    };
  });
}

/** The DescribeImages answer for one region's query. */
export function describeImagesBody(tasks: readonly SandboxTask[], regionId: string, query: Record<string, string>, now: Date, requestId: string): Record<string, unknown> {
  const pageNumber = optionalInteger(query, "PageNumber", 1, 1, Number.MAX_SAFE_INTEGER);
  const pageSize = optionalInteger(query, "PageSize", 10, 1, 100);
  let ids: Set<string> | undefined;
  if (query["ImageId"]) {
    const list = query["ImageId"].split(",").map((s) => s.trim()).filter(Boolean);
    if (list.length > 100) throw invalidParameter("ImageId");
    ids = new Set(list);
  }
  const statuses = new Set(
    (query["Status"] || "Available")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );
  for (const s of statuses) if (!(IMAGE_STATUSES as readonly string[]).includes(s)) throw invalidParameter("Status");
  const name = query["ImageName"]?.trim().toLowerCase();
  const owner = query["ImageOwnerAlias"];
  const matches = imagesOf(tasks, regionId, now).filter(
    (img) =>
      (!ids || ids.has(img.ImageId)) &&
      statuses.has(img.Status) &&
      (!name || img.ImageName.toLowerCase().includes(name)) &&
      (!owner || owner === "self"),
  );
  matches.sort((a, b) => (a.CreationTime < b.CreationTime ? 1 : a.CreationTime > b.CreationTime ? -1 : a.ImageId.localeCompare(b.ImageId)));
  return {
    TotalCount: matches.length,
    PageNumber: pageNumber,
    PageSize: pageSize,
    RegionId: regionId,
    RequestId: requestId,
    Images: { Image: matches.slice((pageNumber - 1) * pageSize, pageNumber * pageSize) },
  };
}
