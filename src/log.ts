// Diagnostics go to stderr, redacted; stdout belongs to JSON-RPC.
import { redact } from "./redact.js";

export function logError(message: string): void {
  process.stderr.write(`${redact(`ecs-tasks-mcp: ${message}`)}\n`);
}

/** In stdio mode any stray console output would corrupt the protocol stream: send it to stderr. */
export function routeConsoleToStderr(): void {
  const toStderr = (...args: unknown[]) => {
    process.stderr.write(`${redact(args.map((a) => (typeof a === "string" ? a : String(a))).join(" "))}\n`);
  };
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
  console.warn = toStderr;
}
