// The built binary, spawned as an MCP client would, against the sandbox over loopback.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startSandbox, type Sandbox } from "../src/sandbox/index.js";
import type { DescribeTasksOutput } from "../src/contracts/describe-tasks.js";
import { textOf } from "./helpers/in-memory.js";
import { cleanEnv, nonJsonRpcLines, SERVER_ENTRY, spawnServer, writeCliProfiles, type Spawned } from "./helpers/spawn.js";

const AK = { id: "LTAI5tE2eTestKey00001234", secret: "e2e-Secret-Value-Do-Not-Leak-0001" };
const STS = { id: "STS.NUe2eTestKeyForSts9876", secret: "e2e-Sts-Secret-Do-Not-Leak-0002", token: "CAIS.e2e-Security-Token-Do-Not-Leak-0003" };
const URI_STS = { id: "STS.UriProvidedKey0000abcd", secret: "uri-Secret-Do-Not-Leak-0004", token: "CAIS.uri-Token-Do-Not-Leak-0005" };
const SECRETS = [AK.secret, STS.secret, STS.token, URI_STS.secret, URI_STS.token];

let sandbox: Sandbox;
const everyByte: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({
    credentials: [
      { accessKeyId: AK.id, accessKeySecret: AK.secret },
      { accessKeyId: STS.id, accessKeySecret: STS.secret, securityToken: STS.token },
      { accessKeyId: URI_STS.id, accessKeySecret: URI_STS.secret, securityToken: URI_STS.token },
    ],
  });
});
afterAll(async () => sandbox.close());

async function withServer<T>(env: Record<string, string>, fn: (s: Spawned) => Promise<T>, args: string[] = []): Promise<T> {
  const s = await spawnServer(env, args);
  try {
    return await fn(s);
  } finally {
    await s.close();
    everyByte.push(s.transport.rawStdout, s.transport.rawStderr);
    expect(nonJsonRpcLines(s.transport.rawStdout)).toEqual([]);
  }
}

describe("the spawned server", () => {
  it("lists tools with no credentials, no region and no network", async () => {
    const before = sandbox.requests.length;
    await withServer(cleanEnv(), async ({ client }) => {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toContain("describe_ecs_tasks");
      const tool = tools.find((t) => t.name === "describe_ecs_tasks")!;
      expect(tool.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true });
      expect(tool.outputSchema).toBeDefined();
    });
    expect(sandbox.requests.length).toBe(before);
  });

  it("answers a real signed call with env AccessKey credentials", async () => {
    const env = cleanEnv({
      ALIBABA_CLOUD_ACCESS_KEY_ID: AK.id,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: AK.secret,
      ALIBABA_CLOUD_ECS_ENDPOINT: sandbox.url,
      ALIBABA_CLOUD_REGION_ID: "cn-hangzhou",
    });
    await withServer(env, async ({ client }) => {
      const before = sandbox.requests.length;
      const result = await client.callTool({ name: "describe_ecs_tasks", arguments: { TaskAction: "ImportImage", PageSize: 5 } });
      expect(result.isError).toBeFalsy();
      const out = result.structuredContent as DescribeTasksOutput;
      expect(out.DataSource).toBe("alibaba-cloud"); // the binary does not know it is talking to a stand-in
      expect(out.CredentialProvider).toBe("default/env");
      expect(out.Tasks.length).toBeGreaterThan(0);
      expect(out.Tasks.every((t) => t.TaskAction === "ImportImage")).toBe(true);
      const req = sandbox.requests.at(before)!;
      expect(req.status).toBe(200);
      expect(req.headers["x-acs-security-token"]).toBeUndefined();
      expect(req.headers.authorization).toMatch(/^ACS3-HMAC-SHA256 Credential=LTAI5tE2eTestKey00001234,/);
      expect(textOf(result)).not.toContain("SANDBOX DATA");
    });
  });

  it("signs with an STS token when one is given", async () => {
    const env = cleanEnv({
      ALIBABA_CLOUD_ACCESS_KEY_ID: STS.id,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: STS.secret,
      ALIBABA_CLOUD_SECURITY_TOKEN: STS.token,
      ALIBABA_CLOUD_ECS_ENDPOINT: sandbox.url,
      ALIBABA_CLOUD_REGION_ID: "cn-shanghai",
    });
    await withServer(env, async ({ client }) => {
      const before = sandbox.requests.length;
      const result = await client.callTool({ name: "describe_ecs_tasks", arguments: {} });
      expect(result.isError).toBeFalsy();
      expect((result.structuredContent as DescribeTasksOutput).RegionId).toBe("cn-shanghai");
      const req = sandbox.requests.at(before)!;
      expect(req.status).toBe(200);
      expect(req.headers["x-acs-security-token"]).toBe(STS.token);
      expect(req.headers.authorization).toContain("x-acs-security-token");
    });
  });

  it("takes credentials and region from the aliyun CLI profile", async () => {
    const env = cleanEnv({ ALIBABA_CLOUD_ECS_ENDPOINT: sandbox.url, ALIBABA_CLOUD_PROFILE: "work" });
    writeCliProfiles(env.HOME!, "default", [
      { name: "default", mode: "AK", access_key_id: "LTAI-wrong-one-000", access_key_secret: "nope-nope-nope", region_id: "cn-beijing" },
      { name: "work", mode: "AK", access_key_id: AK.id, access_key_secret: AK.secret, region_id: "cn-shenzhen" },
    ]);
    await withServer(env, async ({ client }) => {
      const result = await client.callTool({ name: "describe_ecs_tasks", arguments: {} });
      expect(result.isError).toBeFalsy();
      const out = result.structuredContent as DescribeTasksOutput;
      expect(out.CredentialProvider).toBe("default/cli_profile");
      expect(out.Query).toMatchObject({ RegionId: "cn-shenzhen", RegionSource: "cli_profile" });
    });
  });

  it("looks credentials up lazily, at the first call, not at start-up", async () => {
    let lookups = 0;
    const uriServer: Server = createServer((_req, res) => {
      lookups++;
      res.setHeader("content-type", "application/json");
      res.end(
        JSON.stringify({
          Code: "Success",
          AccessKeyId: URI_STS.id,
          AccessKeySecret: URI_STS.secret,
          SecurityToken: URI_STS.token,
          Expiration: new Date(Date.now() + 3600_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
        }),
      );
    });
    uriServer.listen(0, "127.0.0.1");
    await once(uriServer, "listening");
    const uri = `http://127.0.0.1:${(uriServer.address() as AddressInfo).port}/`;
    try {
      const env = cleanEnv({ ALIBABA_CLOUD_CREDENTIALS_URI: uri, ALIBABA_CLOUD_ECS_ENDPOINT: sandbox.url, ALIBABA_CLOUD_REGION_ID: "cn-hangzhou", ECS_TASKS_MCP_LOG_LEVEL: "debug" });
      await withServer(env, async ({ client, transport }) => {
        await client.listTools();
        // After the handshake the first call's code is loaded in the background: still no lookup.
        await vi.waitFor(() => expect(transport.rawStderr).toMatch(/preloaded the first call's code \(undici, the credential chain\)/), { timeout: 10_000, interval: 20 });
        expect(lookups).toBe(0);
        const result = await client.callTool({ name: "describe_ecs_tasks", arguments: { PageSize: 1 } });
        expect(result.isError).toBeFalsy();
        expect(lookups).toBeGreaterThanOrEqual(1);
        expect((result.structuredContent as DescribeTasksOutput).CredentialProvider).toBe("default/credential_uri");
      });
    } finally {
      uriServer.close();
    }
  });

  it("explains how to provide credentials when the chain finds none, without calling ECS", async () => {
    const before = sandbox.requests.length;
    const env = cleanEnv({ ALIBABA_CLOUD_ECS_ENDPOINT: sandbox.url, ALIBABA_CLOUD_REGION_ID: "cn-hangzhou" });
    await withServer(env, async ({ client }) => {
      const result = await client.callTool({ name: "describe_ecs_tasks", arguments: {} });
      expect(result.isError).toBe(true);
      const text = textOf(result);
      expect(text).toMatch(/No Alibaba Cloud credentials were found/);
      expect(text).toMatch(/1\. Environment: ALIBABA_CLOUD_ACCESS_KEY_ID[\s\S]*3\. The aliyun CLI profile[\s\S]*--sandbox/);
      expect(text).not.toMatch(/undefinedGET|ENOTFOUND/);
    });
    expect(sandbox.requests.length).toBe(before);
  });

  it("serves labelled sandbox data with --sandbox", async () => {
    await withServer(
      cleanEnv(),
      async ({ client }) => {
        const result = await client.callTool({ name: "describe_ecs_tasks", arguments: { TaskStatus: "Processing" } });
        expect(result.isError).toBeFalsy();
        expect(textOf(result)).toMatch(/^\[SANDBOX DATA/);
        const out = result.structuredContent as DescribeTasksOutput;
        expect(out.DataSource).toBe("sandbox");
        expect(out.CredentialProvider).toBe("sandbox");
        expect(out.Tasks.every((t) => t.TaskStatus === "Processing")).toBe(true);
      },
      ["--sandbox"],
    );
  });

  it("never lets a secret or token out: not in stdout, stderr or any result", () => {
    const all = everyByte.join("\n");
    expect(all.length).toBeGreaterThan(1000);
    for (const secret of SECRETS) expect(all).not.toContain(secret);
    expect(all).not.toContain(AK.id); // key IDs appear only masked, if at all
  });
});

describe("process lifecycle", () => {
  async function exitAfter(trigger: (child: ReturnType<typeof spawn>) => void): Promise<number | null> {
    const child = spawn(process.execPath, [SERVER_ENTRY], { env: cleanEnv(), stdio: ["pipe", "pipe", "pipe"] });
    // Wait until the server answers initialize: only then are its handlers certainly in place.
    const answered = once(child.stdout, "data");
    child.stdin.write(
      `${JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "t", version: "1" } } })}\n`,
    );
    await answered;
    const exited = once(child, "exit");
    trigger(child);
    const [code] = (await exited) as [number | null];
    return code;
  }

  it("exits cleanly when stdin closes", async () => {
    expect(await exitAfter((child) => child.stdin!.end())).toBe(0);
  });

  it("exits cleanly on SIGTERM", async () => {
    expect(await exitAfter((child) => child.kill("SIGTERM"))).toBe(0);
  });

  it("prints help and version without starting the protocol", async () => {
    const run = (flag: string) =>
      new Promise<string>((resolve) => {
        const child = spawn(process.execPath, [SERVER_ENTRY, flag], { env: cleanEnv() });
        let out = "";
        child.stdout.on("data", (d: Buffer) => (out += d.toString()));
        child.on("exit", () => resolve(out));
      });
    expect(await run("--help")).toMatch(/--sandbox[\s\S]*ALIBABA_CLOUD_REGION_ID/);
    expect(await run("--version")).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
