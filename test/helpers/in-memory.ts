// The same server the binary runs, built in memory: a real sandbox over loopback HTTP, the real
// signed client, and the real MCP SDK client over InMemoryTransport. Only the clock is fixed.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { ElicitRequestSchema, type ClientCapabilities, type JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import type { ServerConfig } from "../../src/config.js";
import { EcsClient, type EcsApi } from "../../src/ecs/client.js";
import { cliProfileCredentials, staticCredentials, type Credentials } from "../../src/ecs/credentials.js";
import { CliProfiles } from "../../src/ecs/profiles.js";
import type { Caller } from "../../src/policy.js";
import { Redactor } from "../../src/redact.js";
import { RegionResolver } from "../../src/ecs/region.js";
import { NO_RETRY, type RetryPolicy } from "../../src/ecs/retry.js";
import { SANDBOX_CREDENTIAL, startSandbox, type Sandbox, type SandboxOptions } from "../../src/sandbox/index.js";
import { createServer } from "../../src/server.js";

export const FIXED_NOW = new Date("2026-11-28T14:10:00Z");

/** A fake clock shared by the server, its ECS client and the sandbox. */
export interface TestClock {
  now(): Date;
  advance(ms: number): void;
}

export interface Harness {
  client: Client;
  sandbox: Sandbox;
  ecs: EcsClient;
  /** The server's redactor: register a secret here to check that it never leaves. */
  redactor: Redactor;
  clock: TestClock;
  /** Every JSON-RPC message the server sent, in order (responses and notifications). */
  serverMessages: JSONRPCMessage[];
  /** Audit lines the server wrote (stderr in production). */
  audit: string[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  now?: Date;
  sandbox?: SandboxOptions;
  config?: Partial<ServerConfig>;
  credentials?: Credentials;
  defaultTimeZone?: string;
  retry?: RetryPolicy;
  /** Home folder for the CLI-profile region lookup (an empty temp dir by default). */
  home?: string;
  /** Replaces the server's sleep; the default advances the fake clock at once. */
  sleep?: (ms: number, signal: AbortSignal, clock: TestClock) => Promise<void>;
  /** Wraps the ECS client, e.g. to count calls in flight. */
  wrapEcs?: (ecs: EcsApi) => EcsApi;
  regionBudgetMs?: number;
  pageConcurrency?: number;
  /** The server's draining signal (as --http passes on SIGTERM). */
  draining?: AbortSignal;
  /** What the test client declares in initialize (e.g. the MCP Apps extension). */
  clientCapabilities?: ClientCapabilities;
  /** Per-call Profile from this home's ~/.aliyun/config.json, through the official CLI-profile provider. */
  profilesHome?: string;
  caller?: Caller;
  /** Capabilities the test client declares (e.g. elicitation) and its answer to elicitation/create. */
  elicit?: (params: { message: string; requestedSchema: unknown }) => Promise<{ action: "accept" | "decline" | "cancel"; content?: Record<string, unknown> }>;
  /** --allow-cancel: cancel_ecs_task is listed. */
  allowCancel?: boolean;
}

/** The default test sleep: time passes instantly, but a cancelled wait still ends with its reason. */
export function instantSleep(ms: number, signal: AbortSignal, clock: TestClock): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  clock.advance(ms);
  return Promise.resolve();
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  let nowMs = (options.now ?? FIXED_NOW).getTime();
  const testClock: TestClock = { now: () => new Date(nowMs), advance: (ms) => void (nowMs += ms) };
  const clock = () => testClock.now();
  const sandbox = await startSandbox({ now: clock, ...options.sandbox });
  const config: ServerConfig = {
    endpoint: sandbox.url,
    regionId: "cn-hangzhou",
    timeoutMs: 5_000,
    connectTimeoutMs: 2_000,
    maxBodyBytes: 8 * 1024 * 1024,
    credentialsTimeoutMs: 10_000,
    sandbox: true,
    ...(options.allowCancel ? { allowCancel: true } : {}),
    ...options.config,
  };
  const redactor = new Redactor();
  const ecs = new EcsClient({
    credentials: staticCredentials(options.credentials ?? { ...SANDBOX_CREDENTIAL, providerName: "sandbox" }, redactor),
    endpoint: sandbox.url,
    timeoutMs: config.timeoutMs,
    connectTimeoutMs: config.connectTimeoutMs,
    maxBodyBytes: config.maxBodyBytes,
    clock,
    retry: options.retry ?? NO_RETRY,
  });
  const sleep = options.sleep ?? instantSleep;
  const audit: string[] = [];
  const home = options.profilesHome;
  const profiles =
    home === undefined
      ? undefined
      : new CliProfiles({
          home,
          ...(config.regionId ? { configuredRegion: config.regionId } : {}),
          clientFor: (name) =>
            new EcsClient({
              credentials: cliProfileCredentials(name, redactor, home),
              endpoint: sandbox.url,
              timeoutMs: config.timeoutMs,
              connectTimeoutMs: config.connectTimeoutMs,
              clock,
              retry: options.retry ?? NO_RETRY,
            }),
        });
  const server = createServer({
    config,
    redactor,
    ecs: options.wrapEcs ? options.wrapEcs(ecs) : ecs,
    sleep: (ms, signal) => sleep(ms, signal, testClock),
    ...(options.regionBudgetMs ? { regionBudgetMs: options.regionBudgetMs } : {}),
    ...(options.pageConcurrency ? { pageConcurrency: options.pageConcurrency } : {}),
    ...(options.draining ? { draining: options.draining } : {}),
    now: clock,
    defaultTimeZone: options.defaultTimeZone ?? "UTC",
    regions: new RegionResolver(config.regionId, undefined, options.home ?? "/nonexistent-home"),
    ...(profiles ? { profiles } : {}),
    ...(options.caller ? { caller: options.caller } : {}),
    audit: (line) => audit.push(line),
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const serverMessages: JSONRPCMessage[] = [];
  const send = serverSide.send.bind(serverSide);
  serverSide.send = (message, opts) => {
    serverMessages.push(message);
    return send(message, opts);
  };
  const client = new Client({ name: "test-client", version: "1.0.0" }, { capabilities: { ...options.clientCapabilities, ...(options.elicit ? { elicitation: {} } : {}) } });
  const elicit = options.elicit;
  if (elicit) client.setRequestHandler(ElicitRequestSchema, async (request) => elicit(request.params as { message: string; requestedSchema: unknown }));
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  await client.listTools(); // lets the SDK client validate structuredContent against outputSchema
  return {
    client,
    sandbox,
    ecs,
    redactor,
    clock: testClock,
    serverMessages,
    audit,
    async close() {
      await client.close();
      await server.close();
      await ecs.close();
      await profiles?.close();
      await sandbox.close();
    },
  };
}

export function textOf(result: unknown): string {
  const content = (result as { content?: Array<{ type: string; text?: string }> }).content ?? [];
  return content.map((c) => c.text ?? "").join("\n");
}
