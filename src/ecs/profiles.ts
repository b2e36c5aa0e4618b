// Per-call aliyun CLI profiles: for a profile named in a tool call, an ECS client signed with that
// profile's credentials and a region resolver that prefers its region_id. Built at the first call
// that names the profile and kept for the process (so role credentials stay cached).
import type { EcsApi } from "./client.js";
import { cliProfileNames, RegionResolver } from "./region.js";

export interface ProfileScope {
  ecs: EcsApi;
  regions: RegionResolver;
}

export interface ProfileSource {
  /** The profiles of the CLI configuration, read afresh (a profile added later is found). */
  names(): Promise<string[]>;
  /** The client and region resolver of a profile known to exist. */
  scope(name: string): ProfileScope;
}

export interface CliProfilesOptions {
  /** The user's home folder (tests pass a temporary one). */
  home?: string;
  /** The server's configured region: used when the profile has no region_id. */
  configuredRegion?: string;
  /** A client signed with the profile's credentials. */
  clientFor(profile: string): EcsApi & { close?(): Promise<void> };
}

export class CliProfiles implements ProfileSource {
  private readonly scopes = new Map<string, ProfileScope & { ecs: { close?(): Promise<void> } }>();
  constructor(private readonly o: CliProfilesOptions) {}

  names(): Promise<string[]> {
    return cliProfileNames(this.o.home);
  }

  scope(name: string): ProfileScope {
    let s = this.scopes.get(name);
    if (!s) {
      s = { ecs: this.o.clientFor(name), regions: new RegionResolver(undefined, name, this.o.home, this.o.configuredRegion) };
      this.scopes.set(name, s);
    }
    return s;
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.scopes.values()].map(async (s) => s.ecs.close?.()));
  }
}
