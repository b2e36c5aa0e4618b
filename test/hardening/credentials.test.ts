// Issue 12, point 9: credential sources without end, through the spawned binary. A credentials URI
// that streams for ever is cut at 64 KiB and its socket closed; one that never answers is abandoned
// at the lookup's deadline; a FIFO as the credentials file is refused unread; a FIFO read deep inside
// the chain (a CLI profile's OIDC token file) is abandoned, and no new lookup piles up behind it. In
// every case the process exits promptly on stdin close or SIGTERM (bound 5 s here; the measured
// figure is in `npm run bench`).
import { execFileSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { closeSync, constants, mkdirSync, mkdtempSync, openSync, writeFileSync } from "node:fs";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { textOf } from "../helpers/in-memory.js";
import { cleanEnv, spawnServer, type Spawned } from "../helpers/spawn.js";
import { runDoctor } from "../ecosystem/doctor-run.js";
import { waitUntil } from "../reliability/support.js";

const EXIT_BOUND_MS = 5_000;

/** A credentials URI server: `stream` writes JSON whitespace for ever (as fast as it is read), `hang` never answers. */
interface UriServer {
  url: string;
  /** Bytes written to the client so far, and whether its socket has closed. */
  written: number;
  closed: Promise<void>;
  server: Server;
}

async function uriServer(mode: "stream" | "hang"): Promise<UriServer> {
  let resolveClosed!: () => void;
  const state = { written: 0, closed: new Promise<void>((r) => (resolveClosed = r)) };
  const chunk = Buffer.alloc(16 * 1024, 0x20);
  const server = createServer((req, res: ServerResponse) => {
    req.socket.once("close", () => resolveClosed());
    if (mode === "hang") return;
    res.writeHead(200, { "content-type": "application/json" });
    res.write("{");
    const pump = () => {
      while (!res.destroyed && res.write(chunk)) state.written += chunk.length;
      if (!res.destroyed) res.once("drain", pump);
    };
    pump();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, { url: `http://127.0.0.1:${port}/credentials`, server });
}

function fifo(dir: string, name = "fifo"): string {
  const path = join(dir, name);
  execFileSync("mkfifo", [path]);
  return path;
}

let sandbox: Sandbox;
const servers: Server[] = [];
let running: Spawned[] = [];
beforeAll(async () => {
  sandbox = await startSandbox({});
});
afterEach(async () => {
  for (const s of running) await s.close().catch(() => undefined);
  running = [];
});
afterAll(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    s.close();
  }
  await sandbox.close();
});

async function start(extra: Record<string, string>, home?: string): Promise<Spawned> {
  const env = cleanEnv({ ALIBABA_CLOUD_REGION_ID: "cn-hangzhou", ALIBABA_CLOUD_ECS_ENDPOINT: sandbox.url, ...extra });
  if (home) env.HOME = home;
  const s = await spawnServer(env);
  running.push(s);
  return s;
}

const child = (s: Spawned) => (s.transport as unknown as { _process: ChildProcess })._process;

function call(s: Spawned): Promise<CallToolResult> {
  return s.client.callTool({ name: "describe_ecs_tasks", arguments: { IncludeProgress: false } }, undefined, { timeout: 60_000 }) as Promise<CallToolResult>;
}

/** Milliseconds from `trigger` to the child's exit; the exit code and signal. */
async function exitAfter(s: Spawned, trigger: "stdin" | "SIGTERM"): Promise<{ ms: number; code: number | null; signal: string | null }> {
  const proc = child(s);
  const exited = once(proc, "exit") as Promise<[number | null, string | null]>;
  const t0 = performance.now();
  if (trigger === "stdin") proc.stdin!.end();
  else proc.kill("SIGTERM");
  const [code, signal] = await exited;
  return { ms: performance.now() - t0, code, signal };
}

describe("a credentials URI that streams for ever", () => {
  it("is cut at 64 KiB with its socket closed; the call fails clearly; the process exits on stdin close", async () => {
    const uri = await uriServer("stream");
    servers.push(uri.server);
    const s = await start({ ALIBABA_CLOUD_CREDENTIALS_URI: uri.url });
    const result = await call(s);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/No Alibaba Cloud credentials were found[\s\S]*ALIBABA_CLOUD_CREDENTIALS_URI answered with more than 64 KiB; reading stopped there/);
    await uri.closed; // the socket was closed by the server under test, not left reading
    expect(uri.written).toBeLessThan(32 * 1024 * 1024); // socket buffers at most; it was offered an endless body
    const exit = await exitAfter(s, "stdin");
    expect(exit.ms).toBeLessThan(EXIT_BOUND_MS);
    expect(exit.code).toBe(0);
  });

  it("SIGTERM in the middle of the lookup: the process exits at once", async () => {
    const uri = await uriServer("hang");
    servers.push(uri.server);
    const s = await start({ ALIBABA_CLOUD_CREDENTIALS_URI: uri.url });
    const pending = call(s).catch(() => undefined);
    await new Promise<void>((r) => uri.server.once("request", () => r()));
    const exit = await exitAfter(s, "SIGTERM");
    expect(exit.ms).toBeLessThan(EXIT_BOUND_MS);
    await uri.closed;
    await pending;
  });
});

describe("a credentials URI that never answers", () => {
  it("is abandoned at the lookup's deadline (ECS_TASKS_MCP_CREDENTIALS_TIMEOUT_MS), socket closed", async () => {
    const uri = await uriServer("hang");
    servers.push(uri.server);
    const s = await start({ ALIBABA_CLOUD_CREDENTIALS_URI: uri.url, ECS_TASKS_MCP_CREDENTIALS_TIMEOUT_MS: "2000" });
    const result = await call(s);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/The credential lookup did not finish within 2 s \(the official chain was at default\/credential_uri\); it was abandoned\./);
    expect(textOf(result)).toMatch(/raise --credentials-timeout-ms/);
    await uri.closed;
    const exit = await exitAfter(s, "stdin");
    expect(exit.ms).toBeLessThan(EXIT_BOUND_MS);
  });
});

describe("a FIFO as the credentials file", () => {
  it.each(["stdin", "SIGTERM"] as const)("is refused unread and named; the process exits on %s", async (trigger) => {
    const dir = mkdtempSync(join(tmpdir(), "ecs-mcp-fifo-"));
    const path = fifo(dir);
    const s = await start({ ALIBABA_CLOUD_CREDENTIALS_FILE: path });
    const result = await call(s);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain(`The credentials file (${path}) is not a regular file (a FIFO), so it was not read.`);
    const exit = await exitAfter(s, trigger);
    expect(exit.ms).toBeLessThan(EXIT_BOUND_MS);
    expect(exit.code).toBe(0);
  });
});

describe("a FIFO read deep inside the chain (a CLI profile's OIDC token file)", () => {
  function oidcHome(): string {
    const home = mkdtempSync(join(tmpdir(), "ecs-mcp-oidc-"));
    mkdirSync(join(home, ".aliyun"));
    const token = fifo(home, "token");
    const profile = { name: "o", mode: "OIDC", oidc_token_file: token, oidc_provider_arn: "acs:ram::1:oidc-provider/x", ram_role_arn: "acs:ram::1:role/x" };
    writeFileSync(join(home, ".aliyun", "config.json"), JSON.stringify({ current: "o", profiles: [profile] }));
    return home;
  }

  it("is abandoned at the deadline, no second lookup piles up behind it, and stdin close still ends the process", async () => {
    const s = await start({ ECS_TASKS_MCP_CREDENTIALS_TIMEOUT_MS: "2000" }, oidcHome());
    const first = await call(s);
    expect(textOf(first)).toMatch(/did not finish within 2 s \(the official chain was at default\/cli_profile\); it was abandoned/);
    const second = await call(s);
    expect(textOf(second)).toMatch(/A credential lookup given up on [\d.]+ s ago is still stuck at default\/cli_profile; no new one starts until it ends\./);
    const exit = await exitAfter(s, "stdin");
    expect(exit.ms).toBeLessThan(EXIT_BOUND_MS);
    expect(s.transport.rawStderr).toMatch(/a credential lookup is still running and cannot be interrupted; ending the process without waiting for it/);
  });

  it("SIGTERM while the lookup is blocked reading the FIFO: the process still exits", async () => {
    const home = oidcHome();
    const s = await start({}, home);
    const pending = call(s).catch(() => undefined);
    // A writer can open a FIFO without blocking only once a reader has it open: that is the server,
    // blocked. Holding the write end open (and writing nothing) keeps its read blocked.
    const token = join(home, "token");
    let writer: number | undefined;
    await waitUntil(() => {
      try {
        writer = openSync(token, constants.O_WRONLY | constants.O_NONBLOCK);
        return true;
      } catch {
        return false;
      }
    }, "the server to open the token FIFO");
    try {
      const exit = await exitAfter(s, "SIGTERM");
      expect(exit.ms).toBeLessThan(EXIT_BOUND_MS);
      expect(s.transport.rawStderr).toMatch(/a credential lookup is still running and cannot be interrupted/);
    } finally {
      closeSync(writer!);
    }
    await pending;
  });

  it("doctor: the credentials check fails at the deadline and doctor still exits", async () => {
    const home = oidcHome();
    const t0 = performance.now();
    const run = await runDoctor(["--region", "cn-hangzhou", "--endpoint", sandbox.url, "--credentials-timeout-ms", "2000"], { ...cleanEnv(), HOME: home });
    expect(performance.now() - t0).toBeLessThan(20_000);
    expect(run.stdout).toMatch(/\[FAIL\] Credentials +The credential lookup did not finish within 2 s/);
  });
});
