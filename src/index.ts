#!/usr/bin/env node
// Thin entry: parse arguments, build the server from its parts, wire stdio, exit cleanly.
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { HELP_TEXT } from "./cli-help.js";
import { parseArgs, resolveConfig } from "./config.js";
import { EcsClient } from "./ecs/client.js";
import { defaultCredentialChain, staticCredentials, type CredentialSource } from "./ecs/credentials.js";
import { parseEndpointOverride } from "./ecs/endpoints.js";
import { logError, routeConsoleToStderr } from "./log.js";
import { createServer } from "./server.js";
import { SERVER_VERSION } from "./version.js";

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) return void process.stdout.write(HELP_TEXT);
  if (args.version) return void process.stdout.write(`${SERVER_VERSION}\n`);
  routeConsoleToStderr();

  const config = resolveConfig(args, process.env);
  if (config.endpoint) config.endpoint = parseEndpointOverride(config.endpoint);

  let credentials: CredentialSource;
  let closeSandbox: (() => Promise<void>) | undefined;
  if (config.sandbox) {
    // Loaded only on request: the sandbox never runs without --sandbox.
    const sandbox = await import("./sandbox/index.js");
    const running = await sandbox.startSandbox();
    closeSandbox = () => running.close();
    config.endpoint = running.url;
    config.regionId ??= sandbox.SANDBOX_DEFAULT_REGION;
    credentials = staticCredentials({ ...sandbox.SANDBOX_CREDENTIAL, providerName: "sandbox" });
  } else {
    credentials = defaultCredentialChain();
  }

  const ecs = new EcsClient({ credentials, timeoutMs: config.timeoutMs, connectTimeoutMs: config.connectTimeoutMs, ...(config.endpoint ? { endpoint: config.endpoint } : {}) });
  const server = createServer({ config, ecs });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Exit within a second whatever is in flight; closing aborts pending handlers.
    setTimeout(() => process.exit(0), 1000).unref();
    void Promise.allSettled([server.close(), ecs.close(), closeSandbox?.()]).then(() => process.exit(0));
  };
  process.stdin.on("end", stop);
  process.stdin.on("close", stop);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  process.on("unhandledRejection", (reason) => logError(`unhandled rejection: ${String(reason)}`));

  await server.connect(new StdioServerTransport());
}

main().catch((err: unknown) => {
  logError(err instanceof Error ? err.message : String(err));
  process.exit(2);
});
