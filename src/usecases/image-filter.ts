// The ImageName filter of describe_ecs_tasks: the name resolved to image IDs with DescribeImages
// (its ImageName is a fuzzy match; the account's own images, every state), which then go to
// DescribeTasks as ResourceIds. No match: the closest names among the account's images (one page
// of 100, ranked by similarity), and no DescribeTasks at all.
import { describeImages, MAX_IMAGE_IDS, type Image } from "../ecs/images-api.js";
import type { UseCaseDeps } from "./services.js";

export const CLOSEST_MAX = 3;

export interface ImageMatch {
  /** The images whose names matched, at most 100 (the API's ResourceIds limit). */
  matched: Image[];
  /** More images matched than DescribeTasks takes at once. */
  truncated: boolean;
  /** With no match: the account's image names closest to the one asked. */
  closest: string[];
  requestId: string;
  providerName: string;
}

/** Letter pairs of a lowercased name without separators. */
function bigrams(s: string): string[] {
  const t = s.toLowerCase().replace(/[^a-z0-9]+/g, "");
  return Array.from({ length: Math.max(0, t.length - 1) }, (_, i) => t.slice(i, i + 2));
}

/** Dice similarity of the two names' letter pairs, 0..1. */
export function nameSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length === 0 || y.length === 0) return a.toLowerCase() === b.toLowerCase() ? 1 : 0;
  const pool = new Map<string, number>();
  for (const g of y) pool.set(g, (pool.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of x) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      shared++;
      pool.set(g, n - 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

/** The names most like `name`, best first, at most `max`, none that share nothing. */
export function closestNames(name: string, candidates: readonly string[], max = CLOSEST_MAX): string[] {
  return [...new Set(candidates)]
    .map((c) => ({ c, score: nameSimilarity(name, c) }))
    .filter((s) => s.score > 0.2)
    .sort((a, b) => b.score - a.score || a.c.localeCompare(b.c))
    .slice(0, max)
    .map((s) => s.c);
}

export async function matchImages(name: string, regionId: string, deps: Pick<UseCaseDeps, "ecs" | "signal">): Promise<ImageMatch> {
  const found = await describeImages(deps.ecs, { RegionId: regionId, ImageName: name }, deps.signal);
  const base = { requestId: found.requestId, providerName: found.providerName };
  if (found.images.length > 0) {
    return { ...base, matched: found.images.slice(0, MAX_IMAGE_IDS), truncated: found.totalCount > MAX_IMAGE_IDS, closest: [] };
  }
  // Bounded: one page of the account's own images, ranked here.
  const all = await describeImages(deps.ecs, { RegionId: regionId, ownOnly: true }, deps.signal).catch(() => undefined);
  const names = (all?.images ?? []).flatMap((i) => (i.ImageName ? [i.ImageName] : []));
  return { ...base, matched: [], truncated: false, closest: closestNames(name, names) };
}
