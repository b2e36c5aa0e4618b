// The doctor's checks as pure functions with injected parts: no process, no network.
import { describe, expect, it } from "vitest";
import { checkClock, checkCredentials, checkDescribeTasks, checkEndpoint, checkNode, checkRegion } from "../../src/doctor/checks.js";
import { exitCodeFor, renderReport, runDoctor, type DoctorDeps } from "../../src/doctor/run.js";
import type { EcsApi } from "../../src/ecs/client.js";
import { noCredentialsError } from "../../src/ecs/credentials.js";
import { ConfigError, EcsApiError, EcsNetworkError } from "../../src/errors.js";
import { Redactor } from "../../src/redact.js";
/** Redaction is not under test here. */
const same = (text: string) => text;
import { REGION_HELP } from "../../src/ecs/region.js";

const NOW = new Date("2026-11-28T14:10:00Z");
const okEcs: EcsApi = {
  call: async () => ({ body: { TotalCount: 7 }, requestId: "RID-1", endpoint: "x", httpStatus: 200, providerName: "default/env", attempts: 1 }),
};
const failingEcs = (err: unknown): EcsApi => ({ call: async () => Promise.reject(err) });

function deps(over: Partial<DoctorDeps> = {}): DoctorDeps {
  return {
    nodeVersion: "v20.18.1",
    credentials: { get: async () => ({ accessKeyId: "LTAI5tUnitKey0000wxyz", accessKeySecret: "s".repeat(30), providerName: "default/cli_profile" }) },
    profile: "work",
    resolveRegion: async () => ({ regionId: "cn-hangzhou", source: "cli_profile" }),
    regionLabel: () => 'region_id of aliyun CLI profile "work"',
    probe: async () => ({ ok: true, status: 400, date: NOW.toUTCString() }),
    ecs: okEcs,
    now: () => NOW,
    redactor: new Redactor(),
    ...over,
  };
}

describe("doctor checks", () => {
  it("checks the Node.js version", () => {
    expect(checkNode("v20.18.1").status).toBe("pass");
    expect(checkNode("v22.0.0").status).toBe("pass");
    const old = checkNode("v18.20.4", "/usr/bin/node");
    expect(old).toMatchObject({ status: "fail" });
    expect(old.fix).toMatch(/20\.18\.1/);
  });

  it("reports the provider, the masked key ID and STS", async () => {
    const { result } = await checkCredentials(deps().credentials, "work");
    expect(result.detail).toBe('provider default/cli_profile, CLI profile "work"; AccessKey ID LTAI****wxyz; long-term AccessKey (no STS token)');
    const sts = await checkCredentials({ get: async () => ({ accessKeyId: "STS.NUabcdefgh1234", accessKeySecret: "x".repeat(30), securityToken: "t".repeat(40), providerName: "default/env" }) });
    expect(sts.result.detail).toMatch(/STS\.\*\*\*\*1234; STS \(AccessKey \+ security token\)/);
  });

  it("turns the chain's failure into the ways to provide credentials", async () => {
    const { result } = await checkCredentials({ get: async () => Promise.reject(noCredentialsError()) });
    expect(result.status).toBe("fail");
    expect(result.fix).toMatch(/^Provide credentials[\s\S]*1\. Environment[\s\S]*6\. ALIBABA_CLOUD_CREDENTIALS_URI/);
  });

  it("reports the region and its source, or how to set one", async () => {
    expect((await checkRegion(deps().resolveRegion, () => "--region")).result.detail).toBe("cn-hangzhou (from --region)");
    const none = await checkRegion(async () => Promise.reject(new ConfigError(REGION_HELP)), () => "");
    expect(none.result).toMatchObject({ status: "fail", detail: "no region configured" });
    const bad = await checkRegion(async () => Promise.reject(new ConfigError('ALIBABA_CLOUD_REGION_ID "x" is not a region ID.')), () => "");
    expect(bad.result.detail).toMatch(/not a region ID/);
  });

  it("builds the regional endpoint, or uses the override, and probes it", async () => {
    const seen: string[] = [];
    const probe = async (origin: string) => (seen.push(origin), { ok: true as const, status: 404 });
    expect((await checkEndpoint("cn-beijing", undefined, probe)).result.detail).toMatch(/^https:\/\/ecs\.cn-beijing\.aliyuncs\.com \(regional default\); reachable/);
    await checkEndpoint("cn-beijing", { url: "http://127.0.0.1:1", label: "--endpoint" }, probe);
    expect(seen).toEqual(["https://ecs.cn-beijing.aliyuncs.com", "http://127.0.0.1:1"]);
    expect((await checkEndpoint(undefined, undefined, probe)).result.status).toBe("skip");
    const down = await checkEndpoint("cn-beijing", undefined, async () => ({ ok: false, timeout: true, error: "aborted" }));
    expect(down.result).toMatchObject({ status: "fail" });
    expect(down.result.fix).toMatch(/HTTPS_PROXY[\s\S]*ecs-vpc[\s\S]*--timeout-ms/);
  });

  it("grades clock skew: pass, warn over a minute, fail over 15 minutes", () => {
    const at = (s: number) => new Date(NOW.getTime() - s * 1000).toUTCString();
    expect(checkClock(at(3), NOW).status).toBe("pass");
    expect(checkClock(at(120), NOW)).toMatchObject({ status: "warn" });
    const off = checkClock(at(-20 * 60), NOW);
    expect(off).toMatchObject({ status: "fail" });
    expect(off.detail).toMatch(/skew -1200 s/);
    expect(checkClock(undefined, NOW).status).toBe("warn");
  });

  it("makes one DescribeTasks call with PageSize 1 and maps refusals to fixes", async () => {
    const calls: unknown[] = [];
    const spy: EcsApi = { call: async (...args) => (calls.push(args), okEcs.call(...args)) };
    expect((await checkDescribeTasks(spy, "cn-hangzhou", () => NOW, same)).detail).toMatch(/HTTP 200, 7 task\(s\) in cn-hangzhou, RequestId RID-1/);
    expect(calls).toEqual([["DescribeTasks", { RegionId: "cn-hangzhou", PageSize: "1" }, { regionId: "cn-hangzhou" }]]);
    const api = (code: string, status = 400) =>
      new EcsApiError({ code, apiMessage: "msg", httpStatus: status, requestId: "RID-2", endpoint: "https://ecs.cn-hangzhou.aliyuncs.com", action: "DescribeTasks" });
    const denied = await checkDescribeTasks(failingEcs(api("Forbidden.RAM", 403)), "cn-hangzhou", () => NOW, same, "default/env");
    expect(denied.detail).toMatch(/ecs:DescribeTasks is missing/);
    const badKey = await checkDescribeTasks(failingEcs(api("InvalidAccessKeyId.NotFound", 404)), "cn-hangzhou", () => NOW, same);
    expect(badKey.fix).toMatch(/AccessKey ID is not known/);
    const slow = await checkDescribeTasks(failingEcs(new EcsNetworkError({ failure: "timeout", endpoint: "https://e", action: "DescribeTasks", detail: "no answer" })), "cn-hangzhou", () => NOW, same);
    expect(slow.fix).toMatch(/timeout-ms/);
  });

  it("runs in order, skips what cannot run, and exits 0 only when all pass", async () => {
    const all = await runDoctor(deps());
    expect(all.map((r) => `${r.id}:${r.status}`)).toEqual(["node:pass", "credentials:pass", "region:pass", "endpoint:pass", "clock:pass", "api:pass"]);
    expect(exitCodeFor(all)).toBe(0);
    const noCreds = await runDoctor(deps({ credentials: { get: async () => Promise.reject(noCredentialsError()) } }));
    expect(noCreds.map((r) => r.status)).toEqual(["pass", "fail", "pass", "pass", "pass", "skip"]);
    expect(exitCodeFor(noCreds)).toBe(1);
    const report = renderReport(noCreds, "heading", new Redactor());
    expect(report).toMatch(/\[FAIL\] Credentials[\s\S]*Fix: Provide credentials/);
    expect(report).toMatch(/1 check\(s\) failed, 1 skipped/);
  });

  it("never prints a registered secret", async () => {
    const redactor = new Redactor();
    redactor.registerSecret("super-Secret-Value-For-Report-Test");
    const report = renderReport([{ id: "api", title: "DescribeTasks", status: "fail", detail: "saw super-Secret-Value-For-Report-Test", fix: "x" }], "h", redactor);
    expect(report).not.toContain("super-Secret-Value-For-Report-Test");
  });
});
