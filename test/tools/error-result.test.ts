import { describe, expect, it } from "vitest";
import {
  ConfigError,
  CredentialsError,
  EcsApiError,
  EcsNetworkError,
  EcsResponseError,
  InputError,
  PageError,
  diagnose,
  diagnosisText,
} from "../../src/errors.js";
import { Redactor } from "../../src/redact.js";
import { errorResult } from "../../src/tools/error-result.js";

const endpoint = "https://ecs.cn-hangzhou.aliyuncs.com";
const apiError = (code: string, status = 400, extra: { date?: string; attempts?: number } = {}) =>
  new EcsApiError({
    code,
    apiMessage: `message for ${code}`,
    httpStatus: status,
    requestId: "REQ-123",
    endpoint,
    action: "DescribeTasks",
    serverDate: extra.date,
    ...(extra.attempts ? { attempts: extra.attempts } : {}),
  });
/** The text an isError answer carries, before the final redaction. */
const describeError = (err: unknown, now = new Date(), redactor = new Redactor()) => diagnosisText(diagnose(err, { now, redact: redactor.text }));

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
    const err = new EcsApiError({
      code: "Weird.Code",
      apiMessage: "odd",
      httpStatus: 400,
      requestId: "R1",
      endpoint,
      action: "DescribeTasks",
      recommend: "https://api.aliyun.com/troubleshoot?q=Weird.Code",
    });
    expect(describeError(err)).toContain("see https://api.aliyun.com/troubleshoot?q=Weird.Code");
  });

  it("reports clock skew from the server's Date header", () => {
    const now = new Date("2026-11-28T14:30:00Z");
    const text = describeError(apiError("InvalidTimeStamp.Expired", 400, { date: "Sat, 28 Nov 2026 14:10:00 GMT" }), now);
    expect(text).toContain("Local clock: 2026-11-28T14:30:00Z");
    expect(text).toContain("skew +1200 s");
  });

  it("says how many attempts were made", () => {
    expect(describeError(apiError("ServiceUnavailable", 503, { attempts: 4 }))).toContain("after 4 attempts");
  });

  it("describes network and garbage failures with the endpoint", () => {
    expect(describeError(new EcsNetworkError({ failure: "timeout", endpoint, action: "DescribeTasks", detail: `no answer from ${endpoint} within 15000 ms` }))).toMatch(
      /timed out.*15000 ms[\s\S]*--timeout-ms/,
    );
    const garbage = describeError(
      new EcsResponseError({ httpStatus: 502, endpoint, action: "DescribeTasks", body: "<html>Bad Gateway</html>", detail: "HTTP 502 with a body that is not JSON" }),
    );
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
    const redactor = new Redactor();
    redactor.registerSecret("SuperSecretValue123456");
    const body = "echo SuperSecretValue123456";
    const result = errorResult(new EcsResponseError({ httpStatus: 500, endpoint, action: "DescribeTasks", body, detail: "bad" }), new Date(), redactor);
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result)).not.toContain("SuperSecretValue123456");
  });

  it("redacts a quoted body before cutting it, so no part of a secret survives at any cut point", () => {
    const secret = "Cut-Point-Secret-abcdefghijklmnopqrstuvwxyz0123";
    const redactor = new Redactor();
    redactor.registerSecret(secret);
    for (let offset = 150; offset <= 200; offset++) {
      const body = `${"x".repeat(offset)}${secret}${"y".repeat(50)}`;
      const text = describeError(new EcsResponseError({ httpStatus: 200, endpoint, action: "DescribeTasks", body, detail: "bad" }), new Date(), redactor);
      for (let i = 0; i + 10 <= secret.length; i++) expect(text, `offset ${offset}`).not.toContain(secret.slice(i, i + 10));
    }
  });

  it("names the page that failed, then the page's own diagnosis", () => {
    const d = diagnose(new PageError(3, apiError("Throttling.User")), { now: new Date(), redact: (t) => t });
    expect(d.summary).toMatch(/^While reading page 3 of the results: ECS DescribeTasks failed: Throttling.User/);
    expect(d.details).toContain("RequestId: REQ-123 (HTTP 400, https://ecs.cn-hangzhou.aliyuncs.com)");
    expect(d.hint).toMatch(/throttling/);
  });
});
