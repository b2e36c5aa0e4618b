// Profile on every tool: the call runs with that aliyun CLI profile's credentials and region. An
// unknown profile, or one the caller's policy does not allow, is refused before any request, naming
// the profiles the caller may use.
import { InputError } from "../errors.js";
import { allowsProfile, LOCAL_USER } from "../policy.js";
import type { UseCaseDeps } from "./services.js";

export async function scopeToProfile(profile: string | undefined, deps: UseCaseDeps): Promise<UseCaseDeps> {
  if (profile === undefined) return deps;
  if (!deps.profiles) throw new InputError("Profile is not available on this server; call without it.");
  const caller = deps.caller ?? LOCAL_USER;
  const names = await deps.profiles.names();
  const allowed = names.filter((name) => allowsProfile(caller, name));
  if (!allowed.includes(profile)) {
    // Three different remedies: pick an allowed one, ask the operator, or configure a profile.
    const hint = allowed.length
      ? `Profiles you may use: ${allowed.join(", ")}.`
      : names.length
        ? "Your access policy allows no Profile on this server; call without Profile, or ask the server's operator to add one to your policy."
        : "No aliyun CLI profile is available (~/.aliyun/config.json; `aliyun configure --profile NAME`).";
    throw new InputError(`Unknown Profile "${profile}".`, [hint]);
  }
  const scope = deps.profiles.scope(profile);
  return { ...deps, ecs: scope.ecs, regions: scope.regions, profile };
}

/** `{ Profile }` for an answer made under a profile. */
export const profileField = (deps: Pick<UseCaseDeps, "profile">): { Profile?: string } => (deps.profile ? { Profile: deps.profile } : {});
