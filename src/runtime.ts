// The parts the server and `doctor` both run on, built from a resolved configuration: the endpoint
// override checked, the sandbox started when asked for, the credentials chosen, the ECS client and
// the region resolver. One place, so `doctor` checks exactly what the server would use.
import type { Env, ServerConfig } from "./config.js";
import { EcsClient, preloadHttpCode } from "./ecs/client.js";
import { defaultCredentialChain, preloadChainCode } from "./ecs/credential-chain.js";
import { cliProfileCredentials, staticCredentials, type CredentialSource } from "./ecs/credentials.js";
import { CliProfiles } from "./ecs/profiles.js";
import { parseEndpointOverride } from "./ecs/endpoints.js";
import { RegionResolver } from "./ecs/region.js";
import type { RetryPolicy } from "./ecs/retry.js";
import type { Redactor } from "./redact.js";

export interface RuntimeOptions {
  /** The process's redactor: the credential source registers every secret it hands out with it. */
  redactor: Redactor;
  /** The client's retry policy; `doctor` passes NO_RETRY to report the first answer as it is. */
  retry?: RetryPolicy;
  /** Where the official chain reads its settings (process.env in production). */
  env?: Env;
}

export interface Runtime {
  /** The configuration in effect: with the sandbox, its URL as endpoint and its default region. */
  config: ServerConfig;
  credentials: CredentialSource & { readonly busy?: boolean };
  ecs: EcsClient;
  regions: RegionResolver;
  /** Per-call Profile: a client per aliyun CLI profile, built at its first use. */
  profiles: CliProfiles;
  /** Where the endpoint override came from, when there is one. */
  endpointSource?: "configuration" | "sandbox";
  /** True when the region is the sandbox's default, not one configured. */
  sandboxRegion: boolean;
  /** Closes the credential lookup, the client's connections and the sandbox; never throws. */
  close(): Promise<void>;
}

export async function buildRuntime(resolved: ServerConfig, options: RuntimeOptions): Promise<Runtime> {
  const config: ServerConfig = { ...resolved };
  let endpointSource: Runtime["endpointSource"];
  if (config.endpoint) {
    config.endpoint = parseEndpointOverride(config.endpoint);
    endpointSource = "configuration";
  }
  let sandboxRegion = false;
  let credentials: Runtime["credentials"];
  let closeCredentials: (() => Promise<void>) | undefined;
  let closeSandbox: (() => Promise<void>) | undefined;
  let profileCredentials: (profile: string) => CredentialSource = (profile) => cliProfileCredentials(profile, options.redactor);
  if (config.sandbox) {
    // Loaded only on request: the sandbox never runs without --sandbox.
    const sandbox = await import("./sandbox/index.js");
    const running = await sandbox.startSandbox();
    closeSandbox = () => running.close();
    config.endpoint = running.url;
    endpointSource = "sandbox";
    if (!config.regionId) {
      config.regionId = sandbox.SANDBOX_DEFAULT_REGION;
      sandboxRegion = true;
    }
    credentials = staticCredentials({ ...sandbox.SANDBOX_CREDENTIAL, providerName: "sandbox" }, options.redactor);
    // The built-in sandbox knows one key: a Profile there picks the profile's region, not its keys.
    profileCredentials = (profile) => staticCredentials({ ...sandbox.SANDBOX_CREDENTIAL, providerName: `sandbox (profile ${profile})` }, options.redactor);
  } else {
    // The official chain reads its CLI profile name from the environment when it is built (lazily,
    // at the first call): --profile must select it there too, not only the profile's region_id.
    if (config.profile) (options.env ?? process.env).ALIBABA_CLOUD_PROFILE = config.profile;
    const chain = defaultCredentialChain({
      redactor: options.redactor,
      timeoutMs: config.credentialsTimeoutMs,
      ...(config.profile ? { profile: config.profile } : {}),
    });
    closeCredentials = () => chain.close();
    credentials = chain;
  }

  const clientWith = (source: CredentialSource) =>
    new EcsClient({
      credentials: source,
      timeoutMs: config.timeoutMs,
      connectTimeoutMs: config.connectTimeoutMs,
      maxBodyBytes: config.maxBodyBytes,
      ...(options.retry ? { retry: options.retry } : {}),
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    });
  const ecs = clientWith(credentials);
  const regions = new RegionResolver(config.regionId, config.profile);
  const profiles = new CliProfiles({
    ...(config.regionId ? { configuredRegion: config.regionId } : {}),
    clientFor: (profile) => clientWith(profileCredentials(profile)),
  });
  return {
    config,
    credentials,
    ecs,
    regions,
    profiles,
    ...(endpointSource ? { endpointSource } : {}),
    sandboxRegion,
    async close() {
      await Promise.allSettled([closeCredentials?.(), ecs.close(), profiles.close(), closeSandbox?.()]);
    },
  };
}

/**
 * After the handshake, load (not run) what the first call needs, so the user's first question pays no
 * module loading: undici and the official credential chain. No network I/O and no credential lookup;
 * a failure here only means the first call loads it instead.
 */
export async function preloadCallCode(): Promise<void> {
  try {
    preloadChainCode();
  } catch {
    // The first call will load it (and say what is wrong) itself.
  }
  await preloadHttpCode().catch(() => undefined);
}
