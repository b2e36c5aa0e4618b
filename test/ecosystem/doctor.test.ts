// `ecs-tasks-mcp doctor` against the sandbox: all green, then each broken setting named with its fix.
// Every run gets a clean env (empty HOME, metadata service off): the credential chain never leaves loopback.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { cleanEnv } from "../helpers/spawn.js";
import { block, line, runDoctor } from "./doctor-run.js";

const GOOD = { id: "LTAI5tDoctorGoodKey00001234", secret: "doctor-Good-Secret-Do-Not-Leak-01" };
const DENIED = { id: "LTAI5tDoctorDeniedKey0005678", secret: "doctor-Denied-Secret-Do-Not-Leak-02" };

let sandbox: Sandbox;
let skewed: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({
    credentials: [
      { accessKeyId: GOOD.id, accessKeySecret: GOOD.secret },
      { accessKeyId: DENIED.id, accessKeySecret: DENIED.secret, deniedActions: ["DescribeTasks"] },
    ],
  });
  // A server whose clock is 20 minutes ahead of ours.
  skewed = await startSandbox({
    credentials: [{ accessKeyId: GOOD.id, accessKeySecret: GOOD.secret }],
    now: () => new Date(Date.now() + 20 * 60_000),
  });
});
afterAll(async () => {
  await sandbox.close();
  await skewed.close();
});

function keyEnv(key: { id: string; secret: string }, extra: Record<string, string> = {}): Record<string, string> {
  return cleanEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: key.id, ALIBABA_CLOUD_ACCESS_KEY_SECRET: key.secret, ...extra });
}

function expectNoSecrets(text: string): void {
  for (const s of [GOOD.secret, DENIED.secret, GOOD.id, DENIED.id]) expect(text).not.toContain(s);
}

describe("ecs-tasks-mcp doctor", () => {
  it("passes every check against --sandbox and exits 0", async () => {
    const run = await runDoctor(["--sandbox"], cleanEnv());
    expect(run.code).toBe(0);
    for (const title of ["Node.js", "Credentials", "Region", "Endpoint", "Clock", "DescribeTasks"]) {
      expect(line(run.stdout, title)).toMatch(/^\[ ok \]/);
    }
    expect(line(run.stdout, "Credentials")).toMatch(/provider sandbox; AccessKey ID LTAI\*\*\*\*abcd; long-term AccessKey/);
    expect(line(run.stdout, "Region")).toMatch(/cn-hangzhou \(from the sandbox default\)/);
    expect(run.stdout).toMatch(/\(sandbox: generated data/);
    expect(run.stdout).toMatch(/All checks passed/);
    expect(run.stderr).toBe("");
  });

  it("passes with real-style settings: env keys, --region, --endpoint; names the provider and the sources", async () => {
    const before = sandbox.requests.length;
    const run = await runDoctor(["--region", "cn-shanghai", "--endpoint", sandbox.url], keyEnv(GOOD));
    expect(run.code).toBe(0);
    expect(line(run.stdout, "Credentials")).toMatch(/provider default\/env; AccessKey ID LTAI\*\*\*\*1234; long-term AccessKey/);
    expect(line(run.stdout, "Region")).toMatch(/cn-shanghai \(from --region\)/);
    expect(line(run.stdout, "Endpoint")).toContain(`${sandbox.url} (--endpoint)`);
    expect(line(run.stdout, "Clock")).toMatch(/skew [+-]?\d+ s$/);
    const call = sandbox.requests.slice(before).find((r) => r.action === "DescribeTasks")!;
    expect(call.query).toMatchObject({ RegionId: "cn-shanghai", PageSize: "1" });
    expectNoSecrets(run.stdout + run.stderr);
  });

  it("names missing credentials with the ways to provide them, and does not call ECS", async () => {
    const before = sandbox.requests.filter((r) => r.action === "DescribeTasks").length;
    const run = await runDoctor(["--region", "cn-hangzhou", "--endpoint", sandbox.url], cleanEnv());
    expect(run.code).toBe(1);
    expect(line(run.stdout, "Credentials")).toMatch(/^\[FAIL\] Credentials +none found/);
    expect(block(run.stdout, "Credentials")).toMatch(/Fix: Provide credentials[\s\S]*ALIBABA_CLOUD_ACCESS_KEY_ID[\s\S]*aliyun configure[\s\S]*--sandbox/);
    expect(line(run.stdout, "Region")).toMatch(/^\[ ok \]/);
    expect(line(run.stdout, "DescribeTasks")).toMatch(/^\[skip\] DescribeTasks +needs credentials first/);
    expect(sandbox.requests.filter((r) => r.action === "DescribeTasks").length).toBe(before);
  });

  it("says which CLI profile was asked for when --profile finds nothing", async () => {
    const run = await runDoctor(["--profile", "nosuch", "--region", "cn-hangzhou", "--endpoint", sandbox.url], cleanEnv());
    expect(run.code).toBe(1);
    expect(block(run.stdout, "Credentials")).toMatch(/CLI profile "nosuch" was asked for/);
  });

  it("names a wrong secret (SignatureDoesNotMatch) with its fix", async () => {
    const run = await runDoctor(["--region", "cn-hangzhou", "--endpoint", sandbox.url], keyEnv({ id: GOOD.id, secret: "not-the-right-secret-at-all-000" }));
    expect(run.code).toBe(1);
    expect(line(run.stdout, "Clock")).toMatch(/^\[ ok \]/);
    const api = block(run.stdout, "DescribeTasks");
    expect(api).toMatch(/^\[FAIL\] DescribeTasks +ECS DescribeTasks failed: SignatureDoesNotMatch/);
    expect(api).toMatch(/Fix: .*secret does not match/);
    expectNoSecrets(run.stdout);
  });

  it("names a missing region with the three ways to set one", async () => {
    const run = await runDoctor(["--endpoint", sandbox.url], keyEnv(GOOD));
    expect(run.code).toBe(1);
    const region = block(run.stdout, "Region");
    expect(region).toMatch(/^\[FAIL\] Region +no region configured/);
    expect(region).toMatch(/Fix: .*--region[\s\S]*ALIBABA_CLOUD_REGION_ID[\s\S]*region_id/);
    expect(line(run.stdout, "DescribeTasks")).toMatch(/^\[skip\].*needs a region/);
  });

  it("names the missing RAM permission when DescribeTasks is refused", async () => {
    const run = await runDoctor(["--region", "cn-hangzhou", "--endpoint", sandbox.url], keyEnv(DENIED));
    expect(run.code).toBe(1);
    const api = block(run.stdout, "DescribeTasks");
    expect(api).toMatch(/^\[FAIL\] DescribeTasks +refused with Forbidden\.RAM .*the RAM permission ecs:DescribeTasks is missing/);
    expect(api).toMatch(/Fix: Attach a policy that allows ecs:DescribeTasks[\s\S]*default\/env/);
    expectNoSecrets(run.stdout);
  });

  it("measures a 20-minute clock skew against the endpoint's Date header and explains the refusal", async () => {
    const run = await runDoctor(["--region", "cn-hangzhou", "--endpoint", skewed.url], keyEnv(GOOD));
    expect(run.code).toBe(1);
    const clock = block(run.stdout, "Clock");
    expect(clock).toMatch(/^\[FAIL\] Clock +local .*skew -1[12]\d\d s: more than 15 minutes/);
    expect(clock).toMatch(/Fix: Synchronise this machine's clock/);
    expect(block(run.stdout, "DescribeTasks")).toMatch(/InvalidTimeStamp\.Expired[\s\S]*Fix: .*clock/);
  });

  it("names an unreachable endpoint with the proxy fix", async () => {
    const run = await runDoctor(["--region", "cn-hangzhou", "--endpoint", "http://127.0.0.1:9"], keyEnv(GOOD));
    expect(run.code).toBe(1);
    const endpoint = block(run.stdout, "Endpoint");
    expect(endpoint).toMatch(/^\[FAIL\] Endpoint +http:\/\/127\.0\.0\.1:9 \(--endpoint\) is unreachable/);
    expect(endpoint).toMatch(/HTTPS_PROXY/);
    expect(line(run.stdout, "Clock")).toMatch(/^\[skip\]/);
    expect(line(run.stdout, "DescribeTasks")).toMatch(/^\[skip\].*reachable endpoint/);
  });
});
