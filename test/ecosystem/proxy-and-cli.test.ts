// HTTPS_PROXY/HTTP_PROXY are honoured (through undici's EnvHttpProxyAgent); --profile selects the
// credential chain's CLI profile; --log-level controls stderr; blank bundle fields count as unset.
import { spawn } from "node:child_process";
import { createServer, request as httpRequest, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isUnsetValue, parseArgs, resolveConfig, shouldLog } from "../../src/config.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import type { DescribeTasksOutput } from "../../src/contracts/describe-tasks.js";
import { cleanEnv, SERVER_ENTRY, spawnServer, writeCliProfiles } from "../helpers/spawn.js";
import { line, runDoctor } from "./doctor-run.js";

const AK = { id: "LTAI5tProxyCliKey000009876", secret: "proxy-Cli-Secret-Do-Not-Leak-0001" };
let sandbox: Sandbox;
let proxy: Server;
let proxyUrl: string;
const proxied: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ credentials: [{ accessKeyId: AK.id, accessKeySecret: AK.secret }] });
  // A tiny forward proxy on loopback: absolute-form HTTP requests and CONNECT tunnels, both counted.
  proxy = createServer((req, res) => {
    proxied.push(`${req.method} ${req.url}`);
    const target = new URL(req.url ?? "/");
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: req.method, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  proxy.on("connect", (req, socket, head) => {
    proxied.push(`CONNECT ${req.url}`);
    const [host, port] = (req.url ?? "").split(":");
    const upstream = connect(Number(port), host, () => {
      socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on("error", () => socket.destroy());
    socket.on("error", () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise((resolve) => proxy.close(resolve));
  await sandbox.close();
});

describe("corporate proxy", () => {
  it("routes the server's ECS calls through HTTPS_PROXY / HTTP_PROXY", async () => {
    const before = proxied.length;
    const env = cleanEnv({
      ALIBABA_CLOUD_ACCESS_KEY_ID: AK.id,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: AK.secret,
      ALIBABA_CLOUD_ECS_ENDPOINT: sandbox.url,
      ALIBABA_CLOUD_REGION_ID: "cn-hangzhou",
      HTTPS_PROXY: proxyUrl,
      HTTP_PROXY: proxyUrl,
      NO_PROXY: "",
    });
    const s = await spawnServer(env);
    try {
      const result = await s.client.callTool({ name: "describe_ecs_tasks", arguments: { PageSize: 1, IncludeProgress: false } });
      expect(result.isError).toBeFalsy();
    } finally {
      await s.close();
    }
    const host = new URL(sandbox.url).host;
    expect(proxied.slice(before).some((r) => r.includes(host))).toBe(true);
  });

  it("routes doctor's probe and call through it too", async () => {
    const before = proxied.length;
    const env = cleanEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: AK.id, ALIBABA_CLOUD_ACCESS_KEY_SECRET: AK.secret, HTTPS_PROXY: proxyUrl, HTTP_PROXY: proxyUrl, NO_PROXY: "" });
    const run = await runDoctor(["--region", "cn-hangzhou", "--endpoint", sandbox.url], env);
    expect(run.code).toBe(0);
    expect(proxied.length - before).toBeGreaterThanOrEqual(1);
  });
});

describe("command line", () => {
  it("parses doctor, --log-level and its variable; flags win", () => {
    expect(parseArgs(["doctor", "--sandbox"])).toMatchObject({ command: "doctor", sandbox: true });
    expect(() => parseArgs(["--sandbox", "doctor"])).toThrow(/must come first/);
    expect(resolveConfig(parseArgs([]), { ECS_TASKS_MCP_LOG_LEVEL: "debug" }).logLevel).toBe("debug");
    expect(resolveConfig(parseArgs(["--log-level", "error"]), { ECS_TASKS_MCP_LOG_LEVEL: "debug" }).logLevel).toBe("error");
    expect(resolveConfig(parseArgs(["--log-level=warn"]), {}).logLevel).toBe("warning");
    expect(() => parseArgs(["--log-level", "loud"])).toThrow(/debug, info, warning, error/);
    expect(shouldLog("info", "warning")).toBe(false);
    expect(shouldLog("error", "warning")).toBe(true);
    expect(shouldLog("debug", "debug")).toBe(true);
  });

  it("treats blank values and unexpanded ${user_config.x} placeholders as unset", () => {
    expect(isUnsetValue("${user_config.region_id}")).toBe(true);
    expect(isUnsetValue("  ")).toBe(true);
    expect(isUnsetValue("cn-hangzhou")).toBe(false);
    const config = resolveConfig(parseArgs([]), { ALIBABA_CLOUD_REGION_ID: "${user_config.region_id}", ALIBABA_CLOUD_PROFILE: "" });
    expect(config.regionId).toBeUndefined();
    expect(config.profile).toBeUndefined();
  });

  it("--profile selects the credential chain's CLI profile, not only its region", async () => {
    const env = cleanEnv({ ALIBABA_CLOUD_ECS_ENDPOINT: sandbox.url });
    writeCliProfiles(env.HOME!, "default", [
      { name: "default", mode: "AK", access_key_id: "LTAI5tWrongProfileKey0000", access_key_secret: "wrong-wrong-wrong-wrong", region_id: "cn-beijing" },
      { name: "ecs-tasks", mode: "AK", access_key_id: AK.id, access_key_secret: AK.secret, region_id: "cn-shenzhen" },
    ]);
    const s = await spawnServer(env, ["--profile", "ecs-tasks"]);
    try {
      const result = await s.client.callTool({ name: "describe_ecs_tasks", arguments: { PageSize: 1, IncludeProgress: false } });
      expect(result.isError).toBeFalsy();
      const out = result.structuredContent as DescribeTasksOutput;
      expect(out.CredentialProvider).toBe("default/cli_profile");
      expect(out.Query).toMatchObject({ RegionId: "cn-shenzhen", RegionSource: "cli_profile" });
    } finally {
      await s.close();
    }
    const run = await runDoctor(["--profile", "ecs-tasks", "--endpoint", sandbox.url], env);
    expect(run.code).toBe(0);
    expect(line(run.stdout, "Credentials")).toMatch(/default\/cli_profile, CLI profile "ecs-tasks"; AccessKey ID LTAI\*\*\*\*9876/);
    expect(line(run.stdout, "Region")).toMatch(/cn-shenzhen \(from region_id of aliyun CLI profile "ecs-tasks"/);
  });

  it("writes nothing to stderr at the default level, a ready line at info", async () => {
    const stderrOf = async (args: string[], extra: Record<string, string> = {}) => {
      const s = await spawnServer(cleanEnv(extra), ["--sandbox", ...args]);
      await s.client.listTools();
      await s.close();
      return s.transport.rawStderr;
    };
    expect(await stderrOf([])).toBe("");
    expect(await stderrOf(["--log-level", "info"])).toMatch(/ready on stdio \(SANDBOX/);
    expect(await stderrOf([], { ECS_TASKS_MCP_LOG_LEVEL: "debug" })).toMatch(/\[debug\] credential chain: sandbox key/);
  });

  it("exits 2 with a readable message on a bad option", async () => {
    const child = spawn(process.execPath, [SERVER_ENTRY, "--log-level", "loud"], { env: cleanEnv() });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(code).toBe(2);
    expect(err).toMatch(/--log-level must be one of debug, info, warning, error/);
  });
});
