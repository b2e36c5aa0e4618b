// `ecs-tasks-mcp doctor [options]`: builds the real parts from the same configuration the server
// would use, runs the checks, prints the checklist to stdout (not server mode) and returns the exit code.
import { EnvHttpProxyAgent, request } from "undici";
import { resolveConfig, type CliArgs, type Env } from "../config.js";
import { EcsClient } from "../ecs/client.js";
import { defaultCredentialChain, staticCredentials, type CredentialSource } from "../ecs/credentials.js";
import { parseEndpointOverride } from "../ecs/endpoints.js";
import { RegionResolver, type ResolvedRegion } from "../ecs/region.js";
import { NO_RETRY } from "../ecs/retry.js";
import { Redactor } from "../redact.js";
import { SERVER_VERSION } from "../version.js";
import type { Probe } from "./checks.js";
import { exitCodeFor, renderReport, runDoctor } from "./run.js";

/** One plain HEAD to the endpoint origin: any HTTP answer proves reachability and carries Date. */
export function httpProbe(timeoutMs: number, connectTimeoutMs: number): { probe: Probe; close(): Promise<void> } {
  const dispatcher = new EnvHttpProxyAgent({ connectTimeout: connectTimeoutMs });
  return {
    async probe(origin) {
      const timeout = AbortSignal.timeout(timeoutMs);
      try {
        const res = await request(`${origin}/`, { method: "HEAD", dispatcher, signal: timeout });
        await res.body.dump();
        const date = res.headers.date;
        return { ok: true, status: res.statusCode, ...(typeof date === "string" ? { date } : {}) };
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        const message = (err as Error).message || String(err);
        return { ok: false, timeout: timeout.aborted, error: typeof code === "string" ? `${message} (${code})` : message };
      }
    },
    close: () => dispatcher.close(),
  };
}

export async function doctorMain(args: CliArgs, env: Env, write: (text: string) => void): Promise<number> {
  const config = resolveConfig(args, env);
  const redactor = new Redactor();
  let endpointOverride: { url: string; label: string } | undefined;
  if (config.endpoint) {
    endpointOverride = { url: parseEndpointOverride(config.endpoint), label: args.endpoint ? "--endpoint" : "ALIBABA_CLOUD_ECS_ENDPOINT" };
  }
  let credentials: CredentialSource;
  let regionLabel = (r: ResolvedRegion): string =>
    r.source === "configuration"
      ? args.region
        ? "--region"
        : "ALIBABA_CLOUD_REGION_ID"
      : `region_id of aliyun CLI profile "${config.profile ?? "(current)"}" in ~/.aliyun/config.json`;
  let closeSandbox: (() => Promise<void>) | undefined;
  if (config.sandbox) {
    const sandbox = await import("../sandbox/index.js");
    const running = await sandbox.startSandbox();
    closeSandbox = () => running.close();
    endpointOverride = { url: running.url, label: "built-in sandbox, --sandbox" };
    if (!config.regionId) {
      config.regionId = sandbox.SANDBOX_DEFAULT_REGION;
      regionLabel = () => "the sandbox default";
    }
    credentials = staticCredentials({ ...sandbox.SANDBOX_CREDENTIAL, providerName: "sandbox" }, redactor);
  } else {
    credentials = defaultCredentialChain(redactor);
  }
  const regions = new RegionResolver(config.regionId, config.profile);
  const ecs = new EcsClient({
    credentials,
    timeoutMs: config.timeoutMs,
    connectTimeoutMs: config.connectTimeoutMs,
    retry: NO_RETRY, // a diagnosis reports the first answer as it is
    ...(endpointOverride ? { endpoint: endpointOverride.url } : {}),
  });
  const http = httpProbe(config.timeoutMs, config.connectTimeoutMs);
  try {
    const results = await runDoctor({
      nodeVersion: process.version,
      execPath: process.execPath,
      credentials,
      ...(config.profile ? { profile: config.profile } : {}),
      resolveRegion: () => regions.resolve(undefined),
      regionLabel,
      ...(endpointOverride ? { endpointOverride } : {}),
      probe: http.probe,
      ecs,
      now: () => new Date(),
      redactor,
    });
    const mode = config.sandbox ? " (sandbox: generated data, not your account)" : "";
    write(renderReport(results, `ecs-tasks-mcp ${SERVER_VERSION} doctor${mode}`, redactor));
    return exitCodeFor(results);
  } finally {
    await Promise.allSettled([ecs.close(), http.close(), closeSandbox?.()]);
  }
}
