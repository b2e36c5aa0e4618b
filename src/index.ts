#!/usr/bin/env node
// Thin entry: parse arguments, then hand over to the stdio server (src/stdio-main.ts), the HTTP
// server (src/http) or `doctor`, which checks the setup instead and exits.
import { HELP_TEXT } from "./cli-help.js";
import { parseArgs, resolveConfig, scrubUnsetEnv, shouldLog, type LogLevel, type ServerConfig } from "./config.js";
import { logError, routeConsoleToStderr } from "./log.js";
import { Redactor } from "./redact.js";
import { buildRuntime } from "./runtime.js";
import { serveStdio } from "./stdio-main.js";
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
    // A reader that went away (`doctor | head -1`) ends the run quietly, not with a stack trace.
    process.stdout.on("error", () => process.exit(1));
    const { doctorMain } = await import("./doctor/main.js");
    const { code, stuck } = await doctorMain(args, resolved, redactor, (text) => process.stdout.write(text));
    await flushStdout();
    // A lookup blocked in a file read holds process.exit (it waits for the thread pool): end at once.
    if (stuck) process.kill(process.pid, "SIGKILL");
    process.exit(code);
  }

  if (resolved.http) {
    // Streamable HTTP (src/http): the settings are checked before anything starts.
    routeConsoleToStderr(redactor);
    const { httpSecurity, serveHttp } = await import("./http/main.js");
    httpSecurity(resolved);
    const log = diagnostics(resolved);
    return serveHttp(await buildRuntime(resolved, { redactor }), redactor, log);
  }

  return serveStdio(resolved, redactor, diagnostics(resolved));
}

main().catch((err: unknown) => {
  logError(redactor, err instanceof Error ? err.message : String(err));
  process.exit(2);
});
