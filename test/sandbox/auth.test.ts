import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_CREDENTIAL, type Sandbox } from "../../src/sandbox/index.js";
import { call, type Clock, sandboxWithClock } from "./helpers.js";

const STS = { accessKeyId: "STS.NUsandbox0001", accessKeySecret: "sts-secret", securityToken: "CAIS-token-1" };
const LIMITED = { accessKeyId: "LTAI5tLimited000000000", accessKeySecret: "limited-secret", deniedActions: ["CancelTask"] };
const Q = { RegionId: "cn-hangzhou" };

let sb: Sandbox;
let clock: Clock;

beforeAll(async () => {
  ({ sb, clock } = await sandboxWithClock({ credentials: [SANDBOX_CREDENTIAL, STS, LIMITED], tasksPerRegion: 5 }));
});
afterAll(() => sb.close());

function expectError(res: { status: number; json: Record<string, any>; headers: Record<string, string> }, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.json["Code"]).toBe(code);
  expect(res.json["RequestId"]).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
  expect(res.json["HostId"]).toBe("ecs.cn-hangzhou.aliyuncs.com");
  expect(res.json["Recommend"]).toBe(
    `https://api.aliyun.com/troubleshoot?q=${code}&product=Ecs&requestId=${String(res.json["RequestId"])}`,
  );
  expect(res.headers["x-acs-request-id"]).toBe(res.json["RequestId"]);
}

describe("signature verification", () => {
  it("accepts a correctly signed POST and GET", async () => {
    const post = await call(sb, clock, "DescribeTasks", Q);
    expect(post.status).toBe(200);
    expect(post.headers["content-type"]).toBe("application/json;charset=utf-8");
    expect(post.headers["x-acs-request-id"]).toBe(post.json["RequestId"]);
    expect(post.headers["date"]).toBe(clock.now().toUTCString());
    const get = await call(sb, clock, "DescribeTasks", Q, { method: "GET" });
    expect(get.status).toBe(200);
  });

  it("accepts values that need percent-encoding, and keeps + as a plus", async () => {
    const res = await call(sb, clock, "DescribeTasks", { ...Q, TaskIds: "t-a+b c,t-ü*" });
    expect(res.status).toBe(200);
    expect(sb.requests.at(-1)?.query["TaskIds"]).toBe("t-a+b c,t-ü*");
  });

  it("refuses a missing or malformed Authorization with IncompleteSignature", async () => {
    const missing = await call(sb, clock, "DescribeTasks", Q, { tamper: (r) => delete r.headers["authorization"] });
    expectError(missing, 400, "IncompleteSignature");
    const malformed = await call(sb, clock, "DescribeTasks", Q, {
      tamper: (r) => (r.headers["authorization"] = "ACS3-HMAC-SHA256 Credential=x"),
    });
    expectError(malformed, 400, "IncompleteSignature");
  });

  it("refuses an unknown AccessKeyId with 404", async () => {
    const res = await call(sb, clock, "DescribeTasks", Q, { credential: { accessKeyId: "LTAI-nope", accessKeySecret: "x" } });
    expectError(res, 404, "InvalidAccessKeyId.NotFound");
    expect(res.json["Message"]).toBe("Specified access key is not found.");
  });

  it("refuses a wrong secret with SignatureDoesNotMatch", async () => {
    const res = await call(sb, clock, "DescribeTasks", Q, {
      credential: { accessKeyId: SANDBOX_CREDENTIAL.accessKeyId, accessKeySecret: "wrong" },
    });
    expectError(res, 400, "SignatureDoesNotMatch");
    expect(res.json["Message"]).toBe(
      "The request signature we calculated does not match the signature you provided. Check your key and signing method.",
    );
  });

  it("refuses a tampered query", async () => {
    const res = await call(sb, clock, "DescribeTasks", Q, { tamper: (r) => (r.path = r.path.replace("cn-hangzhou", "cn-shanghai")) });
    expectError({ ...res, json: { ...res.json, HostId: "ecs.cn-hangzhou.aliyuncs.com" } }, 400, "SignatureDoesNotMatch");
    expect(res.json["HostId"]).toBe("ecs.cn-shanghai.aliyuncs.com");
  });

  it("refuses an x-acs-* header left out of SignedHeaders, and a body that does not match its hash", async () => {
    const unsigned = await call(sb, clock, "DescribeTasks", Q, { tamper: (r) => (r.headers["x-acs-extra"] = "1") });
    expectError(unsigned, 400, "SignatureDoesNotMatch");
    const dropped = await call(sb, clock, "DescribeTasks", Q, {
      tamper: (r) => (r.headers["authorization"] = (r.headers["authorization"] ?? "").replace("x-acs-action;", "")),
    });
    expectError(dropped, 400, "SignatureDoesNotMatch");
    const body = await call(sb, clock, "DescribeTasks", Q, {
      tamper: (r) => (r.headers["x-acs-content-sha256"] = "0".repeat(64)),
    });
    expectError(body, 400, "SignatureDoesNotMatch");
  });

  it("refuses a date more than 15 minutes away from the sandbox clock", async () => {
    const late = await call(sb, clock, "DescribeTasks", Q, { date: new Date(clock.now().getTime() - 16 * 60_000) });
    expectError(late, 400, "InvalidTimeStamp.Expired");
    expect(late.json["Message"]).toContain("2024-05-10T05:00:00Z");
    expect(late.headers["date"]).toBe("Fri, 10 May 2024 05:00:00 GMT");
    const early = await call(sb, clock, "DescribeTasks", Q, { date: new Date(clock.now().getTime() + 16 * 60_000) });
    expectError(early, 400, "InvalidTimeStamp.Expired");
    const within = await call(sb, clock, "DescribeTasks", Q, { date: new Date(clock.now().getTime() + 14 * 60_000) });
    expect(within.status).toBe(200);
    const missing = await call(sb, clock, "DescribeTasks", Q, { tamper: (r) => delete r.headers["x-acs-date"] });
    expectError(missing, 400, "InvalidTimeStamp.Expired");
  });

  it("checks the STS token against the credential", async () => {
    expect((await call(sb, clock, "DescribeTasks", Q, { credential: STS })).status).toBe(200);
    const missing = await call(sb, clock, "DescribeTasks", Q, { credential: { ...STS, securityToken: "" } });
    expectError(missing, 400, "InvalidSecurityToken.MismatchWithAccessKey");
    expect(missing.json["Message"]).toBe("The Security Token is mismatch with Access Key");
    const wrong = await call(sb, clock, "DescribeTasks", Q, { credential: { ...STS, securityToken: "CAIS-other" } });
    expectError(wrong, 400, "InvalidSecurityToken.MismatchWithAccessKey");
    const extra = await call(sb, clock, "DescribeTasks", Q, { credential: { ...SANDBOX_CREDENTIAL, securityToken: "CAIS-x" } });
    expectError(extra, 400, "InvalidSecurityToken.MismatchWithAccessKey");
  });

  it("refuses a reused nonce, and forgets it after 15 minutes", async () => {
    const nonce = "fixed-nonce-0001";
    expect((await call(sb, clock, "DescribeTasks", Q, { nonce })).status).toBe(200);
    expectError(await call(sb, clock, "DescribeTasks", Q, { nonce }), 400, "SignatureNonceUsed");
    clock.advance(16 * 60_000);
    expect((await call(sb, clock, "DescribeTasks", Q, { nonce })).status).toBe(200);
  });

  it("does not burn a nonce on a request that failed the signature", async () => {
    const nonce = "fixed-nonce-0002";
    const bad = await call(sb, clock, "DescribeTasks", Q, { nonce, credential: { ...SANDBOX_CREDENTIAL, accessKeySecret: "no" } });
    expect(bad.json["Code"]).toBe("SignatureDoesNotMatch");
    expect((await call(sb, clock, "DescribeTasks", Q, { nonce })).status).toBe(200);
  });

  it("applies deniedActions as 403 Forbidden.RAM after a valid signature", async () => {
    const res = await call(sb, clock, "CancelTask", { ...Q, TaskId: "t-x" }, { credential: LIMITED });
    expectError(res, 403, "Forbidden.RAM");
    expect((await call(sb, clock, "DescribeTasks", Q, { credential: LIMITED })).status).toBe(200);
  });

  it("answers unknown actions, missing actions and wrong versions", async () => {
    const unknown = await call(sb, clock, "RunInstances", Q);
    expectError(unknown, 404, "InvalidAction.NotFound");
    expect(unknown.json["Message"]).toBe("Specified api is not found, please check your url and method.");
    const version = await call(sb, clock, "DescribeTasks", Q, { version: "2016-03-14" });
    expectError(version, 400, "InvalidVersion");
    const noHost = await call(sb, clock, "DescribeRegions", {});
    expect(noHost.status).toBe(200);
    const centralHost = await call(sb, clock, "Nope", {});
    expect(centralHost.json["HostId"]).toBe("ecs.aliyuncs.com");
  });
});
