// `ecs-tasks-mcp --http`: checks the HTTP settings (refusing to expose an unauthenticated server),
// serves the app on node:http, writes one audit line per tool call, and on SIGTERM stops accepting,
// lets calls in flight finish within the grace period (waits answer early), then exits.
import { createServer as createHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { ConfigError } from "../errors.js";
import { logError } from "../log.js";
import type { Redactor } from "../redact.js";
import { preloadCallCode, type Runtime } from "../runtime.js";
import { createCaches, createServer, type ToolCallRecord } from "../server.js";
import { DEFAULT_HTTP_HOST, DEFAULT_HTTP_PORT, DEFAULT_RATE_LIMIT, DEFAULT_SHUTDOWN_GRACE_MS } from "../options.js";
import { createHttpApp, MCP_PATH } from "./app.js";
import { hostPolicy } from "./guards.js";
import { httpSecurity } from "./settings.js";

export { httpSecurity } from "./settings.js";

type Log = (level: "debug" | "info" | "warning" | "error", message: string) => void;

/** One JSON line on stderr per tool call; redacted, no arguments. */
function auditLine(redactor: Redactor, record: ToolCallRecord): void {
  process.stderr.write(`${redactor.redact(JSON.stringify({ audit: "tool_call", ...record }))}\n`);
}

export async function serveHttp(runtime: Runtime, redactor: Redactor, log: Log): Promise<void> {
  const { config } = runtime;
  const { auth, policy, summary } = httpSecurity(config);
  const host = config.host ?? DEFAULT_HTTP_HOST;
  const hosts = hostPolicy(host, config.allowedHosts);
  if (!hosts.loopback && hosts.allowed.length === 0) {
    log("warning", "no --allowed-hosts: every Host header is accepted; list your public names to refuse DNS rebinding");
  }
  const caches = createCaches(() => new Date());
  const draining = new AbortController();
  const app = createHttpApp({
    hosts,
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
    ...(auth ? { auth } : {}),
    ...(policy ? { policy } : {}),
    rateLimit: config.rateLimit ?? DEFAULT_RATE_LIMIT,
    log,
    newServer: (caller) =>
      createServer({
        config,
        ecs: runtime.ecs,
        regions: runtime.regions,
        // A per-call Profile, limited to the profiles this caller's policy names.
        profiles: runtime.profiles,
        redactor,
        caches,
        caller,
        draining: draining.signal,
        onToolCall: (record) => auditLine(redactor, record),
        ...(config.pageConcurrency ? { pageConcurrency: config.pageConcurrency } : {}),
      }),
  });
  const server = createHttpServer((req, res) => app.handle(req, res));
  server.on("clientError", (_err, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once("error", (err: NodeJS.ErrnoException) =>
      reject(new ConfigError(`cannot listen on ${host}:${config.port ?? DEFAULT_HTTP_PORT} (${err.code ?? err.message})`)),
    );
    server.listen(config.port ?? DEFAULT_HTTP_PORT, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  // Listening: load what the first call needs, so the first question pays no module loading.
  setTimeout(() => void preloadCallCode(), 0).unref();
  const shown = host.includes(":") ? `[${host}]` : host;
  // Always written (whatever --log-level): operators and tests read the port from it.
  logError(
    redactor,
    `listening on http://${shown}:${port}${MCP_PATH} (stateless Streamable HTTP; ${summary}` +
      `${config.sandbox ? "; SANDBOX: generated data" : ""})`,
  );

  const grace = config.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS;
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    log("info", `stopping: ${app.inFlight()} request(s) in flight, up to ${grace} ms to finish`);
    app.stopAccepting();
    draining.abort(new Error("draining"));
    server.close();
    server.closeIdleConnections();
    const deadline = Date.now() + grace;
    const exit = () => void runtime.close().finally(() => process.exit(0));
    const check = setInterval(() => {
      if (app.inFlight() === 0 || Date.now() >= deadline) {
        clearInterval(check);
        if (app.inFlight() > 0) log("warning", `grace period over: ${app.inFlight()} request(s) cut off`);
        server.closeAllConnections();
        exit();
      }
    }, 50);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
