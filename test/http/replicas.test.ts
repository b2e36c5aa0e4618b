// Two real --http replicas on loopback, one sandbox behind both, the real SDK client in front: what a
// team behind a load balancer gets. Auth, Host checks, statelessness, concurrency, SSE progress,
// the audit trail, draining on SIGTERM, and nothing secret in any output.
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { Progress } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DescribeTasksOutput } from "../../src/contracts/describe-tasks.js";
import type { WaitForTasksOutput } from "../../src/contracts/wait-for-tasks.js";
import { sha256Hex } from "../../src/http/auth.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { connectHttp, mcpHeaders, rawRequest, runToExit, spawnHttp, until, type HttpReplica } from "../helpers/http.js";
import { cleanEnv } from "../helpers/spawn.js";

const AK = { id: "LTAI5tHttpTestKey000042", secret: "http-Secret-Value-Do-Not-Leak-0042" };
const ALICE = `alice-token-${randomBytes(16).toString("hex")}`;
const BOB = `bob-token-${randomBytes(16).toString("hex")}`;
const SECRETS = [AK.secret, ALICE, BOB];

let sandbox: Sandbox;
let dir: string;
let env: Record<string, string>;
let a: HttpReplica;
let b: HttpReplica;
const clients: Client[] = [];
const retired: HttpReplica[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ credentials: [{ accessKeyId: AK.id, accessKeySecret: AK.secret }] });
  dir = mkdtempSync(join(tmpdir(), "ecs-mcp-http-"));
  writeFileSync(join(dir, "tokens"), `# callers\nalice:${sha256Hex(ALICE)}\nbob:${sha256Hex(BOB)}\n`);
  writeFileSync(join(dir, "policy.json"), JSON.stringify({ callers: { bob: { tools: ["describe_ecs_tasks"] } } }));
  env = cleanEnv({
    ALIBABA_CLOUD_ACCESS_KEY_ID: AK.id,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: AK.secret,
    ALIBABA_CLOUD_ECS_ENDPOINT: sandbox.url,
    ALIBABA_CLOUD_REGION_ID: "cn-hangzhou",
  });
  const args = ["--auth-tokens-file", join(dir, "tokens"), "--policy-file", join(dir, "policy.json")];
  [a, b] = await Promise.all([spawnHttp(env, args), spawnHttp(env, args)]);
});

afterAll(async () => {
  await Promise.allSettled(clients.map((c) => c.close()));
  await Promise.allSettled([a?.stop(), b?.stop(), ...retired.map((r) => r.stop())]);
  await sandbox?.close();
});

/** A running task whose progress can be looked up (some actions have none). */
async function runningTask(c: Client): Promise<string> {
  const list = (await c.callTool({ name: "describe_ecs_tasks", arguments: { TaskStatus: "Processing", PageSize: 20 } })).structuredContent as DescribeTasksOutput;
  const task = list.Tasks.find((t) => typeof t.Progress === "number" && t.Progress < 90);
  expect(task, "the sandbox has a running task with progress").toBeDefined();
  return task!.TaskId;
}

async function client(replica: HttpReplica, token: string): Promise<Client> {
  const c = await connectHttp(replica.url, token);
  clients.push(c);
  return c;
}

describe("two --http replicas", () => {
  it("answer 401 with the RFC 9728 metadata pointer without a token, and serve the metadata", async () => {
    const res = await rawRequest(a.port, "POST", "/mcp", mcpHeaders(a.port), JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }));
    expect(res.status).toBe(401);
    const pointer = `http://127.0.0.1:${a.port}/.well-known/oauth-protected-resource/mcp`;
    expect(res.headers["www-authenticate"]).toBe(`Bearer resource_metadata="${pointer}"`);
    const wrong = await rawRequest(a.port, "POST", "/mcp", mcpHeaders(a.port, "not-a-token"), "{}");
    expect(wrong.status).toBe(401);
    expect(wrong.headers["www-authenticate"]).toContain('error="invalid_token"');
    const meta = await fetch(pointer);
    expect(meta.status).toBe(200);
    const doc = (await meta.json()) as Record<string, unknown>;
    expect(doc.resource).toBe(`http://127.0.0.1:${a.port}/mcp`);
    expect(doc.bearer_methods_supported).toEqual(["header"]);
    expect(doc).not.toHaveProperty("authorization_servers"); // token-file mode names no issuer
  });

  it("answer /healthz without auth, 403 to a foreign Host or Origin, 405 to GET and DELETE", async () => {
    expect((await fetch(`http://127.0.0.1:${b.port}/healthz`)).status).toBe(200);
    const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" });
    const foreign = await rawRequest(a.port, "POST", "/mcp", { ...mcpHeaders(a.port, ALICE), host: "attacker.example:80" }, body);
    expect(foreign.status).toBe(403);
    const origin = await rawRequest(a.port, "POST", "/mcp", { ...mcpHeaders(a.port, ALICE), origin: "http://attacker.example" }, body);
    expect(origin.status).toBe(403);
    const local = await rawRequest(a.port, "POST", "/mcp", { ...mcpHeaders(a.port, ALICE), host: `localhost:${a.port}`, origin: `http://localhost:${a.port}` }, body);
    expect(local.status).toBe(200);
    for (const method of ["GET", "DELETE"]) {
      const res = await rawRequest(a.port, method, "/mcp", mcpHeaders(a.port, ALICE));
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe("POST");
    }
  });

  it("answer a tools/call on the replica that never saw the initialize", async () => {
    const c = await client(a, ALICE); // initialize went to a
    expect((await c.listTools()).tools.map((t) => t.name)).toEqual(["describe_ecs_tasks", "describe_ecs_task_attribute", "wait_for_ecs_tasks"]);
    const call = { jsonrpc: "2.0", id: 7, method: "tools/call", params: { name: "describe_ecs_tasks", arguments: { PageSize: 3 } } };
    const res = await rawRequest(b.port, "POST", "/mcp", mcpHeaders(b.port, ALICE), JSON.stringify(call));
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toContain("application/json"); // a plain call gets JSON, not SSE
    expect(res.headers["mcp-session-id"]).toBeUndefined();
    const answer = JSON.parse(res.body) as { id: number; result: { structuredContent: DescribeTasksOutput } };
    expect(answer.id).toBe(7);
    expect(answer.result.structuredContent.Tasks).toHaveLength(3);
  });

  it("register only the tools a caller's policy allows", async () => {
    const c = await client(b, BOB);
    expect((await c.listTools()).tools.map((t) => t.name)).toEqual(["describe_ecs_tasks"]);
    const refused = await c.callTool({ name: "wait_for_ecs_tasks", arguments: { TaskIds: ["t-x"] } }).catch((e: unknown) => e);
    expect(JSON.stringify(refused)).toMatch(/not found|Tool wait_for_ecs_tasks/i);
  });

  it("answer 40 concurrent calls spread over both replicas, each correctly", async () => {
    const [ca, cb] = await Promise.all([client(a, ALICE), client(b, ALICE)]);
    const list = (await ca.callTool({ name: "describe_ecs_tasks", arguments: { PageSize: 20 } })).structuredContent as DescribeTasksOutput;
    const ids = list.Tasks.map((t) => t.TaskId);
    expect(ids).toHaveLength(20);
    const before = [a, b].map((r) => r.audit().filter((l) => l.tool === "describe_ecs_tasks" && l.caller === "alice").length);
    // Each task asked twice, once on each replica, all 40 at once.
    const asked = Array.from({ length: 40 }, (_, i) => ids[Math.floor(i / 2)]!);
    const answers = await Promise.all(
      asked.map((id, i) => (i % 2 ? ca : cb).callTool({ name: "describe_ecs_tasks", arguments: { TaskIds: [id] } })),
    );
    answers.forEach((r, i) => {
      expect(r.isError, JSON.stringify(r.content)).toBeFalsy();
      expect((r.structuredContent as DescribeTasksOutput).Tasks.map((t) => t.TaskId)).toEqual([asked[i]]);
    });
    const count = (r: HttpReplica) => r.audit().filter((l) => l.tool === "describe_ecs_tasks" && l.caller === "alice").length;
    await until(() => count(a) - before[0]! + count(b) - before[1]! >= 40);
    const perReplica = [a, b].map((r) => r.audit().filter((l) => l.tool === "describe_ecs_tasks" && l.caller === "alice").length - before[r === a ? 0 : 1]!);
    expect(perReplica[0]! + perReplica[1]!).toBe(40);
    expect(perReplica.every((n) => n === 20)).toBe(true);
  });

  it("stream a wait's progress over SSE, then its result", async () => {
    const c = await client(b, ALICE);
    const id = await runningTask(c);
    const notes: Progress[] = [];
    const result = await c.callTool(
      { name: "wait_for_ecs_tasks", arguments: { TaskIds: [id], TimeoutSeconds: 3, PollIntervalSeconds: 2 } },
      undefined,
      { onprogress: (p) => notes.push(p) },
    );
    expect(result.isError).toBeFalsy();
    expect(notes.length).toBeGreaterThanOrEqual(2);
    expect(notes[0]!.message).toContain(id);
    expect((result.structuredContent as WaitForTasksOutput).Tasks[0]!.TaskId).toBe(id);
  });

  it("audit a failed call with its error code and RequestId", async () => {
    const c = await client(a, ALICE);
    const list = (await c.callTool({ name: "describe_ecs_tasks", arguments: { TaskAction: "RedeployInstance", PageSize: 1 } })).structuredContent as DescribeTasksOutput;
    const r = await c.callTool({ name: "describe_ecs_task_attribute", arguments: { TaskId: list.Tasks[0]!.TaskId } });
    expect(r.isError).toBe(true);
    await until(() => a.audit().some((l) => l.outcome === "error"));
    const line = a.audit().find((l) => l.outcome === "error")!;
    expect(line).toMatchObject({ caller: "alice", tool: "describe_ecs_task_attribute", errorCode: "InvalidTaskId.TaskActionNotSupport" });
    expect(line.requestIds).toEqual([expect.stringMatching(/^[0-9A-F-]{36}$/)]);
  });

  it("write one audit line per tool call naming the caller, and no token or secret anywhere", async () => {
    await until(() => [...a.audit(), ...b.audit()].some((l) => l.tool === "wait_for_ecs_tasks"));
    const lines = [...a.audit(), ...b.audit()];
    expect(lines.length).toBeGreaterThanOrEqual(44);
    expect(lines.filter((l) => l.caller === "bob")).toHaveLength(0); // bob listed tools only; his refused call never ran
    for (const l of lines) {
      expect(Object.keys(l).sort()).toEqual(expect.arrayContaining(["audit", "caller", "durationMs", "outcome", "requestIds", "time", "tool"]));
      expect(["alice", "bob"]).toContain(l.caller);
      expect(l).not.toHaveProperty("arguments");
    }
    expect(lines.filter((l) => l.tool === "wait_for_ecs_tasks")).toHaveLength(1);
    expect(lines.find((l) => l.tool === "describe_ecs_tasks")).toMatchObject({ region: "cn-hangzhou", outcome: "ok" });
    const everything = [a, b].map((r) => r.stdout() + r.stderr()).join("\n");
    for (const s of SECRETS) expect(everything).not.toContain(s);
  });
});

describe("the --http command line", () => {
  it("refuses to bind beyond loopback without an auth method, saying how to configure one", async () => {
    const { code, stderr } = await runToExit(env, ["--http", "--host", "0.0.0.0", "--port", "0"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/refusing to serve --host 0\.0\.0\.0 without authentication/);
    expect(stderr).toContain("--auth-tokens-file");
    expect(stderr).toContain("--oidc-issuer");
  });

  it("answers 429 with Retry-After past the per-caller rate limit", async () => {
    const r = await spawnHttp(env, ["--rate-limit", "2"]);
    retired.push(r);
    const ping = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" });
    const big = await rawRequest(r.port, "POST", "/mcp", mcpHeaders(r.port), "x".repeat(2 * 1024 * 1024));
    expect(big.status).toBe(413); // over 1 MiB; it still counts against the caller's minute
    const statuses: number[] = [];
    let retryAfter: string | string[] | undefined;
    for (let i = 0; i < 2; i++) {
      const res = await rawRequest(r.port, "POST", "/mcp", mcpHeaders(r.port), ping);
      statuses.push(res.status);
      retryAfter ??= res.headers["retry-after"];
    }
    expect(statuses).toEqual([200, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    // Failed authentication attempts are limited too, per peer address.
    const guarded = await spawnHttp(env, ["--rate-limit", "1", "--auth-tokens-file", join(dir, "tokens")]);
    retired.push(guarded);
    const guesses = [];
    for (let i = 0; i < 2; i++) guesses.push((await rawRequest(guarded.port, "POST", "/mcp", mcpHeaders(guarded.port, `guess-${i}`), ping)).status);
    expect(guesses).toEqual([401, 429]);
    expect((await rawRequest(guarded.port, "POST", "/mcp", mcpHeaders(guarded.port, ALICE), ping)).status).toBe(200);
    expect(await r.stop()).toBe(0);
  });

  it("drains on SIGTERM: a wait in flight answers early with ResumeArguments, then the process exits 0", async () => {
    const r = await spawnHttp(env, ["--shutdown-grace-ms", "5000"]);
    retired.push(r);
    const c = await connectHttp(r.url);
    const id = await runningTask(c);
    let firstProgress!: () => void;
    const progressed = new Promise<void>((resolve) => (firstProgress = resolve));
    const waiting = c.callTool({ name: "wait_for_ecs_tasks", arguments: { TaskIds: [id], TimeoutSeconds: 120, PollIntervalSeconds: 30 } }, undefined, {
      onprogress: () => firstProgress(),
      timeout: 60_000,
    });
    await progressed;
    const exited = r.stop();
    const result = await waiting;
    const out = result.structuredContent as WaitForTasksOutput;
    expect(out.Done).toBe(false);
    expect(out.Notice).toMatch(/restarting/);
    expect(out.ResumeArguments?.TaskIds).toEqual([id]);
    expect(await exited).toBe(0);
    expect((await fetch(`http://127.0.0.1:${r.port}/healthz`).catch(() => undefined))?.status ?? "refused").toBe("refused");
    await c.close();
  });
});
