// Spawns the built server with --http (the real binary, a real port) and connects the real SDK
// client over StreamableHTTPClientTransport. Records stderr so tests can read audit lines and check
// that no secret ever leaves.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { request } from "node:http";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { SERVER_ENTRY } from "./spawn.js";

/** The command line of the HTTP server, as the Dockerfile's CMD runs it (after `node dist/index.js`). */
export const HTTP_ARGS = ["--http", "--host", "0.0.0.0"];

export interface HttpReplica {
  url: string;
  port: number;
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Audit lines written so far. */
  audit(): Array<Record<string, unknown>>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `node dist/index.js --http --port 0 ...args`, resolving once it announces its port. */
export async function spawnHttp(env: Record<string, string>, args: string[]): Promise<HttpReplica> {
  const child = spawn(process.execPath, [SERVER_ENTRY, "--http", "--port", "0", ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (c: Buffer) => void (out += c.toString("utf8")));
  child.stderr.on("data", (c: Buffer) => void (err += c.toString("utf8")));
  const exited = once(child, "exit");
  const port = await new Promise<number>((resolve, reject) => {
    const onData = () => {
      const m = /listening on http:\/\/[^\s]+:(\d+)\/mcp/.exec(err);
      if (m) resolve(Number(m[1]));
    };
    child.stderr.on("data", onData);
    void exited.then(([code]) => reject(new Error(`server exited (${String(code)}) before listening: ${err}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    port,
    child,
    stdout: () => out,
    stderr: () => err,
    audit: () =>
      err
        .split("\n")
        .filter((l) => l.startsWith("{"))
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((l) => l.audit === "tool_call"),
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill("SIGTERM");
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
}

/** Runs the binary to its exit (for refusals at start). */
export async function runToExit(env: Record<string, string>, args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [SERVER_ENTRY, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  let err = "";
  child.stderr.on("data", (c: Buffer) => void (err += c.toString("utf8")));
  const [code] = (await once(child, "exit")) as [number | null];
  return { code, stderr: err };
}

export async function connectHttp(url: string, token?: string): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(url), token ? { requestInit: { headers: { Authorization: `Bearer ${token}` } } } : {});
  const client = new Client({ name: "http-test", version: "1.0.0" });
  await client.connect(transport);
  return client;
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request with any headers (fetch cannot set Host). */
export function rawRequest(port: number, method: string, path: string, headers: Record<string, string>, body?: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      let text = "";
      res.on("data", (c: Buffer) => void (text += c.toString("utf8")));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** The headers a Streamable HTTP client sends with a JSON-RPC POST. */
export function mcpHeaders(port: number, token?: string): Record<string, string> {
  return {
    host: `127.0.0.1:${port}`,
    "content-type": "application/json",
    accept: "application/json, text/event-stream",
    "mcp-protocol-version": "2025-06-18",
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
}

/** Waits until `check` holds (stderr arrives on its own pipe, a moment after the HTTP answer). */
export async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
}
