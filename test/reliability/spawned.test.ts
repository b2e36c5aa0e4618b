// Fault injection through the REAL stdio server: dist/index.js spawned with the SDK's stdio client,
// pointed at a sandbox in this process. Each fault recovers or fails clearly in bounded time; a
// cancelled call is aborted on the wire and gets no result; the process exits promptly; and no
// secret appears in any byte any of these processes wrote.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import type { JSONRPCMessage, CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox, type SandboxFault } from "../../src/sandbox/index.js";
import { textOf } from "../helpers/in-memory.js";
import { cleanEnv, nonJsonRpcLines, SERVER_ENTRY, spawnServer, type Spawned } from "../helpers/spawn.js";
import { describeTasksArgs, structuralProblem } from "./arbitraries.js";
import { nthRequest, requestProblems, STACK_LINE, whenAborted } from "./support.js";

const KEY = {
  id: "STS.NUReliabilityKey0000wxyz",
  secret: "Reliability-Secret-Do-Not-Leak-7777",
  token: "CAIS.Reliability-Sts-Token-Do-Not-Leak-8888/with+odd=chars",
};
const SECRETS = [KEY.secret, KEY.token, encodeURIComponent(KEY.token)];
const TOOL = "describe_ecs_tasks";

let sandbox: Sandbox;
const everyByte: string[] = [];
const spawned: Spawned[] = [];
let a: Spawned; // default timeouts

function env(extra: Record<string, string> = {}): Record<string, string> {
  return cleanEnv({
    ALIBABA_CLOUD_ACCESS_KEY_ID: KEY.id,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEY.secret,
    ALIBABA_CLOUD_SECURITY_TOKEN: KEY.token,
    ALIBABA_CLOUD_ECS_ENDPOINT: sandbox.url,
    ALIBABA_CLOUD_REGION_ID: "cn-hangzhou",
    ...extra,
  });
}

async function start(extra: Record<string, string> = {}): Promise<Spawned> {
  const s = await spawnServer(env(extra));
  spawned.push(s);
  return s;
}

async function collect(s: Spawned): Promise<void> {
  await s.close().catch(() => undefined);
  everyByte.push(s.transport.rawStdout, s.transport.rawStderr);
  expect(nonJsonRpcLines(s.transport.rawStdout)).toEqual([]);
}

async function callA(args: Record<string, unknown> = {}, client = a.client): Promise<CallToolResult> {
  // A fixed TaskStatus and no progress look-ups: exactly one DescribeTasks per call, so faults map to requests 1:1.
  const result = (await client.callTool({ name: TOOL, arguments: { IncludeProgress: false, TaskStatus: "Finished", ...args } })) as CallToolResult;
  everyByte.push(JSON.stringify(result));
  return result;
}

function inject(faults: SandboxFault[]): number {
  sandbox.injectFaults(faults, { action: "DescribeTasks" });
  return sandbox.requests.length;
}

beforeAll(async () => {
  sandbox = await startSandbox({
    credentials: [{ accessKeyId: KEY.id, accessKeySecret: KEY.secret, securityToken: KEY.token }],
    tasksPerRegion: 15,
  });
  a = await start();
  await a.client.setLoggingLevel("debug"); // MCP log messages are in the scanned bytes too
});

afterAll(async () => {
  for (const s of spawned) await s.close().catch(() => undefined);
  await sandbox.close();
});

describe("faults through the spawned server", () => {
  it("a throttling burst (3 x Throttling*, HTTP 400) recovers, with a fresh nonce per attempt", async () => {
    const before = inject([{ kind: "throttle" }, { kind: "throttle", code: "Throttling.User" }, { kind: "throttle", code: "Throttling.Api" }]);
    const result = await callA({ PageSize: 5 });
    expect(result.isError, textOf(result)).toBeFalsy();
    const sent = sandbox.requests.slice(before);
    expect(sent.map((r) => r.status)).toEqual([400, 400, 400, 200]);
    expect(new Set(sent.map((r) => r.headers["x-acs-signature-nonce"])).size).toBe(4);
  });

  it("throttled on every attempt: a clear error after 4 attempts, in bounded time", async () => {
    const before = inject(Array.from({ length: 4 }, () => ({ kind: "throttle" as const })));
    const result = await callA();
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/failed after 4 attempts: Throttling/);
    expect(textOf(result)).toMatch(/What to do: The API is throttling/);
    expect(sandbox.requests.length - before).toBe(4);
  });

  it("x-acs-retry-after beyond the budget: fails at once, naming the code", async () => {
    const before = inject([{ kind: "throttle", retryAfterSeconds: 120 }]);
    const result = await callA();
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/DescribeTasks failed: Throttling/);
    expect(sandbox.requests.length - before).toBe(1);
  });

  for (const [name, faults] of [
    ["503 ServiceUnavailable", [{ kind: "unavailable" }]],
    ["500 InternalError", [{ kind: "internal" }]],
    ["connection reset", [{ kind: "reset" }]],
    ["HTML 502 page", [{ kind: "html" }]],
    ["a mix of all four", [{ kind: "reset" }, { kind: "html", status: 504 }, { kind: "unavailable" }]],
  ] as Array<[string, SandboxFault[]]>) {
    it(`${name}: recovers by retrying`, async () => {
      const before = inject(faults);
      const result = await callA({ PageSize: 3 });
      expect(result.isError, textOf(result)).toBeFalsy();
      expect(sandbox.requests.length - before).toBe(faults.length + 1);
    });
  }

  it("HTML 502 on every attempt: isError with the status and the start of the page", async () => {
    inject(Array.from({ length: 4 }, () => ({ kind: "html" as const })));
    const text = textOf(await callA());
    expect(text).toMatch(/unusable answer after 4 attempts: HTTP 502 with a body that is not JSON \(HTTP 502, http:\/\/127\.0\.0\.1:\d+\)/);
    expect(text).toMatch(/Body starts: "<html>/);
    expect(text).not.toMatch(STACK_LINE);
  });

  for (const [name, fault, re] of [
    ["truncated JSON", { kind: "truncated" }, /HTTP 200 with a body that is not JSON[\s\S]*Body starts: "\{/],
    ["an empty body", { kind: "empty" }, /HTTP 200 with an empty body/],
    ["a JSON error without Code", { kind: "noCode" }, /HTTP 400 with an error body that has no Code/],
    ["fields of the wrong type", { kind: "wrongTypes" }, /TotalCount that is not a whole number \(HTTP 200/],
  ] as Array<[string, SandboxFault, RegExp]>) {
    it(`${name}: isError with the HTTP status, not retried, server still serving`, async () => {
      const before = inject([fault]);
      const result = await callA();
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(re);
      expect(textOf(result)).not.toMatch(STACK_LINE);
      expect(sandbox.requests.length - before).toBe(1);
      expect((await callA({ PageSize: 1 })).isError).toBeFalsy();
    });
  }

  it("an upstream answer quoting the secret, the token and a signature is scrubbed", async () => {
    inject([
      {
        kind: "error",
        status: 400,
        code: "IncompleteSignature",
        message: `x-acs-security-token: ${KEY.token} AccessKeySecret=${KEY.secret} Authorization: ACS3-HMAC-SHA256 Credential=${KEY.id},SignedHeaders=host,Signature=${"cd".repeat(32)}`,
      },
    ]);
    const text = textOf(await callA());
    expect(text).toContain("IncompleteSignature");
    for (const s of SECRETS) expect(text).not.toContain(s);
    expect(text).not.toContain("cd".repeat(32));
  });

  it("clock-skew codes name the local clock and the skew", async () => {
    inject([{ kind: "error", status: 400, code: "InvalidTimeStamp.Expired", message: "Specified time stamp or date value is expired." }]);
    const text = textOf(await callA());
    expect(text).toMatch(/InvalidTimeStamp\.Expired/);
    expect(text).toMatch(/Local clock: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z; server clock: .*; skew [+-]\d+ s\./);
  });

  it("cancellation aborts the request on the wire, sends no result for it, and the next call works", async () => {
    const sentIds: Array<string | number> = [];
    const transport = a.transport;
    const originalSend = transport.send.bind(transport);
    transport.send = async (message: JSONRPCMessage) => {
      if ("method" in message && message.method === "tools/call" && "id" in message) sentIds.push(message.id);
      return originalSend(message);
    };
    try {
      const before = inject([{ kind: "slow", ms: 30_000 }]);
      const ac = new AbortController();
      const pending = a.client.callTool({ name: TOOL, arguments: { IncludeProgress: false, TaskStatus: "Finished" } }, undefined, { signal: ac.signal }).then(
        () => "answered",
        (e: unknown) => e,
      );
      const record = await nthRequest(sandbox, before);
      const cancelledId = sentIds.at(-1)!;
      const seen = whenAborted(record);
      ac.abort("user cancelled");
      await seen; // the sandbox saw the socket close (how fast: npm run bench)
      expect(await pending).not.toBe("answered");

      const next = await callA({ PageSize: 2 });
      expect(next.isError, textOf(next)).toBeFalsy();
      const responseIds = a.transport.rawStdout
        .split("\n")
        .filter((l) => l.trim() !== "")
        .map((l) => JSON.parse(l) as { id?: string | number; result?: unknown; error?: unknown })
        .filter((m) => "result" in m || "error" in m)
        .map((m) => m.id);
      expect(responseIds).toContain(sentIds.at(-1));
      expect(responseIds).not.toContain(cancelledId);
      expect(sandbox.requests.slice(before).filter((r) => r.action === "DescribeTasks")).toHaveLength(2); // not retried
    } finally {
      transport.send = originalSend;
    }
  });

  it("a whole-request timeout (ECS_TASKS_MCP_TIMEOUT_MS=300) is an isError naming the endpoint, never a hung call", async () => {
    const b = await start({ ECS_TASKS_MCP_TIMEOUT_MS: "300" });
    const before = inject(Array.from({ length: 4 }, () => ({ kind: "slow" as const, ms: 30_000 })));
    const result = await callA({}, b.client);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain(`timed out after 4 attempts: no answer from ${sandbox.url} within 300 ms`);
    expect(textOf(result)).toMatch(/ECS_TASKS_MCP_TIMEOUT_MS/);
    await Promise.all(sandbox.requests.slice(before).map((r) => whenAborted(r)));
    expect((await callA({ PageSize: 1 }, b.client)).isError).toBeFalsy();
    await collect(b);
  });
});

describe("describe_ecs_tasks over generated input through the spawned server", () => {
  it("300 argument objects: valid answers or clear errors; nothing invalid reaches the sandbox", async () => {
    const host = new URL(sandbox.url).host;
    sandbox.clearFaults();
    await fc.assert(
      fc.asyncProperty(describeTasksArgs, async (args) => {
        const before = sandbox.requests.length;
        const result = (await a.client.callTool({ name: TOOL, arguments: args })) as CallToolResult;
        everyByte.push(JSON.stringify(result));
        const text = textOf(result);
        expect(text.length).toBeGreaterThan(0);
        expect(text).not.toMatch(STACK_LINE);
        const reached = sandbox.requests.slice(before);
        if (structuralProblem(args)) {
          expect(result.isError).toBe(true);
          expect(reached).toEqual([]);
        }
        for (const req of reached) expect(requestProblems(req, host), JSON.stringify(args)).toEqual([]);
      }),
      { numRuns: 300, seed: 7 },
    );
    expect((await callA({ PageSize: 1 })).isError).toBeFalsy();
  });
});

describe("stdout stays JSON-RPC only", () => {
  it("console.log and stray process.stdout.write calls go to stderr, redacted", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ecs-mcp-stray-"));
    const preload = join(dir, "stray.mjs");
    // Runs inside the server process. It must not read stdin itself (that would steal protocol
    // bytes while the entry module loads): it wraps the transport's own 'data' listener and, right
    // after the first request has been handed over (so main() has set up), writes to stdout the
    // ways a careless dependency would.
    writeFileSync(
      preload,
      `const on = process.stdin.on;
      let wrapped = false;
      process.stdin.on = function (event, listener) {
        if (event !== "data" || wrapped) return on.call(this, event, listener);
        wrapped = true;
        let fired = false;
        return on.call(this, event, (chunk) => {
          listener(chunk);
          if (fired) return;
          fired = true;
          console.log("STRAY console.log", process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET);
          console.info({ stray: "console.info" });
          process.stdout.write("STRAY stdout.write " + process.env.ALIBABA_CLOUD_SECURITY_TOKEN + "\\n");
          process.stdout.write(Buffer.from("STRAY buffer write\\n"));
        });
      };\n`,
    );
    const s = await start({ NODE_OPTIONS: `--import=${preload}` });
    const result = await callA({ PageSize: 2 }, s.client);
    expect(result.isError, textOf(result)).toBeFalsy();
    await collect(s);
    expect(s.transport.rawStderr).toMatch(/STRAY console\.log \[REDACTED\]/);
    expect(s.transport.rawStderr).toMatch(/STRAY stdout\.write \[REDACTED\]/);
    expect(s.transport.rawStderr).toMatch(/STRAY buffer write/);
    expect(s.transport.rawStdout).not.toMatch(/STRAY/);
  });
});

describe("lifecycle", () => {
  async function exitWithCallInFlight(trigger: (child: ReturnType<typeof spawn>) => void) {
    const child = spawn(process.execPath, [SERVER_ENTRY], { env: env(), stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const exited = once(child, "exit");
    const send = (m: unknown) => child.stdin.write(`${JSON.stringify(m)}\n`);
    const initialized = once(child.stdout, "data");
    send({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "t", version: "1" } } });
    await initialized;
    send({ jsonrpc: "2.0", method: "notifications/initialized" });
    const before = inject([{ kind: "slow", ms: 60_000 }]);
    send({ jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: TOOL, arguments: { IncludeProgress: false } } });
    const record = await nthRequest(sandbox, before);
    const aborted = whenAborted(record);
    // The answer is held for 60 s, past the test timeout: an exit that waited for it fails the test.
    // How fast the exit is: npm run bench.
    trigger(child);
    const [code] = (await exited) as [number | null];
    await aborted; // the request in flight was torn down
    everyByte.push(out, err);
    expect(nonJsonRpcLines(out)).toEqual([]);
    return { code };
  }

  it("exits after stdin closes, aborting the call in flight", async () => {
    const { code } = await exitWithCallInFlight((c) => c.stdin!.end());
    expect(code).toBe(0);
  });

  it("exits on SIGTERM with a call in flight", async () => {
    const { code } = await exitWithCallInFlight((c) => c.kill("SIGTERM"));
    expect(code).toBe(0);
  });
});

describe("secrets", () => {
  it("no byte written by any spawned server (stdout, stderr, results) holds the secret, the token or the raw key ID", async () => {
    await collect(a);
    const all = everyByte.join("\n");
    expect(all.length).toBeGreaterThan(10_000);
    for (const s of SECRETS) expect(all).not.toContain(s);
    expect(all).not.toContain(KEY.id);
    expect(all).not.toMatch(/ACS3-HMAC-SHA256 Credential=/);
    expect(all).not.toMatch(/Signature=[0-9a-f]{64}/);
  });
});
