// Spawns the real built server (dist/index.js) with the real SDK StdioClientTransport, recording
// every byte it writes to stdout and stderr so tests can check protocol purity and leaks.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { ClientCapabilities } from "@modelcontextprotocol/sdk/types.js";
import type { ChildProcess } from "node:child_process";

export const SERVER_ENTRY = fileURLToPath(new URL("../../dist/index.js", import.meta.url));

/** StdioClientTransport that also keeps the raw stdout bytes. */
export class RecordingStdioTransport extends StdioClientTransport {
  rawStdout = "";
  rawStderr = "";

  override async start(): Promise<void> {
    await super.start();
    // Attached before any I/O callback can run, so even output written at start-up is caught.
    const child = (this as unknown as { _process: ChildProcess })._process;
    child.stdout?.on("data", (chunk: Buffer) => {
      this.rawStdout += chunk.toString("utf8");
    });
    this.stderr?.on("data", (chunk: Buffer) => {
      this.rawStderr += chunk.toString("utf8");
    });
  }

  override get pid(): number | null {
    return (this as unknown as { _process?: ChildProcess })._process?.pid ?? null;
  }
}

/**
 * A clean environment: nothing from the machine's Alibaba settings leaks in, an empty HOME (no CLI
 * profile), and the ECS metadata service off (it lives on a non-loopback address).
 */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: mkdtempSync(join(tmpdir(), "ecs-mcp-home-")),
    TZ: "UTC",
    ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true",
    ...extra,
  };
}

/** Writes an aliyun CLI config (~/.aliyun/config.json) into a test HOME. */
export function writeCliProfiles(home: string, current: string, profiles: Array<Record<string, string>>): void {
  mkdirSync(join(home, ".aliyun"), { recursive: true });
  writeFileSync(join(home, ".aliyun", "config.json"), JSON.stringify({ current, profiles }));
}

export interface Spawned {
  client: Client;
  transport: RecordingStdioTransport;
  close(): Promise<void>;
}

/** `capabilities`: what the client declares in initialize (e.g. the MCP Apps extension). */
export async function spawnServer(env: Record<string, string>, args: string[] = [], capabilities?: ClientCapabilities): Promise<Spawned> {
  const transport = new RecordingStdioTransport({
    command: process.execPath,
    args: [SERVER_ENTRY, ...args],
    env,
    stderr: "pipe",
  });
  const client = new Client({ name: "e2e-test", version: "1.0.0" }, capabilities ? { capabilities } : {});
  await client.connect(transport);
  return { client, transport, close: () => client.close() };
}

/** Every stdout line must be a JSON-RPC 2.0 message. */
export function nonJsonRpcLines(stdout: string): string[] {
  return stdout
    .split("\n")
    .filter((line) => line.trim() !== "")
    .filter((line) => {
      try {
        return (JSON.parse(line) as { jsonrpc?: string }).jsonrpc !== "2.0";
      } catch {
        return true;
      }
    });
}
