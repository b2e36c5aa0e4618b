// Where a call goes. The public regional endpoint works for every region; an override
// (ALIBABA_CLOUD_ECS_ENDPOINT / --endpoint) is configuration only, never tool input.
import { ConfigError } from "../errors.js";
import { assertRegionId } from "./region.js";

export function regionalEndpoint(regionId: string): string {
  return `https://ecs.${assertRegionId(regionId, "RegionId")}.aliyuncs.com`;
}

/** The central endpoint, for calls that need no region (DescribeRegions). */
export const CENTRAL_ENDPOINT = "https://ecs.aliyuncs.com";

/** The override as a message may quote it: any user info (a password, a token as user name) masked. */
export function maskUserInfo(raw: string): string {
  return raw.replace(/(\/\/)[^/?#\s]*@/, "$1****@");
}

/** Validates an endpoint override once, at start-up: an origin with http(s), no path or query. */
export function parseEndpointOverride(raw: string): string {
  const shown = maskUserInfo(raw);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`ALIBABA_CLOUD_ECS_ENDPOINT "${shown}" is not a URL; expected e.g. https://ecs-vpc.cn-hangzhou.aliyuncs.com`);
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.username || url.password) {
    throw new ConfigError(`ALIBABA_CLOUD_ECS_ENDPOINT must be an http(s) URL without user info, got "${shown}"`);
  }
  if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.hash) {
    throw new ConfigError(`ALIBABA_CLOUD_ECS_ENDPOINT must be an origin only (no path or query), got "${shown}"`);
  }
  return url.origin;
}

export function endpointFor(regionId: string | undefined, override: string | undefined): string {
  if (override) return override;
  return regionId ? regionalEndpoint(regionId) : CENTRAL_ENDPOINT;
}
