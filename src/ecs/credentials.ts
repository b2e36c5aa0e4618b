// Credentials: what a source hands over, the sandbox's static key, and the error for an empty chain.
// The official `@alicloud/credentials` default chain, bounded, is in credential-chain.ts; it is
// built at the first call (loading the package costs ~40 ms, and start-up does no lookup at all).
import { CredentialsError } from "../errors.js";
import type { Redactor } from "../redact.js";

export interface Credentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
  /** Which provider resolved them, e.g. `default/env`, `default/cli_profile`, `sandbox`. */
  providerName: string;
}

export interface CredentialSource {
  /** The credentials; rejects with the signal's reason when it aborts first. */
  get(signal?: AbortSignal): Promise<Credentials>;
}

export const CREDENTIALS_HELP = [
  "No Alibaba Cloud credentials were found. Provide them in one of these ways (the official chain tries them in this order):",
  "1. Environment: ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (plus ALIBABA_CLOUD_SECURITY_TOKEN for STS).",
  "2. OIDC (ACK/RRSA): ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE.",
  "3. The aliyun CLI profile in ~/.aliyun/config.json (`aliyun configure`; choose one with ALIBABA_CLOUD_PROFILE) — recommended: keys stay out of MCP client configs.",
  "4. ~/.alibabacloud/credentials (ini file; path overridable with ALIBABA_CLOUD_CREDENTIALS_FILE).",
  "5. The ECS instance RAM role via the metadata service (when running on ECS).",
  "6. ALIBABA_CLOUD_CREDENTIALS_URI, a local URL that returns credentials.",
  "To try the server without an account, start it with --sandbox.",
].join("\n");

/**
 * The error for an empty chain: the summary, what was found wrong on the way (`notes`: a broken
 * ~/.aliyun/config.json, a profile not in it, a FIFO for a credentials file...), then the ways to
 * provide credentials.
 */
export function noCredentialsError(notes: readonly string[] = []): CredentialsError {
  const [first = "", ...ways] = CREDENTIALS_HELP.split("\n");
  if (notes.length === 0) return new CredentialsError(first, ways);
  // What went wrong first, right under "none found"; then how to provide credentials.
  const [summary = first, provide = ""] = first.split(/(?<=found\.) /);
  return new CredentialsError(summary, [...notes, provide, ...ways], notes);
}

/** Registers a source's secrets with the redactor the moment they are handed over. */
export function remember(c: Credentials, redactor: Redactor): Credentials {
  redactor.registerSecret(c.accessKeySecret);
  redactor.registerSecret(c.securityToken);
  redactor.registerAccessKeyId(c.accessKeyId);
  return c;
}

export function staticCredentials(c: Credentials, redactor: Redactor): CredentialSource {
  const value = remember({ ...c }, redactor);
  return { get: () => Promise.resolve(value) };
}

interface ProfileProvider {
  homedir?: string;
  getCredentials(): Promise<{ accessKeyId?: string; accessKeySecret?: string; securityToken?: string; providerName?: string }>;
}

/**
 * One named aliyun CLI profile, through the official chain's own CLI-profile provider (every mode it
 * knows: AK, StsToken, RamRoleArn, EcsRamRole, ...). Built lazily at the first call and kept, so
 * role credentials are cached and refreshed by the provider. `home` replaces the user's home folder
 * (tests); the provider name reads e.g. `cli_profile/static_ak`.
 */
export function cliProfileCredentials(profile: string, redactor: Redactor, home?: string): CredentialSource {
  let provider: Promise<ProfileProvider> | undefined;
  const load = async (): Promise<ProfileProvider> => {
    const mod = (await import("@alicloud/credentials")) as unknown as {
      CLIProfileCredentialsProvider?: { builder(): { withProfileName(n: string): { build(): ProfileProvider } } };
      default: { CLIProfileCredentialsProvider?: { builder(): { withProfileName(n: string): { build(): ProfileProvider } } } };
    };
    const Provider = mod.CLIProfileCredentialsProvider ?? mod.default.CLIProfileCredentialsProvider;
    if (!Provider) throw noCredentialsError();
    const built = Provider.builder().withProfileName(profile).build();
    if (home !== undefined) built.homedir = home;
    return built;
  };
  return {
    async get() {
      provider ??= load();
      let model: Awaited<ReturnType<ProfileProvider["getCredentials"]>>;
      try {
        model = await (await provider).getCredentials();
      } catch {
        // Never quote the provider's message: it may hold the config file's contents.
        provider = undefined;
        throw new CredentialsError(`The aliyun CLI profile "${profile}" gave no usable credentials.`, [
          "Check it with `aliyun configure list`, or run `aliyun configure --profile " + profile + "`.",
        ]);
      }
      if (!model.accessKeyId || !model.accessKeySecret) {
        provider = undefined;
        throw new CredentialsError(`The aliyun CLI profile "${profile}" has no AccessKey.`, ["Run `aliyun configure --profile " + profile + "`."]);
      }
      return remember(
        {
          accessKeyId: model.accessKeyId,
          accessKeySecret: model.accessKeySecret,
          ...(model.securityToken ? { securityToken: model.securityToken } : {}),
          providerName: model.providerName ?? "cli_profile",
        },
        redactor,
      );
    },
  };
}
