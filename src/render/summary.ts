// Summaries are pure functions of the tasks: no I/O, no clock except the one passed in.
import { countBy, type Task } from "../ecs/tasks-api.js";

export interface OldestProcessing {
  TaskId: string;
  TaskAction: string;
  CreationTime?: string;
  RunningSeconds?: number;
}

export interface TaskSummary {
  /** Counts over the given tasks only (exact status counts come from src/tasks). */
  ByAction: Record<string, number>;
  OldestProcessing?: OldestProcessing;
}

export function summarizeTasks(tasks: Task[]): TaskSummary {
  const summary: TaskSummary = {
    ByAction: countBy(tasks, (t) => t.TaskAction),
  };
  let oldest: Task | undefined;
  for (const t of tasks) {
    if (t.TaskStatus !== "Processing") continue;
    if (!oldest || (t.CreationTime ?? "") < (oldest.CreationTime ?? "")) oldest = t;
  }
  if (oldest) {
    summary.OldestProcessing = {
      TaskId: oldest.TaskId,
      TaskAction: oldest.TaskAction,
      ...(oldest.CreationTime ? { CreationTime: oldest.CreationTime } : {}),
      ...(oldest.DurationSeconds !== undefined ? { RunningSeconds: oldest.DurationSeconds } : {}),
    };
  }
  return summary;
}

/** `5400` -> `1h 30m`; minute precision is all the API gives. */
export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined) return "-";
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${mins}m`;
  return `${mins}m`;
}

export function formatCounts(counts: Record<string, number>): string {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return entries.length ? entries.map(([k, n]) => `${k} ${n}`).join(", ") : "none";
}
