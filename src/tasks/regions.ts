// Every region at once: DescribeRegions (cached for the process, 1 hour), then the same query in
// each region, at most 8 in flight, each within its own time budget. A region that fails is
// reported with its error, never silently dropped.
import type { EcsApi } from "../ecs/client.js";
import { describeRegionsSchema, parseBody } from "../ecs/responses.js";
import { EcsResponseError, RegionTimeoutError } from "../errors.js";
import { REGION_ID_PATTERN } from "../ecs/region.js";
import { settleLimit } from "../util/concurrency.js";

export const REGIONS_TTL_MS = 60 * 60_000;
export const REGION_CONCURRENCY = 8;
/** Per-region budget: room for the client's retries, but one slow region cannot hold the answer for long. */
export const REGION_BUDGET_MS = 20_000;

export class RegionCatalog {
  private cached: { at: number; regions: Promise<string[]> } | undefined;

  constructor(private readonly now: () => Date) {}

  list(ecs: EcsApi, signal?: AbortSignal, via?: string): Promise<string[]> {
    const at = this.now().getTime();
    if (this.cached && at - this.cached.at < REGIONS_TTL_MS) return this.cached.regions;
    const regions = this.fetch(ecs, signal, via);
    this.cached = { at, regions };
    regions.catch(() => {
      this.cached = undefined;
    });
    return regions;
  }

  private async fetch(ecs: EcsApi, signal: AbortSignal | undefined, via: string | undefined): Promise<string[]> {
    const res = await ecs.call("DescribeRegions", { AcceptLanguage: "en-US" }, { ...(via ? { regionId: via } : {}), ...(signal ? { signal } : {}) });
    const body = parseBody(describeRegionsSchema, res, "DescribeRegions");
    const ids = body.Regions.map((r) => r.RegionId).filter((id): id is string => id !== undefined && REGION_ID_PATTERN.test(id));
    if (ids.length === 0) {
      throw new EcsResponseError({
        httpStatus: res.httpStatus,
        endpoint: res.endpoint,
        action: "DescribeRegions",
        body: res.body,
        detail: "DescribeRegions listed no regions",
      });
    }
    return ids;
  }
}

export interface RegionOutcome<T> {
  regionId: string;
  value?: T;
  error?: unknown;
}

/**
 * Runs `fn` per region with bounded concurrency and a per-region deadline tied to `signal`;
 * `onSettled` hears of each region as it answers or fails (for progress notifications).
 */
export async function fanOut<T>(
  regions: string[],
  signal: AbortSignal,
  fn: (regionId: string, signal: AbortSignal) => Promise<T>,
  budgetMs = REGION_BUDGET_MS,
  onSettled?: (regionId: string, failed: boolean) => void,
): Promise<RegionOutcome<T>[]> {
  const settled = await settleLimit(regions, REGION_CONCURRENCY, async (regionId) => {
    const budget = AbortSignal.timeout(budgetMs);
    let failed = true;
    try {
      const value = await fn(regionId, AbortSignal.any([signal, budget]));
      failed = false;
      return value;
    } catch (err) {
      if (budget.aborted && !signal.aborted) throw new RegionTimeoutError(regionId, budgetMs);
      throw err;
    } finally {
      if (!signal.aborted) onSettled?.(regionId, failed);
    }
  });
  signal.throwIfAborted();
  return settled.map((s, i) => ({ regionId: regions[i]!, ...(s.status === "fulfilled" ? { value: s.value } : { error: s.reason as unknown }) }));
}
