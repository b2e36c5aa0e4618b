// Summaries are pure functions of the tasks: no I/O, no clock.
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
