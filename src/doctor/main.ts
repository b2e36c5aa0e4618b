// `ecs-tasks-mcp doctor [options]`: builds the real parts from the same configuration the server
// would use, runs the checks, prints the checklist to stdout (not server mode) and returns the exit code.
import { EnvHttpProxyAgent, request } from "undici";
import { settingSource, type CliArgs, type ServerConfig } from "../config.js";
import type { ResolvedRegion } from "../ecs/region.js";
import { NO_RETRY } from "../ecs/retry.js";
import type { Redactor } from "../redact.js";
import { buildRuntime } from "../runtime.js";
import { SERVER_VERSION } from "../version.js";
import type { Probe } from "./checks.js";
import { checkHttp } from "./http-check.js";
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

/**
 * Runs the checks and writes the report. `stuck`: a credential lookup is still running (blocked in a
 * file read, say), so the caller must end the process without waiting for the thread pool.
 */
export async function doctorMain(
  args: CliArgs,
  resolved: ServerConfig,
  redactor: Redactor,
  write: (text: string) => void,
): Promise<{ code: number; stuck: boolean }> {
  const runtime = await buildRuntime(resolved, { retry: NO_RETRY, redactor }); // a diagnosis reports the first answer as it is
  const { config, credentials, ecs, regions } = runtime;
  const endpointOverride =
    config.endpoint && runtime.endpointSource
      ? { url: config.endpoint, label: runtime.endpointSource === "sandbox" ? "built-in sandbox, --sandbox" : settingSource(args, "endpoint") }
      : undefined;
  const regionLabel = (r: ResolvedRegion): string =>
    r.source === "configuration"
      ? runtime.sandboxRegion
        ? "the sandbox default"
        : settingSource(args, "regionId")
      : `region_id of aliyun CLI profile "${config.profile ?? "(current)"}" in ~/.aliyun/config.json`;
  const http = httpProbe(config.timeoutMs, config.connectTimeoutMs);
  let code = 1;
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
      ...(config.http ? { http: () => checkHttp(config) } : {}),
    });
    const mode = config.sandbox ? " (sandbox: generated data, not your account)" : "";
    write(renderReport(results, `ecs-tasks-mcp ${SERVER_VERSION} doctor${mode}`, redactor));
    code = exitCodeFor(results);
  } finally {
    await Promise.allSettled([runtime.close(), http.close()]);
  }
  return { code, stuck: runtime.credentials.busy === true };
}
