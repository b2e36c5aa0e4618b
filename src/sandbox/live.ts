// A task's state "now": the sandbox never rewrites data on a timer; instead every answer
// evaluates status and progress against the sandbox clock, so an injected clock can move a
// task from 40% to Finished without sleeping.
import { hashString } from "./regions.js";
import type { SandboxTask } from "./types.js";

const MINUTE = 60_000;

export interface LiveTask {
  status: string;
  finishedTime?: Date;
  /** 0..100; 100 once Finished, where it stopped for Failed. */
  percent: number;
  supportCancel: boolean;
}

/** Processing progress: linear towards finishAt, else a slow deterministic creep. Capped at 99. */
function processingPercent(task: SandboxTask, now: Date): number {
  if (task.finishAt) {
    const startMs = (task.progressStartTime ?? task.CreationTime).getTime();
    const startPercent = task.progressStartPercent ?? 0;
    const span = task.finishAt.getTime() - startMs;
    const elapsed = now.getTime() - startMs;
    const raw = span <= 0 ? 99 : startPercent + ((100 - startPercent) * elapsed) / span;
    // The epsilon keeps 39.9999999 (float noise) from reading as 39%.
    return clamp(Math.floor(raw + 1e-9), startPercent, 99);
  }
  const base = task.progressStartPercent ?? hashString(task.TaskId) % 40;
  const minutes = Math.floor((now.getTime() - task.CreationTime.getTime()) / MINUTE);
  return clamp(base + Math.max(0, minutes), 0, 99);
}

function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}

/** Just the status, allocation-free: DescribeTasks filters 100,000 tasks with it per call. */
export function liveStatus(task: SandboxTask, now: Date): string {
  const due = task.TaskStatus === "Processing" && task.finishAt !== undefined && task.finishAt.getTime() <= now.getTime();
  return due ? "Finished" : task.TaskStatus;
}

export function liveTask(task: SandboxTask, now: Date): LiveTask {
  if (task.TaskStatus === "Processing") {
    if (task.finishAt && task.finishAt.getTime() <= now.getTime()) {
      return { status: "Finished", finishedTime: task.finishAt, percent: 100, supportCancel: false };
    }
    return { status: "Processing", percent: processingPercent(task, now), supportCancel: task.SupportCancel };
  }
  const base = { status: task.TaskStatus, supportCancel: false, ...(task.FinishedTime ? { finishedTime: task.FinishedTime } : {}) };
  if (task.TaskStatus === "Finished") return { ...base, percent: 100 };
  if (task.TaskStatus === "Failed") {
    // Where it stopped: recorded by the generator / cancel / finishTask, else a stable guess.
    return { ...base, percent: task.progressStartPercent ?? 5 + (hashString(task.TaskId) % 90) };
  }
  return { ...base, percent: 0 };
}

/** Response times have minute precision and no seconds: `2020-11-24T12:50Z`. */
export function minuteTime(d: Date | undefined): string {
  if (!d || Number.isNaN(d.getTime())) return "";
  return d.toISOString().slice(0, 16) + "Z";
}
