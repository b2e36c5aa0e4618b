// Region facts the sandbox needs: ID prefixes (real ECS IDs carry a region-specific
// two-character prefix, e.g. i-bp… in Hangzhou) and DescribeRegions' local names.

export interface RegionInfo {
  id: string;
  prefix: string;
  zh: string;
  en: string;
}

export const KNOWN_REGIONS: readonly RegionInfo[] = [
  { id: "cn-hangzhou", prefix: "bp", zh: "华东1（杭州）", en: "China (Hangzhou)" },
  { id: "cn-shanghai", prefix: "uf", zh: "华东2（上海）", en: "China (Shanghai)" },
  { id: "cn-beijing", prefix: "2z", zh: "华北2（北京）", en: "China (Beijing)" },
  { id: "cn-shenzhen", prefix: "wz", zh: "华南1（深圳）", en: "China (Shenzhen)" },
  { id: "cn-hongkong", prefix: "j6", zh: "中国香港", en: "China (Hong Kong)" },
  { id: "ap-southeast-1", prefix: "t4", zh: "新加坡", en: "Singapore" },
  { id: "us-west-1", prefix: "rj", zh: "美国（硅谷）", en: "US (Silicon Valley)" },
  { id: "eu-central-1", prefix: "gw", zh: "德国（法兰克福）", en: "Germany (Frankfurt)" },
];

export const DEFAULT_REGIONS: readonly string[] = KNOWN_REGIONS.map((r) => r.id);

const BY_ID = new Map(KNOWN_REGIONS.map((r) => [r.id, r]));

const ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

/** The ID prefix of a region; custom regions get a stable two-character one from a hash. */
export function regionPrefix(regionId: string): string {
  const known = BY_ID.get(regionId);
  if (known) return known.prefix;
  const h = hashString(regionId);
  return `${ALNUM[h % 26] ?? "x"}${ALNUM[(h >>> 8) % 36] ?? "x"}`;
}

export function regionLocalName(regionId: string, language: "zh-CN" | "en-US"): string {
  const known = BY_ID.get(regionId);
  if (!known) return regionId;
  return language === "en-US" ? known.en : known.zh;
}

/** FNV-1a: a stable 32-bit hash for seeding and deterministic per-task values. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
