// `npm run bench`: speed and memory of the built server against the sandbox, with an injected
// per-request latency standing for a real round trip. Not part of `npm test`: timings on a shared
// 2-core machine are noisy, so targets are checked here and recorded in the README.
//   node scripts/bench.mjs [--latency-ms 50] [--json]
import { execFileSync, spawn } from "node:child_process";
import { closeSync, constants, mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { request } from "undici";
// The built modules (what ships), typed from their source: a static import of ../dist would make
// `npm run typecheck` check the compiled JavaScript (and need a build first).
const { generateBulkTasks, generateTasks, startSandbox } = /** @type {typeof import("../src/sandbox/index.js")} */ (
  await import(new URL("../dist/sandbox/index.js", import.meta.url).href)
);
const { acsDate, newNonce, signRequest } = /** @type {typeof import("../src/ecs/signer.js")} */ (
  await import(new URL("../dist/ecs/signer.js", import.meta.url).href)
);

const args = process.argv.slice(2);
const latencyMs = Number(args[args.indexOf("--latency-ms") + 1] ?? 50) || 50;
const asJson = args.includes("--json");
const entry = fileURLToPath(new URL("../dist/index.js", import.meta.url));
const bare = fileURLToPath(new URL("./bench/bare-server.mjs", import.meta.url));
const KEY = { accessKeyId: "LTAI5tBenchKey000000abcd", accessKeySecret: "bench-secret-value-0000000001" };

/** @param {number[]} xs */
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  const at = (/** @type {number} */ i) => s[i] ?? Number.NaN;
  return s.length % 2 ? at(m) : (at(m - 1) + at(m)) / 2;
};
const log = (/** @type {string} */ msg) => process.stderr.write(`${msg}\n`);

/**
 * @param {string} script
 * @param {Record<string, string>} [env]
 */
function spawnClient(script, env = {}) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [script],
    env: { PATH: process.env.PATH ?? "", HOME: "/nonexistent", ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true", ...env },
    stderr: "ignore",
  });
  const client = new Client({ name: "bench", version: "1.0.0" });
  return { transport, client };
}

/**
 * Spawn to the tools/list answer on the wire. Raw JSON-RPC rather than the SDK client, whose own
 * work on the answer (compiling validators for output schemas) is the client's cost, not the server's.
 */
/**
 * @param {string} script
 * @returns {Promise<number>}
 */
function coldStart(script) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [script], {
      env: { PATH: process.env.PATH ?? "", HOME: "/nonexistent", ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true" },
      stdio: ["pipe", "pipe", "ignore"],
    });
    const send = (/** @type {object} */ m) => child.stdin.write(`${JSON.stringify(m)}\n`);
    send({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "bench", version: "1" } } });
    send({ jsonrpc: "2.0", method: "notifications/initialized" });
    send({ jsonrpc: "2.0", id: 2, method: "tools/list" });
    let buffer = "";
    child.stdout.on("data", (chunk) => {
      buffer += chunk;
      for (let nl = buffer.indexOf("\n"); nl >= 0; nl = buffer.indexOf("\n")) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (JSON.parse(line).id === 2) {
          const ms = performance.now() - t0;
          child.once("exit", () => resolve(ms));
          child.stdin.end();
        }
      }
    });
    child.on("error", reject);
  });
}

/** Peak resident memory of a process, from the kernel's high-water mark. */
/** @param {number | null | undefined} pid */
function peakRssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/**
 * @param {string} sandboxUrl
 * @param {Record<string, string>} [extraEnv]
 */
async function server(sandboxUrl, extraEnv = {}) {
  const { transport, client } = spawnClient(entry, {
    ALIBABA_CLOUD_ACCESS_KEY_ID: KEY.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEY.accessKeySecret,
    ALIBABA_CLOUD_ECS_ENDPOINT: sandboxUrl,
    ALIBABA_CLOUD_REGION_ID: "cn-hangzhou",
    ...extraEnv,
  });
  await client.connect(transport);
  return { client, pid: transport.pid };
}

/**
 * @param {Client} client
 * @param {import("../src/sandbox/index.js").Sandbox} sandbox
 * @param {Record<string, unknown>} args
 */
async function timedCall(client, sandbox, args) {
  const before = sandbox.requests.length;
  const t0 = performance.now();
  const result = /** @type {import("@modelcontextprotocol/sdk/types.js").CallToolResult} */ (
    await client.callTool({ name: "describe_ecs_tasks", arguments: args })
  );
  const ms = performance.now() - t0;
  const first = result.content?.[0];
  if (result.isError) throw new Error(`bench call failed: ${first?.type === "text" ? first.text : undefined}`);
  // The part of describe_ecs_tasks' structuredContent the bench reads.
  /** @type {{ Returned?: number, Summary?: { ByStatus?: Record<string, number> } } | undefined} */
  const out = result.structuredContent;
  return { ms, requests: sandbox.requests.length - before, result, out };
}

const now = new Date();
const rows = [];

// 1. Cold start, interleaved so both see the same machine load.
log("cold start ...");
const ours = [];
const floor = [];
for (let i = 0; i < 10; i++) {
  floor.push(await coldStart(bare));
  ours.push(await coldStart(entry));
}
const coldRatio = median(ours) / median(floor);
rows.push(["cold start to tools/list (median of 10)", `${median(ours).toFixed(1)} ms vs bare SDK ${median(floor).toFixed(1)} ms = ${coldRatio.toFixed(2)}x`, "<= 1.15x", coldRatio <= 1.15]);

// 1b. Idle memory: RSS two seconds after tools/list (the first call's code preloaded by then), beside
// the bare server; and what the preload costs (RSS at the tools/list answer vs two seconds later).
log("idle memory ...");
/** @param {string} script */
async function idleRss(script) {
  const { transport, client } = spawnClient(script);
  await client.connect(transport);
  await client.listTools();
  const status = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${transport.pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  const atList = status();
  await new Promise((r) => setTimeout(r, 2000));
  const idle = status();
  await client.close();
  return { atList, idle };
}
const idleOurs = [];
const idleBare = [];
for (let i = 0; i < 3; i++) {
  idleBare.push(await idleRss(bare));
  idleOurs.push(await idleRss(entry));
}
const idleRatio = median(idleOurs.map((m) => m.idle)) / median(idleBare.map((m) => m.idle));
const preloadMb = median(idleOurs.map((m) => m.idle - m.atList));
rows.push([
  "idle RSS 2 s after tools/list, preload done (median of 3)",
  `${median(idleOurs.map((m) => m.idle)).toFixed(0)} MB vs bare SDK ${median(idleBare.map((m) => m.idle)).toFixed(0)} MB = ${idleRatio.toFixed(2)}x (the preload of undici and the credential chain: +${preloadMb.toFixed(0)} MB)`,
  "<= 1.4x",
  idleRatio <= 1.4,
]);

// 2. Own overhead of a one-page call: one DescribeTasks per call (fixed status, no progress look-ups).
// The sandbox's latency is measured, not assumed: timers overshoot, and the sandbox's own work
// (verifying the signature, filtering, JSON) is not the server's. A bare signed HTTP request with
// the same query is the floor; the tool call minus that floor is the server's own overhead.
log("one-page calls ...");
const small = await startSandbox({ credentials: [KEY], tasks: generateTasks({ regions: ["cn-hangzhou"], perRegion: 60, seed: 1, now }), latencyMs });
const query = { RegionId: "cn-hangzhou", TaskStatus: "Finished", PageSize: "20" };
async function directRoundTrip() {
  const url = new URL(small.url);
  const signed = signRequest({
    method: "POST", host: url.host, path: "/", action: "DescribeTasks", version: "2014-05-26", query, body: "",
    date: acsDate(new Date()), nonce: newNonce(), ...KEY,
  });
  const { host: _h, ...headers } = signed.headers;
  const t0 = performance.now();
  const res = await request(`${small.url}/?${signed.canonicalQueryString}`, { method: "POST", headers, body: "" });
  await res.body.text();
  return performance.now() - t0;
}
const s1 = await server(small.url);
await timedCall(s1.client, small, { TaskStatus: "Finished", IncludeProgress: false, PageSize: 20 }); // warm: credentials, connection
await directRoundTrip();
const calls = [];
const floors = [];
for (let i = 0; i < 50; i++) {
  floors.push(await directRoundTrip());
  calls.push((await timedCall(s1.client, small, { TaskStatus: "Finished", IncludeProgress: false, PageSize: 20 })).ms);
}
await s1.client.close();
await small.close();
const overhead = median(calls) - median(floors);
rows.push([
  "own overhead per one-page call (median of 50)",
  `${overhead.toFixed(2)} ms (tool call ${median(calls).toFixed(1)} ms, bare signed request to the sandbox ${median(floors).toFixed(1)} ms)`,
  "< 5 ms",
  overhead < 5,
]);

// 3. 10,000 matching tasks with AllPages and everything this round adds (details and image names of
// the rows shown): the first call of a fresh server, a warm call, the physical limit (page 1 gives the
// total, then the other 99 pages at 8 in flight: 14 round trips), and sequential paging.
log("10,000 tasks, AllPages ...");
const tenK = await startSandbox({ credentials: [KEY], tasks: generateBulkTasks("cn-hangzhou", 10_000, now, 11), latencyMs });
const args10k = { AllPages: true, MaxResults: 10_000 };
// The first call of a fresh server, three fresh servers (median): one spawn alone is too noisy on a
// shared 2-core machine to hold against a 1.3x target. The last one also gives the warm call.
const firsts = [];
let warm;
let rss = 0;
for (let i = 0; i < 3; i++) {
  const fresh = await server(tenK.url);
  firsts.push(await timedCall(fresh.client, tenK, args10k));
  rss = Math.max(rss, peakRssMb(fresh.pid));
  if (i === 2) warm = await timedCall(fresh.client, tenK, args10k);
  await fresh.client.close();
}
firsts.sort((x, y) => x.ms - y.ms);
const par = /** @type {Awaited<ReturnType<typeof timedCall>>} */ (firsts[1]);
if (!warm) throw new Error("no warm call");
const slow = await server(tenK.url, { ECS_TASKS_MCP_PAGE_CONCURRENCY: "1" });
const seq = await timedCall(slow.client, tenK, args10k);
await slow.client.close();
await tenK.close();
/** @type {{ RowsRead?: number } | undefined} */
const read10k = /** @type {any} */ (par.out);
const returned = read10k?.RowsRead;
const speedup = seq.ms / par.ms;
const physical = (1 + Math.ceil(99 / 8)) * latencyMs;
rows.push([
  "10,000 tasks, AllPages, first call of a fresh server (median of 3)",
  `${par.ms.toFixed(0)} ms (${returned} read, ${par.requests} requests); sequential ${seq.ms.toFixed(0)} ms = ${speedup.toFixed(1)}x faster; physical limit ${physical} ms = ${(par.ms / physical).toFixed(2)}x`,
  ">= 6x sequential, <= 1.3x the limit",
  speedup >= 6 && par.ms <= 1.3 * physical && returned === 10_000,
]);
rows.push(["10,000 tasks, AllPages, warm call", `${warm.ms.toFixed(0)} ms = ${(seq.ms / warm.ms).toFixed(1)}x faster than sequential, ${(warm.ms / physical).toFixed(2)}x the limit`, "(for reference)", true]);
rows.push(["10,000 tasks, AllPages: server peak RSS", `${rss.toFixed(0)} MB`, "< 200 MB", rss < 200]);

// 4. Exact status counts over 100,000 matching tasks.
log("100,000 tasks, exact counts ...");
const hundredK = await startSandbox({ credentials: [KEY], tasks: generateBulkTasks("cn-hangzhou", 100_000, now, 13), latencyMs });
const s4 = await server(hundredK.url);
await timedCall(s4.client, hundredK, { PageSize: 1, TaskStatus: "Failed", IncludeProgress: false }); // warm
const counts = await timedCall(s4.client, hundredK, { PageSize: 1, IncludeProgress: false });
await s4.client.close();
await hundredK.close();
const byStatus = counts.out?.Summary?.ByStatus ?? {};
rows.push([
  "exact status counts over 100,000 tasks",
  `${counts.ms.toFixed(0)} ms, ${counts.requests} requests (${Object.entries(byStatus).map(([k, v]) => `${k} ${v}`).join(", ")})`,
  "<= 4 requests",
  counts.requests <= 4,
]);

// 5. Cancellation and shutdown: a cancelled call's socket is closed on the sandbox side, and the
// process exits after stdin closes. Polled at 1 ms: these are upper bounds to within a millisecond.
log("cancel and exit ...");
const until = async (/** @type {() => boolean} */ cond) => {
  while (!cond()) await new Promise((r) => setTimeout(r, 1));
};
const cancelSandbox = await startSandbox({ credentials: [KEY], tasks: generateTasks({ regions: ["cn-hangzhou"], perRegion: 10, seed: 2, now }) });
const s5 = await server(cancelSandbox.url);
await timedCall(s5.client, cancelSandbox, { TaskStatus: "Finished", IncludeProgress: false }); // warm
const cancels = [];
for (let i = 0; i < 10; i++) {
  const before = cancelSandbox.requests.length;
  cancelSandbox.injectFaults([{ kind: "slow", ms: 30_000 }], { action: "DescribeTasks" });
  const ac = new AbortController();
  const pending = s5.client.callTool({ name: "describe_ecs_tasks", arguments: { TaskStatus: "Finished", IncludeProgress: false } }, undefined, { signal: ac.signal }).catch(() => undefined);
  await until(() => cancelSandbox.requests.length > before);
  const t0 = performance.now();
  ac.abort();
  await until(() => cancelSandbox.requests.at(before)?.aborted === true);
  cancels.push(performance.now() - t0);
  await pending;
}
await s5.client.close();
await cancelSandbox.close();
rows.push(["cancel to aborted socket on the sandbox (median of 10)", `${median(cancels).toFixed(1)} ms (max ${Math.max(...cancels).toFixed(1)} ms)`, "< 100 ms", Math.max(...cancels) < 100]);

const exits = [];
for (let i = 0; i < 5; i++) {
  const child = spawn(process.execPath, [entry], { env: { PATH: process.env.PATH ?? "", HOME: "/nonexistent" }, stdio: ["pipe", "pipe", "ignore"] });
  const ready = new Promise((r) => child.stdout.once("data", r));
  child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "bench", version: "1" } } })}\n`);
  await ready;
  const exited = new Promise((r) => child.once("exit", r));
  const t0 = performance.now();
  child.stdin.end();
  await exited;
  exits.push(performance.now() - t0);
}
rows.push(["exit after stdin closes (median of 5)", `${median(exits).toFixed(1)} ms (max ${Math.max(...exits).toFixed(1)} ms)`, "< 1000 ms", Math.max(...exits) < 1000]);

// 6. The same with a call in flight (its answer held for 60 s), on stdin close and on SIGTERM: the
// process must abort the call, not wait for it. The tests check that it exits; this, how fast.
log("exit with a call in flight ...");
const heldSandbox = await startSandbox({ credentials: [KEY], tasks: generateTasks({ regions: ["cn-hangzhou"], perRegion: 10, seed: 3, now }) });
/** @typedef {import("node:child_process").ChildProcessWithoutNullStreams} Child */
/** @param {(child: Child) => void} trigger */
async function exitWithCallInFlight(trigger) {
  const child = spawn(process.execPath, [entry], {
    env: {
      PATH: process.env.PATH ?? "",
      HOME: "/nonexistent",
      ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true",
      ALIBABA_CLOUD_ACCESS_KEY_ID: KEY.accessKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEY.accessKeySecret,
      ALIBABA_CLOUD_ECS_ENDPOINT: heldSandbox.url,
      ALIBABA_CLOUD_REGION_ID: "cn-hangzhou",
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  child.stderr.resume();
  const send = (/** @type {object} */ m) => child.stdin.write(`${JSON.stringify(m)}\n`);
  const ready = new Promise((r) => child.stdout.once("data", r));
  send({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "bench", version: "1" } } });
  await ready;
  send({ jsonrpc: "2.0", method: "notifications/initialized" });
  const before = heldSandbox.requests.length;
  heldSandbox.injectFaults([{ kind: "slow", ms: 60_000 }], { action: "DescribeTasks" });
  send({ jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "describe_ecs_tasks", arguments: { IncludeProgress: false } } });
  await until(() => heldSandbox.requests.length > before);
  const exited = new Promise((r) => child.once("exit", r));
  const t0 = performance.now();
  trigger(child);
  await exited;
  return performance.now() - t0;
}
/** @type {Array<[string, (child: Child) => void]>} */
const triggers = [
  ["after stdin closes", (c) => c.stdin.end()],
  ["on SIGTERM", (c) => c.kill("SIGTERM")],
];
for (const [how, trigger] of triggers) {
  const times = [];
  for (let i = 0; i < 5; i++) times.push(await exitWithCallInFlight(trigger));
  rows.push([`exit with a call in flight, ${how} (median of 5)`, `${median(times).toFixed(1)} ms (max ${Math.max(...times).toFixed(1)} ms)`, "< 1000 ms", Math.max(...times) < 1000]);
}
heldSandbox.clearFaults();
await heldSandbox.close();

// 7. Issue 12: a 50 MB upstream body is refused at the 8 MiB limit while it is read; peak RSS stays bounded.
log("50 MB upstream body ...");
const hugeSandbox = await startSandbox({ credentials: [KEY], tasks: generateTasks({ regions: ["cn-hangzhou"], perRegion: 10, seed: 3, now }) });
const s6 = await server(hugeSandbox.url);
hugeSandbox.injectFaults([{ kind: "stream", bytes: 50 * 1000 * 1000, prefix: '{"TaskSet":{"Task":[' }], { action: "DescribeTasks" });
const before6 = hugeSandbox.requests.length;
const huge = await s6.client.callTool({ name: "describe_ecs_tasks", arguments: { TaskStatus: "Finished", IncludeProgress: false } });
const hugeRss = peakRssMb(s6.pid);
await until(() => hugeSandbox.requests.at(before6)?.aborted === true);
const sentMb = (hugeSandbox.requests.at(before6)?.bytesSent ?? 0) / 1024 / 1024;
await s6.client.close();
await hugeSandbox.close();
rows.push([
  "50 MB upstream body: server peak RSS",
  `${hugeRss.toFixed(0)} MB (refused: ${huge.isError ? "yes" : "NO"}; ${sentMb.toFixed(1)} MB written before the socket closed)`,
  "< 200 MB",
  hugeRss < 200 && huge.isError === true,
]);

// 7. Issue 12: exit after stdin closes while the credential chain is stuck: a CLI profile's OIDC token
// file that is a FIFO (a read blocked in the thread pool), and a credentials URI that never answers.
log("exit with a stuck credential source ...");
const initialize = `${JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "bench", version: "1" } } })}\n`;
const toolCall = `${JSON.stringify({ jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "describe_ecs_tasks", arguments: {} } })}\n`;
/**
 * @param {Record<string, string>} env
 * @param {() => Promise<(() => void) | void>} stuck resolves once the server is stuck; returns what releases it
 */
async function exitWhileStuck(env, stuck) {
  const child = spawn(process.execPath, [entry], { env: { PATH: process.env.PATH ?? "", ALIBABA_CLOUD_ECS_METADATA_DISABLED: "true", ALIBABA_CLOUD_REGION_ID: "cn-hangzhou", ...env }, stdio: ["pipe", "pipe", "ignore"] });
  const ready = new Promise((r) => child.stdout.once("data", r));
  child.stdin.write(initialize);
  await ready;
  child.stdin.write(toolCall);
  const release = await stuck();
  const exited = new Promise((r) => child.once("exit", r));
  const t0 = performance.now();
  child.stdin.end();
  await exited;
  const ms = performance.now() - t0;
  release?.();
  return ms;
}
const fifoExits = [];
for (let i = 0; i < 5; i++) {
  const home = mkdtempSync(join(tmpdir(), "ecs-bench-oidc-"));
  mkdirSync(join(home, ".aliyun"));
  const token = join(home, "token");
  execFileSync("mkfifo", [token]);
  const profile = { name: "o", mode: "OIDC", oidc_token_file: token, oidc_provider_arn: "acs:ram::1:oidc-provider/x", ram_role_arn: "acs:ram::1:role/x" };
  writeFileSync(join(home, ".aliyun", "config.json"), JSON.stringify({ current: "o", profiles: [profile] }));
  fifoExits.push(
    await exitWhileStuck({ HOME: home }, async () => {
      // Opening the FIFO for writing succeeds only once the server has it open: it is blocked reading it.
      /** @type {number} */
      let fd = -1;
      await until(() => {
        try {
          fd = openSync(token, constants.O_WRONLY | constants.O_NONBLOCK);
          return true;
        } catch {
          return false;
        }
      });
      return () => closeSync(fd);
    }),
  );
}
rows.push(["exit after stdin closes, credential lookup blocked on a FIFO (median of 5)", `${median(fifoExits).toFixed(1)} ms (max ${Math.max(...fifoExits).toFixed(1)} ms)`, "< 1000 ms", Math.max(...fifoExits) < 1000]);
let uriRequests = 0;
const silentUri = createServer(() => void uriRequests++);
await new Promise((r) => silentUri.listen(0, "127.0.0.1", () => r(undefined)));
const uriExits = [];
for (let i = 0; i < 5; i++) {
  const seen = uriRequests;
  uriExits.push(
    await exitWhileStuck({ HOME: "/nonexistent", ALIBABA_CLOUD_CREDENTIALS_URI: `http://127.0.0.1:${/** @type {import("node:net").AddressInfo} */ (silentUri.address()).port}/` }, async () => {
      await until(() => uriRequests > seen);
    }),
  );
}
silentUri.closeAllConnections();
silentUri.close();
rows.push(["exit after stdin closes, credentials URI never answering (median of 5)", `${median(uriExits).toFixed(1)} ms (max ${Math.max(...uriExits).toFixed(1)} ms)`, "< 1000 ms", Math.max(...uriExits) < 1000]);

const meta = `node ${process.version}, ${(await import("node:os")).cpus().length} cores, sandbox latency ${latencyMs} ms, ${now.toISOString().slice(0, 10)}`;
if (asJson) {
  process.stdout.write(`${JSON.stringify({ meta, rows }, null, 2)}\n`);
} else {
  process.stdout.write(`\n${meta}\n\n| measure | result | target | met |\n|---|---|---|---|\n`);
  for (const [what, result, target, met] of rows) process.stdout.write(`| ${what} | ${result} | ${target} | ${met ? "yes" : "NO"} |\n`);
}
process.exitCode = rows.every((r) => r[3]) ? 0 : 1;
