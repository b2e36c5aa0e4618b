// The stdio server: one client on stdin/stdout. Wires the line limit in front of the SDK's transport,
// the stdout guard, clean exits (stdin end, signals, a closed stdout) and the preload of the first
// call's code after the handshake. The thin entry (index.ts) hands over to it.
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import type { LogLevel, ServerConfig } from "./config.js";
import { installStdioGuards, logError } from "./log.js";
import type { Redactor } from "./redact.js";
import { buildRuntime, preloadCallCode } from "./runtime.js";
import { createServer } from "./server.js";
import { isLineError, LineLimiter, MAX_MESSAGE_BYTES, oversizedError, unreadableError } from "./stdio.js";
import { SERVER_VERSION } from "./version.js";

/** After `initialized`: long enough for the `tools/list` that follows it to be answered first. */
const PRELOAD_DELAY_MS = 100;

export async function serveStdio(resolved: ServerConfig, redactor: Redactor, log: (level: LogLevel, message: string) => void): Promise<void> {
  // console.* and stray stdout writes go to stderr (redacted); only the transport reaches stdout.
  const stdout = installStdioGuards(redactor);
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
  /**
   * process.exit waits for the thread pool: a credential source blocked in a file read (a hung
   * network file system) would hold the exit for ever. With a lookup still running, end at once.
   */
  const leave = (code: number) => {
    if (runtime.credentials.busy) {
      logError(redactor, "a credential lookup is still running and cannot be interrupted; ending the process without waiting for it");
      process.kill(process.pid, "SIGKILL");
    }
    process.exit(code);
  };
  const stop = (code = 0) => {
    if (stopping) return;
    stopping = true;
    log("debug", "stopping");
    // Exit within a second whatever is in flight; closing aborts pending handlers and lookups.
    setTimeout(() => leave(code), 900).unref();
    void Promise.allSettled([server.close(), runtime.close()]).then(() => leave(code));
  };
  /** Something the server cannot go on without: one clear stderr line, then a non-zero exit. */
  const fatal = (what: string) => {
    if (stopping) return;
    logError(redactor, `${what}; exiting`);
    stop(1);
  };
  process.stdin.on("end", () => stop());
  process.stdin.on("close", () => stop());
  process.stdin.on("error", (err) => fatal(`stdin failed: ${err.message}`));
  process.on("SIGINT", () => stop());
  process.on("SIGTERM", () => stop());
  // The client closed its end of stdout: nobody can hear the server any more. One line, no traces.
  const onStdoutError = (err: NodeJS.ErrnoException) => {
    if (stopping) return;
    if (err.code === "EPIPE" || err.code === "ERR_STREAM_DESTROYED") {
      logError(redactor, "stdout was closed by the client (EPIPE); exiting");
      stop(0);
    } else fatal(`stdout failed: ${err.message}`);
  };
  process.stdout.on("error", onStdoutError);
  stdout.on("error", onStdoutError);

  // Messages over MAX_MESSAGE_BYTES are dropped as they stream in and answered with an error; the
  // SDK's own read buffer (10 MB, after which it closes the transport) is never reached.
  const reply = (message: Record<string, unknown>) => void stdout.write(`${JSON.stringify(message)}\n`);
  const lines = new LineLimiter(MAX_MESSAGE_BYTES, (m) => {
    log(
      "warning",
      `discarded a ${m.bytes}-byte message from stdin: over the ${MAX_MESSAGE_BYTES}-byte limit` +
        (m.ended ? (m.id !== undefined ? `; request ${JSON.stringify(m.id)} was answered with an error` : "; no request id found to answer") : "; stdin ended inside it"),
    );
    if (m.ended) reply(oversizedError(m));
  });
  process.stdin.pipe(lines);
  const transport = new StdioServerTransport(lines, stdout);
  transport.onerror = (err) => {
    if (!isLineError(err)) return fatal(`the stdio transport failed: ${err.message}`);
    log("warning", "ignored a stdin line that is not a JSON-RPC message");
    reply(unreadableError(err));
  };
  transport.onclose = () => fatal("the stdio transport closed");

  // Once the client has initialized (and usually listed the tools), load what the first call needs.
  server.server.oninitialized = () =>
    setTimeout(() => {
      const started = performance.now();
      void preloadCallCode().then(() => log("debug", `preloaded the first call's code (undici, the credential chain) in ${Math.round(performance.now() - started)} ms`));
    }, PRELOAD_DELAY_MS).unref();
  await server.connect(transport);
  log(
    "info",
    `${SERVER_VERSION} ready on stdio${config.sandbox ? " (SANDBOX: generated data)" : ""}; ` +
      `region ${config.regionId ?? "(per call, or the CLI profile's region_id)"}; ` +
      `endpoint ${config.endpoint ?? "https://ecs.<region>.aliyuncs.com"}; timeout ${config.timeoutMs} ms`,
  );
  log("debug", `credential chain: ${config.sandbox ? "sandbox key" : `official default chain, looked up at the first call${config.profile ? `, CLI profile "${config.profile}"` : ""}`}`);
}
