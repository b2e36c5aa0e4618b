// The text of a cancel_ecs_task answer, from its structured half.
import type { CancelTaskOutput } from "../contracts/cancel-task.js";
import { profileLine } from "./format.js";

export function renderCancelText(out: CancelTaskOutput): string {
  const image = out.ResourceId ? ` (image ${out.ResourceId}${out.ImageName ? ` "${out.ImageName}"` : ""})` : "";
  const what = `${out.TaskAction} task ${out.TaskId}${image} in ${out.RegionId}`;
  const lines = out.Notice ? [out.Notice] : [];
  if (out.Outcome === "cancelled") {
    lines.push(`Cancelled the ${what}${out.ProgressBefore !== undefined ? `, which was ${out.ProgressBefore}% done` : ""}.`);
    if (out.ReadBackError) lines.push(`It could not be read back afterwards: ${out.ReadBackError}`);
    else lines.push(`Read back: ${out.TaskStatus ?? "?"}${out.ErrorCode ? ` (${out.ErrorCode})` : ""}${out.Progress !== undefined ? ` at ${out.Progress}%` : ""}.`);
    lines.push(`RequestId: ${out.RequestId ?? "-"}`);
  } else {
    lines.push(`Not cancelled: the person ${out.Outcome === "declined" ? "declined" : "closed the question without answering"}. Nothing was sent; the ${what} keeps running.`);
  }
  if (out.Profile) lines.push(profileLine(out.Profile, out.CredentialProvider));
  return lines.join("\n");
}
