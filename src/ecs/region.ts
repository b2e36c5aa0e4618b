// Which region a call goes to. Never a silent default: the tool argument, else the configured
// region (`--region` / ALIBABA_CLOUD_REGION_ID), else the aliyun CLI profile's `region_id`.
import { homedir } from "node:os";
import { ConfigError } from "../errors.js";
import { cliConfigNotes, readCliConfig } from "./cli-config.js";

/** Region IDs go into a host name, so only this shape is let through. */
export const REGION_ID_PATTERN = /^[a-z]{2,}(-[a-z0-9]+)+$/;

export type RegionSource = "argument" | "configuration" | "cli_profile";

export interface ResolvedRegion {
  regionId: string;
  source: RegionSource;
}

export const REGION_HELP =
  "No region given. Set one of: the tool's RegionId argument (e.g. \"cn-hangzhou\"), " +
  "the ALIBABA_CLOUD_REGION_ID environment variable (or --region), " +
  "or region_id in your aliyun CLI profile (~/.aliyun/config.json, `aliyun configure`).";

export function assertRegionId(regionId: string, origin: string): string {
  if (!REGION_ID_PATTERN.test(regionId) || regionId.length > 64) {
    // Never cut before redaction: a value too long to quote whole is described, not quoted.
    const shown = regionId.length > 64 ? `(a value of ${regionId.length} characters)` : `"${regionId}"`;
    throw new ConfigError(
      `${origin} ${shown} is not a region ID. Expected lowercase words joined by hyphens, ` +
        'like "cn-hangzhou", "ap-southeast-1" or "us-west-1".',
    );
  }
  return regionId;
}

/**
 * The CLI profile's region, read once and only when needed (a small regular file only: see
 * cli-config.ts). A missing file, or a profile without region_id, is simply no region.
 */
export async function cliProfileRegion(profile: string | undefined, home = homedir()): Promise<string | undefined> {
  const config = await readCliConfig(home);
  if (config.state !== "ok") return undefined;
  const name = profile ?? config.current;
  const found = config.profiles.find((p) => p.name === name);
  return typeof found?.region_id === "string" && found.region_id !== "" ? found.region_id : undefined;
}

export class RegionResolver {
  private profileRegion: Promise<string | undefined> | undefined;

  constructor(
    private readonly configured: string | undefined,
    private readonly profile: string | undefined,
    private readonly home?: string,
    /** Used after the profile's region_id (a per-call Profile: its own region first, then the server's). */
    private readonly fallback?: string,
  ) {}

  async resolve(argument: string | undefined): Promise<ResolvedRegion> {
    if (argument) return { regionId: assertRegionId(argument, "RegionId"), source: "argument" };
    if (this.configured) {
      return { regionId: assertRegionId(this.configured, "ALIBABA_CLOUD_REGION_ID"), source: "configuration" };
    }
    this.profileRegion ??= cliProfileRegion(this.profile, this.home);
    const fromProfile = await this.profileRegion;
    if (fromProfile) return { regionId: assertRegionId(fromProfile, "CLI profile region_id"), source: "cli_profile" };
    if (this.fallback) return { regionId: assertRegionId(this.fallback, "ALIBABA_CLOUD_REGION_ID"), source: "configuration" };
    // Say why the CLI config gave no region when it is broken or lacks the profile (never quoting it).
    throw new ConfigError(REGION_HELP, await cliConfigNotes(this.home ?? homedir(), this.profile));
  }
}

/** The profile names of the aliyun CLI configuration, in its order (none when there is no readable file). */
export async function cliProfileNames(home = homedir()): Promise<string[]> {
  const config = await readCliConfig(home);
  if (config.state !== "ok") return [];
  return config.profiles.flatMap((p) => (typeof p.name === "string" && p.name ? [p.name] : []));
}
