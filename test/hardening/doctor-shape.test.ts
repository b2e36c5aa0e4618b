// Issue 12, point 8: `doctor` passes DescribeTasks only for an answer that reads as one (the tools'
// own response schema, and a RequestId), and says what it got when it does not: `{}`, a captive
// portal's page, JSON without a RequestId. The built binary, against the sandbox.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox, type SandboxFault } from "../../src/sandbox/index.js";
import { cleanEnv } from "../helpers/spawn.js";
import { block, line, runDoctor } from "../ecosystem/doctor-run.js";

const KEY = { id: "LTAI5tDoctorShapeKey00001234", secret: "doctor-Shape-Secret-Do-Not-Leak-03" };
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ credentials: [{ accessKeyId: KEY.id, accessKeySecret: KEY.secret }] });
});
afterAll(() => sandbox.close());

function doctor(fault?: SandboxFault) {
  if (fault) sandbox.injectFaults([fault], { action: "DescribeTasks" });
  return runDoctor(
    ["--region", "cn-hangzhou", "--endpoint", sandbox.url],
    cleanEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: KEY.id, ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEY.secret }),
  );
}

describe("doctor: an HTTP 200 must be a DescribeTasks answer", () => {
  it("a real answer passes", async () => {
    const run = await doctor();
    expect(run.code).toBe(0);
    expect(line(run.stdout, "DescribeTasks")).toMatch(/^\[ ok \] DescribeTasks\s+HTTP 200, \d+ task\(s\) in cn-hangzhou, RequestId [0-9A-F-]{36}/);
  });

  it.each([
    ["{}", { kind: "raw", body: "{}" }, /HTTP 200, but not a DescribeTasks answer: DescribeTasks answered without a TotalCount/, /Body starts: "\{\}"/],
    [
      "a captive portal's page",
      { kind: "raw", body: "<html><title>Sign in to Hotel WiFi</title></html>", contentType: "text/html" },
      /HTTP 200, but not a DescribeTasks answer: HTTP 200 with a body that is not JSON/,
      /Body starts: "<html><title>Sign in to Hotel WiFi/,
    ],
    ["JSON without a RequestId", { kind: "raw", body: '{"TotalCount":3,"TaskSet":{"Task":[]}}' }, /not a DescribeTasks answer: DescribeTasks answered without a RequestId/, /Body starts: "\{\\"TotalCount\\":3/],
    ["a TaskSet that is not a list", { kind: "wrongTypes" }, /not a DescribeTasks answer: DescribeTasks answered with a TotalCount that is not a whole number/, /Body starts/],
  ] as Array<[string, SandboxFault, RegExp, RegExp]>)("%s fails, saying what came back", async (_, fault, what, got) => {
    const run = await doctor(fault);
    expect(run.code).toBe(1);
    const check = block(run.stdout, "DescribeTasks");
    expect(check).toMatch(/^\[FAIL\] DescribeTasks/);
    expect(check).toMatch(what);
    expect(check).toMatch(got);
    expect(check).toMatch(/Fix: Something other than ECS answered/);
    expect(run.stdout).not.toContain(KEY.secret);
  });
});
