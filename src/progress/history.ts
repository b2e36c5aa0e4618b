// Median run time of a region's recent finished tasks of one action: one DescribeTasks call per
// (region, action), cached for 10 minutes. Failures are not cached.
import type { EcsApi } from "../ecs/client.js";
import { parseDescribeTasks, toDescribeTasksQuery, type TaskAction } from "../ecs/tasks-api.js";
import { median, type HistoryStats } from "./eta.js";

export const HISTORY_TTL_MS = 10 * 60_000;
const HISTORY_PAGE_SIZE = 100;

export class DurationHistory {
  private readonly cache = new Map<string, { at: number; stats: Promise<HistoryStats> }>();

  constructor(private readonly now: () => Date) {}

  stats(ecs: EcsApi, regionId: string, action: string, signal?: AbortSignal): Promise<HistoryStats> {
    const key = `${regionId}/${action}`;
    const at = this.now().getTime();
    const hit = this.cache.get(key);
    if (hit && at - hit.at < HISTORY_TTL_MS) return hit.stats;
    const stats = this.fetch(ecs, regionId, action, signal);
    this.cache.set(key, { at, stats });
    stats.catch(() => this.cache.delete(key));
    return stats;
  }

  private async fetch(ecs: EcsApi, regionId: string, action: string, signal?: AbortSignal): Promise<HistoryStats> {
    const query = toDescribeTasksQuery({
      RegionId: regionId,
      TaskAction: action as TaskAction,
      TaskStatus: "Finished",
      PageSize: HISTORY_PAGE_SIZE,
    });
    const res = await ecs.call("DescribeTasks", query, { regionId, ...(signal ? { signal } : {}) });
    const page = parseDescribeTasks(res, this.now(), HISTORY_PAGE_SIZE);
    const durations = page.Tasks.filter((t) => t.FinishedTime && t.DurationSeconds !== undefined).map((t) => t.DurationSeconds!);
    return { medianSeconds: median(durations) ?? 0, samples: durations.length };
  }
}
