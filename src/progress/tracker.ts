// Remembers the progress seen for each running task, across polls and across tool calls, so a
// rate (and from it an ETA) can be measured. Bounded: old tasks are forgotten first.

export interface Observation {
  /** ms since the epoch, by the server's clock. */
  at: number;
  progress: number;
}

const MAX_TASKS = 1000;
const MAX_OBSERVATIONS = 20;

export class ProgressTracker {
  private readonly byTask = new Map<string, Observation[]>();

  private key(regionId: string, taskId: string): string {
    return `${regionId}/${taskId}`;
  }

  observe(regionId: string, taskId: string, at: number, progress: number): void {
    const key = this.key(regionId, taskId);
    const list = this.byTask.get(key) ?? [];
    const last = list[list.length - 1];
    // A drop means the task restarted or the API rounded oddly: start over rather than average.
    if (last && progress < last.progress) list.length = 0;
    if (!last || at > last.at) list.push({ at, progress });
    if (list.length > MAX_OBSERVATIONS) list.splice(0, list.length - MAX_OBSERVATIONS);
    this.byTask.delete(key); // re-insert: Map order doubles as recency
    this.byTask.set(key, list);
    if (this.byTask.size > MAX_TASKS) {
      const oldest = this.byTask.keys().next().value;
      if (oldest !== undefined) this.byTask.delete(oldest);
    }
  }

  observations(regionId: string, taskId: string): readonly Observation[] {
    return this.byTask.get(this.key(regionId, taskId)) ?? [];
  }

  forget(regionId: string, taskId: string): void {
    this.byTask.delete(this.key(regionId, taskId));
  }
}
