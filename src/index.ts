#!/usr/bin/env node
// Thin entry: parse arguments, build the runtime (src/runtime.ts) and the server, wire stdio and
// signals, exit cleanly. `ecs-tasks-mcp doctor` checks the setup instead and exits.
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { HELP_TEXT } from "./cli-help.js";
import { parseArgs, resolveConfig, scrubUnsetEnv, shouldLog, type LogLevel, type ServerConfig } from "./config.js";
import { installStdioGuards, logError } from "./log.js";
import { Redactor } from "./redact.js";
import { buildRuntime } from "./runtime.js";
import { createServer } from "./server.js";
import { SERVER_VERSION } from "./version.js";

/** One per process: the credential source registers secrets with it, and every output passes it. */
const redactor = new Redactor();

/** stderr diagnostics below the configured --log-level are dropped; errors always pass. */
function diagnostics(config: Pick<ServerConfig, "logLevel">): (level: LogLevel, message: string) => void {
  return (level, message) => {
    if (shouldLog(level, config.logLevel)) logError(redactor, level === "error" ? message : `[${level}] ${message}`);
  };
}

function flushStdout(): Promise<void> {
  return new Promise((resolve) => process.stdout.write("", () => resolve()));
}

async function main(): Promise<void> {
  // Blank values (and unexpanded `${user_config.x}` placeholders from a bundle) count as unset,
  // for our settings and for the official credential chain alike.
  scrubUnsetEnv(process.env);
  const args = parseArgs(process.argv.slice(2));
  if (args.help) return void process.stdout.write(HELP_TEXT);
  if (args.version) return void process.stdout.write(`${SERVER_VERSION}\n`);

  const resolved = resolveConfig(args, process.env);

  if (args.command === "doctor") {
    const { doctorMain } = await import("./doctor/main.js");
    const code = await doctorMain(args, resolved, redactor, (text) => process.stdout.write(text));
    await flushStdout();
    process.exit(code);
  }

  // console.* and stray stdout writes go to stderr (redacted); only the transport reaches stdout.
  const stdout = installStdioGuards(redactor);
  const log = diagnostics(resolved);
  const runtime = await buildRuntime(resolved, { redactor });
  const { config } = runtime;
  const server = createServer({
    config,
    ecs: runtime.ecs,
    regions: runtime.regions,
    profiles: runtime.profiles,
    redactor,
    ...(config.pageConcurrency ? { pageConcurrency: config.pageConcurrency } : {}),
  });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    log("debug", "stopping");
    // Exit within a second whatever is in flight; closing aborts pending handlers.
    setTimeout(() => process.exit(0), 1000).unref();
    void Promise.allSettled([server.close(), runtime.close()]).then(() => process.exit(0));
  };
  process.stdin.on("end", stop);
  process.stdin.on("close", stop);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);

  await server.connect(new StdioServerTransport(process.stdin, stdout));
  log(
    "info",
    `${SERVER_VERSION} ready on stdio${config.sandbox ? " (SANDBOX: generated data)" : ""}; ` +
      `region ${config.regionId ?? "(per call, or the CLI profile's region_id)"}; ` +
      `endpoint ${config.endpoint ?? "https://ecs.<region>.aliyuncs.com"}; timeout ${config.timeoutMs} ms`,
  );
  log("debug", `credential chain: ${config.sandbox ? "sandbox key" : `official default chain, looked up at the first call${config.profile ? `, CLI profile "${config.profile}"` : ""}`}`);
}

main().catch((err: unknown) => {
  logError(redactor, err instanceof Error ? err.message : String(err));
  process.exit(2);
});
