import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, CredentialsError, EcsApiError, EcsNetworkError, EcsResponseError } from "../../src/ecs/errors.js";
import { registerSecret, resetRedactionForTests } from "../../src/redact.js";
import { describeError, errorResult } from "../../src/tools/error-result.js";
import { InputError } from "../../src/tools/fields.js";

const endpoint = "https://ecs.cn-hangzhou.aliyuncs.com";
const apiError = (code: string, status = 400, extra: { date?: string } = {}) =>
  new EcsApiError(code, `message for ${code}`, status, "REQ-123", endpoint, "DescribeTasks", undefined, extra.date);

afterEach(() => resetRedactionForTests());

describe("error mapping", () => {
  it.each([
    ["InvalidRegionId.NotFound", /valid region ID.*ALIBABA_CLOUD_REGION_ID/],
    ["InvalidAccessKeyId.NotFound", /AccessKey ID is not known/],
    ["SignatureDoesNotMatch", /secret does not match/],
    ["Forbidden.RAM", /ecs:DescribeTasks/],
    ["Throttling.User", /throttling.*wait/],
    ["InvalidTimeStamp.Expired", /clock/],
    ["InvalidTaskId.NotFound", /check the ID and the RegionId/],
  ])("%s names code, message, RequestId and a way forward", (code, hint) => {
    const text = describeError(apiError(code));
    expect(text).toContain(code);
    expect(text).toContain(`message for ${code}`);
    expect(text).toContain("RequestId: REQ-123");
    expect(text).toMatch(/What to do: /);
    expect(text).toMatch(hint);
  });

  it("falls back to Recommend for unknown codes", () => {
    const err = new EcsApiError("Weird.Code", "odd", 400, "R1", endpoint, "DescribeTasks", "https://api.aliyun.com/troubleshoot?q=Weird.Code");
    expect(describeError(err)).toContain("see https://api.aliyun.com/troubleshoot?q=Weird.Code");
  });

  it("reports clock skew from the server's Date header", () => {
    const now = new Date("2026-11-28T14:30:00Z");
    const text = describeError(apiError("InvalidTimeStamp.Expired", 400, { date: "Sat, 28 Nov 2026 14:10:00 GMT" }), now);
    expect(text).toContain("Local clock: 2026-11-28T14:30:00Z");
    expect(text).toContain("skew +1200 s");
  });

  it("says how many attempts were made", () => {
    const err = apiError("ServiceUnavailable", 503);
    err.attempts = 4;
    expect(describeError(err)).toContain("after 4 attempts");
  });

  it("describes network and garbage failures with the endpoint", () => {
    expect(describeError(new EcsNetworkError("timeout", endpoint, "DescribeTasks", `no answer from ${endpoint} within 15000 ms`))).toMatch(
      /timed out.*15000 ms[\s\S]*--timeout-ms/,
    );
    const garbage = describeError(new EcsResponseError(502, endpoint, "DescribeTasks", "<html>Bad Gateway</html>", "HTTP 502 with a body that is not JSON"));
    expect(garbage).toContain("HTTP 502");
    expect(garbage).toContain("<html>Bad Gateway</html>");
  });

  it("passes user-facing errors through as they are", () => {
    expect(describeError(new ConfigError("No region given."))).toBe("No region given.");
    expect(describeError(new CredentialsError("No credentials."))).toBe("No credentials.");
    expect(describeError(new InputError("TaskIds has 101 IDs"))).toBe("TaskIds has 101 IDs");
  });

  it("never returns a stack trace for an unexpected bug", () => {
    const text = describeError(new TypeError("x is undefined"));
    expect(text).toContain("Internal error");
    expect(text).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it("redacts secrets in the result", () => {
    registerSecret("SuperSecretValue123456");
    const result = errorResult(new EcsResponseError(500, endpoint, "DescribeTasks", "echo SuperSecretValue123456", "bad"));
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result)).not.toContain("SuperSecretValue123456");
  });
});
