// The real server in memory against the sandbox: upstream garbage, clock skew, a handler bug,
// input bounds, the endpoint rule for RegionId, and the stdout/console guards.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { PassThrough } from "node:stream";
import fc from "fast-check";
import { MockAgent } from "undici";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { EcsClient, type EcsApi } from "../../src/ecs/client.js";
import { staticCredentials } from "../../src/ecs/credentials.js";
import { Redactor } from "../../src/redact.js";
import { ConfigError } from "../../src/errors.js";
import { RegionResolver } from "../../src/ecs/region.js";
import { NO_RETRY } from "../../src/ecs/retry.js";
import { guardStdout, routeConsoleToStderr } from "../../src/log.js";

import { createServer, MAX_TOOL_INPUT_ELEMENTS } from "../../src/server.js";
import { FIXED_NOW, startHarness, textOf, type Harness } from "../helpers/in-memory.js";
import { STACK_LINE } from "./support.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ sandbox: { tasksPerRegion: 20 } });
});
afterEach(() => h.sandbox.clearFaults());
afterAll(() => h.close());

const call = (args: Record<string, unknown> = {}) => h.client.callTool({ name: "describe_ecs_tasks", arguments: args });

describe("upstream garbage becomes a clear isError, never a crash", () => {
  const cases = [
    { fault: { kind: "html", status: 502 }, expect: [/HTTP 502/, /Body starts: "<html>/, /502 Bad Gateway/] },
    { fault: { kind: "empty" }, expect: [/HTTP 200 with an empty body/] },
    { fault: { kind: "empty", status: 500 }, expect: [/HTTP 500 with an empty body/] },
    { fault: { kind: "truncated" }, expect: [/HTTP 200 with a body that is not JSON/, /Body starts: "\{/] },
    { fault: { kind: "noCode" }, expect: [/HTTP 400 with an error body that has no Code/, /The request processing has failed/] },
    { fault: { kind: "wrongTypes" }, expect: [/TotalCount that is not a whole number/, /HTTP 200/, /TotalCount\\+":\\+"abc/] },
  ] as const;

  for (const c of cases) {
    it(`${c.fault.kind}${"status" in c.fault ? ` ${c.fault.status}` : ""}`, async () => {
      h.sandbox.injectFaults([c.fault]);
      const result = await call();
      expect(result.isError).toBe(true);
      const text = textOf(result);
      for (const re of c.expect) expect(text).toMatch(re);
      expect(text).not.toMatch(STACK_LINE);
      const body = /Body starts: (".*")/.exec(text);
      if (body) expect((JSON.parse(body[1]!) as string).length).toBeLessThanOrEqual(200);
      expect((await call({ PageSize: 1 })).isError).toBeFalsy(); // still serving
    });
  }

  it("an upstream body that echoes a secret is scrubbed before it is quoted", async () => {
    const secret = "Upstream-Echoed-Secret-Value-0123456789";
    h.redactor.registerSecret(secret);
    h.sandbox.injectFaults([
      { kind: "error", status: 400, code: "IncompleteSignature", message: `got Authorization: ACS3-HMAC-SHA256 Credential=LTAI5tSomeOtherKey9876,Signature=${"ab".repeat(32)} secret ${secret}` },
    ]);
    const text = textOf(await call());
    expect(text).toContain("IncompleteSignature");
    expect(text).not.toContain(secret);
    expect(text).not.toContain("ab".repeat(32));
    expect(text).not.toContain("LTAI5tSomeOtherKey9876");
  });
});

describe("clock skew", () => {
  it("InvalidTimeStamp.Expired names the local clock and the skew from the Date header", async () => {
    const skewed = await startHarness({ sandbox: { now: () => new Date(FIXED_NOW.getTime() + 3_600_000), tasksPerRegion: 2 } });
    try {
      const result = await skewed.client.callTool({ name: "describe_ecs_tasks", arguments: {} });
      expect(result.isError).toBe(true);
      const text = textOf(result);
      expect(text).toContain("InvalidTimeStamp.Expired");
      expect(text).toContain("Local clock: 2026-11-28T14:10:00Z");
      expect(text).toContain("server clock: 2026-11-28T15:10:00Z");
      expect(text).toContain("skew -3600 s");
    } finally {
      await skewed.close();
    }
  });

  it("SignatureDoesNotMatch names the local clock too", async () => {
    const bad = await startHarness({ credentials: { accessKeyId: "LTAI5tSandboxDemo0000abcd", accessKeySecret: "wrong-secret-wrong-secret", providerName: "t" } });
    try {
      const text = textOf(await bad.client.callTool({ name: "describe_ecs_tasks", arguments: {} }));
      expect(text).toContain("SignatureDoesNotMatch");
      expect(text).toMatch(/Local clock: 2026-11-28T14:10:00Z; server clock: 2026-11-28T14:10:00Z; skew \+0 s/);
      expect(text).not.toContain("wrong-secret-wrong-secret");
      expect(text).not.toContain("LTAI5tSandboxDemo0000abcd");
    } finally {
      await bad.close();
    }
  });
});

describe("an unexpected exception in a handler", () => {
  it("becomes an isError result without a stack trace, and the server keeps serving", async () => {
    let calls = 0;
    const flaky: EcsApi = {
      call: async (action, params, options) => {
        calls++;
        if (calls === 1) throw new TypeError("Cannot read properties of undefined (reading 'TaskSet')");
        // A thrown non-Error value: still an isError answer, never a crash.
        if (calls === 2) throw "boom"; // eslint-disable-line @typescript-eslint/only-throw-error -- the case under test

        return h.ecs.call(action, params, options);
      },
    };
    const server = createServer({ config: { regionId: "cn-hangzhou", timeoutMs: 5000, connectTimeoutMs: 2000, maxBodyBytes: 8 << 20, credentialsTimeoutMs: 10_000, sandbox: true }, ecs: flaky, now: () => FIXED_NOW, defaultTimeZone: "UTC", regions: new RegionResolver("cn-hangzhou", undefined, "/nonexistent") });
    const [a, b] = InMemoryTransport.createLinkedPair();
    const client = new Client({ name: "t", version: "1" });
    await Promise.all([server.connect(b), client.connect(a)]);
    try {
      for (const expected of [/Internal error in ecs-tasks-mcp: Cannot read properties/, /Internal error in ecs-tasks-mcp/]) {
        const r = await client.callTool({ name: "describe_ecs_tasks", arguments: {} });
        expect(r.isError).toBe(true);
        expect(textOf(r)).toMatch(expected);
        expect(textOf(r)).toMatch(/still running/);
        expect(textOf(r)).not.toMatch(STACK_LINE);
      }
      expect((await client.callTool({ name: "describe_ecs_tasks", arguments: { PageSize: 2 } })).isError).toBeFalsy();
    } finally {
      await client.close();
      await server.close();
    }
  });
});

describe("input bounds", () => {
  it("refuses oversized arguments before any request (maxToolInputElements)", async () => {
    const before = h.sandbox.requests.length;
    const big = Array.from({ length: MAX_TOOL_INPUT_ELEMENTS + 10 }, (_, i) => `t-abcd${i}`);
    for (const args of [{ TaskIds: big }, { Extra: big }, { ResourceIds: Array.from({ length: 101 }, (_, i) => `m-img${i}`) }, { TaskIds: Array.from({ length: 101 }, (_, i) => `t-abcd${i}`).join(",") }]) {
      const r = await call(args);
      expect(r.isError).toBe(true);
      expect(textOf(r).length).toBeGreaterThan(0);
    }
    expect(h.sandbox.requests.length).toBe(before);
  });

  it("refuses unknown fields and bad patterns before any request", async () => {
    const before = h.sandbox.requests.length;
    for (const args of [
      { Foo: 1 },
      { RegionId: "evil.example.com" },
      { RegionId: "cn-hangzhou/../x" },
      { RegionId: "CN-HANGZHOU" },
      { RegionId: `cn-${"a".repeat(70)}` },
      { TaskIds: ["t-ok1234", "x-bad"] },
      { TaskIds: "t-ok1234,evil&Action=CancelTask" },
      { ResourceIds: ["m-ok", "bad id with spaces"] },
      { ResourceIds: ["m-ok\r\nX-Injected: 1"] },
      { TaskAction: "CancelTask" },
      { TaskStatus: "Deleted" },
      { PageSize: 101 },
      { PageSize: 0 },
      { PageSize: 1.5 },
      { PageNumber: "2" },
      { TimeRange: "x".repeat(201) },
      { TimeZone: "Not/AZone" },
      { TimeRange: "yesterday", StartTime: "2026-11-20T00:00:00Z" },
    ]) {
      const r = await call(args);
      expect(r.isError, JSON.stringify(args)).toBe(true);
      expect(textOf(r).length).toBeGreaterThan(0);
    }
    expect(h.sandbox.requests.length).toBe(before);
  });
});

describe("tool input never reaches a host name except through the RegionId pattern", () => {
  it("regional endpoints are built only from pattern-valid region IDs (fast-check, 500 region strings)", async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const origins: string[] = [];
    agent
      .get(() => true)
      .intercept({ path: () => true, method: "POST" })
      .reply((opts) => {
        origins.push(String(opts.origin));
        return { statusCode: 200, data: { RequestId: "r", TotalCount: 0, TaskSet: { Task: [] } } };
      })
      .persist();
    const ecs = new EcsClient({
      credentials: staticCredentials({ accessKeyId: "LTAI5tMockMockMock0000", accessKeySecret: "mock-secret-mock-secret", providerName: "t" }, new Redactor()),
      timeoutMs: 2000,
      connectTimeoutMs: 1000,
      dispatcher: agent,
      retry: NO_RETRY,
    });
    const region = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.constantFrom("cn-hangzhou", "ap-southeast-1", "evil.com", "cn-hangzhou.evil.com", "a-b/c", "x-y:80", "cn-hangzhou@evil", "cn-hangzhou#"),
      fc.stringMatching(/^[a-z]{2,5}(-[a-z0-9]{1,6}){1,3}$/),
    );
    await fc.assert(
      fc.asyncProperty(region, async (id) => {
        const n = origins.length;
        const outcome = await ecs.call("DescribeTasks", { RegionId: id }, { regionId: id }).then(
          () => "ok",
          (e: unknown) => e,
        );
        if (id === "") {
          // No region at all: the central endpoint (the tool never sends "": its schema refuses it).
          expect(origins.slice(n)).toEqual(["https://ecs.aliyuncs.com"]);
        } else if (/^[a-z]{2,}(-[a-z0-9]+)+$/.test(id) && id.length <= 64) {
          expect(outcome).toBe("ok");
          expect(origins.slice(n)).toEqual([`https://ecs.${id}.aliyuncs.com`]);
        } else {
          expect(outcome).toBeInstanceOf(ConfigError);
          expect(origins.length).toBe(n);
        }
      }),
      { numRuns: 500, seed: 42 },
    );
    await agent.close();
  });
});

describe("stdout carries only JSON-RPC", () => {
  it("guardStdout: stray writes go to stderr (redacted); the transport's stream still reaches stdout", async () => {
    const redactor = new Redactor();
    redactor.registerSecret("Guard-Test-Secret-000111222");
    const out = new PassThrough() as unknown as NodeJS.WriteStream;
    const err = new PassThrough();
    let outText = "";
    let errText = "";
    (out as unknown as PassThrough).on("data", (d: Buffer) => (outText += d.toString()));
    err.on("data", (d: Buffer) => (errText += d.toString()));
    const transportOut = guardStdout(redactor, out, err);
    out.write("stray line with Guard-Test-Secret-000111222");
    out.write(Buffer.from("stray buffer\n"), () => undefined);
    await new Promise<void>((resolve) => transportOut.write('{"jsonrpc":"2.0","id":1,"result":{}}\n', () => resolve()));
    expect(outText).toBe('{"jsonrpc":"2.0","id":1,"result":{}}\n');
    expect(errText).toContain("stray line with [REDACTED]\n");
    expect(errText).toContain("stray buffer\n");
  });

  it("routeConsoleToStderr: console.* (error included) goes to stderr, redacted", () => {
    const redactor = new Redactor();
    redactor.registerSecret("Console-Test-Secret-000111222");
    const err = new PassThrough();
    let errText = "";
    err.on("data", (d: Buffer) => (errText += d.toString()));
    const saved = { log: console.log, info: console.info, debug: console.debug, warn: console.warn, error: console.error, trace: console.trace };
    try {
      routeConsoleToStderr(redactor, err);
      console.log("log %s", "Console-Test-Secret-000111222");
      console.error({ token: "x" }, "error Console-Test-Secret-000111222");
      console.trace("trace");
    } finally {
      Object.assign(console, saved);
    }
    expect(errText).not.toContain("Console-Test-Secret-000111222");
    expect(errText).toContain("log [REDACTED]");
    expect(errText).toContain("error [REDACTED]");
    expect(errText).toContain("Trace: trace");
    expect(redactor.redact("LTAI5tUnregisteredKey1234")).toBe("LTAI****1234");
  });
});
