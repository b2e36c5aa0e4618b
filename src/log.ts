// Diagnostics go to stderr, redacted; stdout belongs to JSON-RPC.
import { Writable } from "node:stream";
import { format } from "node:util";
import type { Redactor } from "./redact.js";

/** One diagnostic line on stderr, redacted. */
export function logError(redactor: Redactor, message: string): void {
  process.stderr.write(`${redactor.redact(`ecs-tasks-mcp: ${message}`)}\n`);
}

/** In stdio mode any stray console output would corrupt the protocol stream: send it to stderr. */
export function routeConsoleToStderr(redactor: Redactor, stderr: NodeJS.WritableStream = process.stderr): void {
  const redact = redactor.text;
  const toStderr = (...args: unknown[]) => {
    stderr.write(`${redact(format(...args))}\n`);
  };
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
  console.warn = toStderr;
  // console.error already writes to stderr, but unredacted: route it through the same function.
  console.error = toStderr;
  console.trace = (...args: unknown[]) => {
    const stack = new Error(format(...args)).stack ?? format(...args);
    stderr.write(`${redact(`Trace: ${stack.replace(/^Error: /, "")}`)}\n`);
  };
}

type WriteFn = typeof process.stdout.write;

/**
 * Takes stdout away from everyone but the JSON-RPC transport. Returns the only writable that still
 * reaches the real stdout: pass it to `new StdioServerTransport(process.stdin, stdout)`. Every other
 * `process.stdout.write` (a dependency printing a banner, a stray debug line) goes to stderr,
 * redacted. Call it once, before anything else can write.
 */
export function guardStdout(
  redactor: Redactor,
  stdout: NodeJS.WriteStream = process.stdout,
  stderr: NodeJS.WritableStream = process.stderr,
): Writable {
  const realWrite = stdout.write.bind(stdout) as (chunk: string | Uint8Array, cb: (err?: Error | null) => void) => boolean;
  const transportOut = new Writable({
    // Backpressure is preserved: this stream's callback waits for the real write to be flushed.
    write(chunk: Buffer, _encoding, callback) {
      realWrite(chunk, (err) => callback(err ?? null));
    },
  });
  const stray = function (this: unknown, chunk: unknown, encoding?: unknown, cb?: unknown): boolean {
    const text = typeof chunk === "string" ? chunk : Buffer.isBuffer(chunk) || chunk instanceof Uint8Array ? Buffer.from(chunk).toString("utf8") : String(chunk);
    const done = typeof encoding === "function" ? encoding : typeof cb === "function" ? cb : undefined;
    const line = redactor.redact(text);
    return stderr.write(line.endsWith("\n") ? line : `${line}\n`, () => (done as ((e?: Error | null) => void) | undefined)?.());
  } as WriteFn;
  stdout.write = stray;
  return transportOut;
}

/**
 * Everything index.ts needs before the transport starts, in stdio mode: console.* and stray stdout
 * writes to stderr (redacted), unexpected errors logged redacted. Returns the stdout for the transport.
 */
export function installStdioGuards(redactor: Redactor, env: NodeJS.ProcessEnv = process.env): Writable {
  // Secrets already in the environment are known now, not only after the first credential lookup:
  // a stray write before the first call must be scrubbed too. (Reading env is no credential lookup.)
  redactor.registerSecret(env.ALIBABA_CLOUD_ACCESS_KEY_SECRET);
  redactor.registerSecret(env.ALIBABA_CLOUD_SECURITY_TOKEN);
  redactor.registerAccessKeyId(env.ALIBABA_CLOUD_ACCESS_KEY_ID);
  routeConsoleToStderr(redactor);
  const out = guardStdout(redactor);
  process.on("unhandledRejection", (reason) => logError(redactor, `unhandled rejection: ${describeThrown(reason)}`));
  // Logged (redacted) instead of Node's default, which prints the raw error; the server keeps serving.
  process.on("uncaughtException", (err) => logError(redactor, `uncaught exception: ${describeThrown(err)}`));
  return out;
}

function describeThrown(value: unknown): string {
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  return String(value);
}
