// Backoff and retry, with injected random, sleep and time: exact delays, cap, budget,
// x-acs-retry-after, attempts counted, a fresh nonce and date per attempt, and what is never retried.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { EcsClient, isReadOnlyAction } from "../../src/ecs/client.js";
import { staticCredentials } from "../../src/ecs/credentials.js";
import { Redactor } from "../../src/redact.js";
import { EcsApiError, EcsNetworkError, EcsResponseError, diagnose, diagnosisText } from "../../src/errors.js";
import { abortableSleep, backoffDelay, DEFAULT_RETRY, isRetryable, nextDelay, type RetryPolicy } from "../../src/ecs/retry.js";
import { SANDBOX_CREDENTIAL, startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { fakeTime, nthRequest, testClient, whenAborted } from "./support.js";

const Q = { RegionId: "cn-hangzhou" };
const EP = "https://ecs.cn-hangzhou.aliyuncs.com";
const api = (code: string, status = 400, retryAfter?: number) =>
  new EcsApiError({ code, apiMessage: "m", httpStatus: status, requestId: "R", endpoint: EP, action: "DescribeTasks", retryAfterSeconds: retryAfter });
const describeError = (err: unknown) => diagnosisText(diagnose(err, { now: new Date(), redact: (t) => t }));

let sandbox: Sandbox;
const clients: EcsClient[] = [];
beforeAll(async () => {
  sandbox = await startSandbox({ tasksPerRegion: 8 });
});
afterEach(async () => {
  sandbox.clearFaults();
  await Promise.all(clients.splice(0).map((c) => c.close()));
});
afterAll(() => sandbox.close());

function client(options: Parameters<typeof testClient>[1] = {}) {
  const made = testClient(sandbox, options);
  clients.push(made.ecs);
  return made;
}

describe("backoff arithmetic", () => {
  it("full jitter in [0, min(cap, base*2^(n-1))], exact for a given random", () => {
    const p = DEFAULT_RETRY;
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffDelay(p, n, () => 0.5))).toEqual([100, 200, 400, 800, 1600, 2500, 2500, 2500]);
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(p, n, () => 0.999999))).toEqual([199, 399, 799, 1599, 3199, 4999, 4999]);
    expect(backoffDelay(p, 3, () => 0)).toBe(0);
  });

  it("the default policy: base 200 ms, cap 5 s, 4 attempts, 20 s in all", () => {
    expect(DEFAULT_RETRY).toEqual({ maxAttempts: 4, baseDelayMs: 200, maxDelayMs: 5_000, totalBudgetMs: 20_000 });
  });

  it("stops at maxAttempts and at the budget; honours retry-after in full, beyond the cap", () => {
    const r = () => 0.5;
    expect(nextDelay(DEFAULT_RETRY, api("Throttling"), 3, 0, r)).toBe(400);
    expect(nextDelay(DEFAULT_RETRY, api("Throttling"), 4, 0, r)).toBeUndefined();
    expect(nextDelay(DEFAULT_RETRY, api("Throttling"), 1, 19_950, r)).toBeUndefined(); // 19 950 + 100 >= 20 000
    expect(nextDelay(DEFAULT_RETRY, api("Throttling"), 1, 19_899, r)).toBe(100);
    expect(nextDelay(DEFAULT_RETRY, api("Throttling", 400, 3), 1, 0, r)).toBe(3_000);
    expect(nextDelay(DEFAULT_RETRY, api("Throttling", 400, 7), 1, 0, r)).toBe(7_000); // beyond the 5 s cap
    expect(nextDelay(DEFAULT_RETRY, api("Throttling", 400, 30), 1, 0, r)).toBeUndefined(); // does not fit in 20 s
    expect(nextDelay(DEFAULT_RETRY, api("Throttling", 400, 0), 1, 0, r)).toBe(100); // never shorter than the backoff
  });

  it("classifies by Code, not HTTP status", () => {
    for (const code of ["Throttling", "Throttling.User", "Throttling.Api", "ServiceUnavailable", "InternalError"]) {
      expect(isRetryable(api(code, 400)), code).toBe(true);
    }
    expect(isRetryable(api("Whatever", 502))).toBe(true);
    expect(isRetryable(api("TooManyRequests", 429))).toBe(true);
    for (const code of ["InvalidParameter", "Forbidden.RAM", "SignatureDoesNotMatch", "InvalidTimeStamp.Expired", "ThrottlingX"]) {
      expect(isRetryable(api(code, 400)), code).toBe(false);
    }
    expect(isRetryable(new EcsNetworkError({ failure: "timeout", endpoint: EP, action: "DescribeTasks", detail: "t" }))).toBe(true);
    expect(isRetryable(new EcsNetworkError({ failure: "reset", endpoint: EP, action: "DescribeTasks", detail: "r", systemCode: "UND_ERR_SOCKET" }))).toBe(true);
    expect(isRetryable(new EcsNetworkError({ failure: "connect", endpoint: EP, action: "DescribeTasks", detail: "c", systemCode: "ECONNREFUSED" }))).toBe(true);
    expect(isRetryable(new EcsNetworkError({ failure: "connect", endpoint: EP, action: "DescribeTasks", detail: "c", systemCode: "ENOTFOUND" }))).toBe(false);
    expect(isRetryable(new EcsNetworkError({ failure: "aborted", endpoint: EP, action: "DescribeTasks", detail: "a" }))).toBe(false);
    expect(isRetryable(new EcsNetworkError({ failure: "other", endpoint: EP, action: "DescribeTasks", detail: "o" }))).toBe(false);
    expect(isRetryable(new EcsResponseError({ httpStatus: 502, endpoint: EP, action: "DescribeTasks", body: "<html>", detail: "html" }))).toBe(true);
    expect(isRetryable(new EcsResponseError({ httpStatus: 200, endpoint: EP, action: "DescribeTasks", body: "{", detail: "truncated" }))).toBe(false);
    expect(isRetryable(new TypeError("bug"))).toBe(false);
  });

  it("only read-only actions are retried by default", () => {
    for (const a of ["DescribeTasks", "DescribeTaskAttribute", "DescribeRegions", "ListTagResources", "GetFoo"]) expect(isReadOnlyAction(a), a).toBe(true);
    for (const a of ["CancelTask", "DeleteImage", "Describe", "describeTasks", "RunInstances"]) expect(isReadOnlyAction(a), a).toBe(false);
  });

  it("abortableSleep ends early with the signal", async () => {
    const ac = new AbortController();
    const waiting = abortableSleep(60_000, ac.signal);
    ac.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
    await expect(abortableSleep(1)).resolves.toBeUndefined();
  });
});

describe("the client against the sandbox", () => {
  it("throttled twice, then answers: 3 attempts, exact waits, a fresh nonce and date each time", async () => {
    let tick = Date.now();
    const { ecs, time } = client({ clock: () => new Date((tick += 1_000)) });
    sandbox.injectFaults([{ kind: "throttle" }, { kind: "throttle", code: "Throttling.User" }]);
    const before = sandbox.requests.length;
    const res = await ecs.call("DescribeTasks", Q, { regionId: "cn-hangzhou" });
    expect(res.attempts).toBe(3);
    expect(res.httpStatus).toBe(200);
    expect(time.delays).toEqual([100, 200]);
    const sent = sandbox.requests.slice(before);
    expect(sent.map((r) => r.status)).toEqual([400, 400, 200]);
    const nonces = sent.map((r) => r.headers["x-acs-signature-nonce"]);
    expect(new Set(nonces).size).toBe(3);
    expect(new Set(sent.map((r) => r.headers["x-acs-date"])).size).toBe(3);
    expect(new Set(sent.map((r) => r.headers.authorization)).size).toBe(3);
  });

  it("gives up after 4 attempts and says so", async () => {
    const { ecs, time } = client();
    sandbox.injectFaults([{ kind: "unavailable" }, { kind: "internal" }, { kind: "throttle" }, { kind: "unavailable" }, { kind: "unavailable" }]);
    const before = sandbox.requests.length;
    const err = (await ecs.call("DescribeTasks", Q).catch((e: unknown) => e)) as EcsApiError;
    expect(err).toBeInstanceOf(EcsApiError);
    expect(err.code).toBe("ServiceUnavailable");
    expect(err.attempts).toBe(4);
    expect(time.delays).toEqual([100, 200, 400]);
    expect(sandbox.requests.length - before).toBe(4);
    expect(describeError(err)).toMatch(/failed after 4 attempts: ServiceUnavailable/);
    sandbox.clearFaults();
  });

  it("caps each wait and stops at the total budget (more attempts allowed than fit)", async () => {
    const policy: RetryPolicy = { ...DEFAULT_RETRY, maxAttempts: 20 };
    const { ecs, time } = client({ retry: policy, random: () => 0.999999 });
    sandbox.injectFaults(Array.from({ length: 20 }, () => ({ kind: "throttle" as const })));
    const err = (await ecs.call("DescribeTasks", Q).catch((e: unknown) => e)) as EcsApiError;
    // 199+399+799+1599+3199+4999+4999 = 16 193; one more 4 999 would pass 20 000.
    expect(time.delays).toEqual([199, 399, 799, 1599, 3199, 4999, 4999]);
    expect(err.attempts).toBe(8);
    expect(time.now()).toBeLessThan(20_000);
  });

  it("honours x-acs-retry-after", async () => {
    const { ecs, time } = client();
    sandbox.injectFaults([{ kind: "throttle", retryAfterSeconds: 3 }]);
    const res = await ecs.call("DescribeTasks", Q);
    expect(time.delays).toEqual([3_000]);
    expect(res.attempts).toBe(2);
  });

  it("gives up at once when x-acs-retry-after does not fit in the budget", async () => {
    const { ecs, time } = client();
    sandbox.injectFaults([{ kind: "throttle", retryAfterSeconds: 60 }]);
    const err = (await ecs.call("DescribeTasks", Q).catch((e: unknown) => e)) as EcsApiError;
    expect(err.code).toBe("Throttling");
    expect(err.retryAfterSeconds).toBe(60);
    expect(err.attempts).toBe(1);
    expect(time.delays).toEqual([]);
  });

  it("retries 5xx HTML pages, 429 and resets; not 4xx, empty or truncated 200s", async () => {
    const { ecs } = client();
    sandbox.injectFaults([{ kind: "html" }, { kind: "error", status: 429, code: "TooManyRequests", message: "slow down" }, { kind: "reset" }]);
    expect((await ecs.call("DescribeTasks", Q)).attempts).toBe(4);

    for (const fault of [
      { kind: "error", status: 400, code: "InvalidParameter", message: "bad" },
      { kind: "error", status: 403, code: "Forbidden.RAM", message: "no" },
      { kind: "empty" },
      { kind: "truncated" },
      { kind: "noCode" },
    ] as const) {
      sandbox.injectFaults([fault]);
      const before = sandbox.requests.length;
      const err = (await ecs.call("DescribeTasks", Q).catch((e: unknown) => e)) as { attempts: number };
      expect(err.attempts, fault.kind).toBe(1);
      expect(sandbox.requests.length - before, fault.kind).toBe(1);
    }
  });

  it("retries a refused connection, then reports it with the attempt count", async () => {
    const gone = await startSandbox({ tasksPerRegion: 1 });
    const url = gone.url;
    await gone.close();
    const { ecs, time } = client({ endpoint: url });
    const err = (await ecs.call("DescribeTasks", Q).catch((e: unknown) => e)) as EcsNetworkError;
    expect(err).toBeInstanceOf(EcsNetworkError);
    expect(err.failure).toBe("connect");
    expect(err.attempts).toBe(4);
    expect(time.delays).toEqual([100, 200, 400]);
    expect(describeError(err)).toContain(`could not connect to ${url} after 4 attempts`);
  });

  it("a timed-out attempt is retried; the final error names the endpoint and the attempts", async () => {
    const { ecs } = client({ timeoutMs: 150 });
    sandbox.injectFaults(Array.from({ length: 4 }, () => ({ kind: "slow" as const, ms: 30_000 })));
    const before = sandbox.requests.length;
    const err = (await ecs.call("DescribeTasks", Q).catch((e: unknown) => e)) as EcsNetworkError;
    expect(err.failure).toBe("timeout");
    expect(err.attempts).toBe(4);
    expect(describeError(err)).toContain(`timed out after 4 attempts: no answer from ${sandbox.url} within 150 ms`);
    const sent = sandbox.requests.slice(before);
    expect(sent).toHaveLength(4);
    await Promise.all(sent.map((r) => whenAborted(r))); // every timed-out socket was really closed
  });

  it("never retries an action that is not read-only, unless told it is idempotent", async () => {
    const { ecs, time } = client();
    sandbox.injectFaults([{ kind: "unavailable" }, { kind: "unavailable" }]);
    const before = sandbox.requests.length;
    const err = (await ecs.call("CancelTask", { ...Q, TaskId: "t-abcd1234" }).catch((e: unknown) => e)) as EcsApiError;
    expect(err.code).toBe("ServiceUnavailable");
    expect(err.attempts).toBe(1);
    expect(sandbox.requests.length - before).toBe(1);
    expect(time.delays).toEqual([]);

    // retry: false on a read-only call is obeyed too.
    const err2 = (await ecs.call("DescribeTasks", Q, { retry: false }).catch((e: unknown) => e)) as EcsApiError;
    expect(err2.attempts).toBe(1);

    sandbox.injectFaults([{ kind: "throttle" }]);
    const res = await ecs.call("DescribeTasks", Q, { retry: true });
    expect(res.attempts).toBe(2);
  });

  it("a cancellation during a backoff wait ends the call at once, without another attempt", async () => {
    const ac = new AbortController();
    const time = fakeTime();
    const { ecs } = client({
      time,
      sleep: (ms, signal) => {
        ac.abort();
        return abortableSleep(ms * 1000, signal);
      },
    });
    sandbox.injectFaults([{ kind: "throttle" }, { kind: "throttle" }]);
    const before = sandbox.requests.length;
    const err = (await ecs.call("DescribeTasks", Q, { signal: ac.signal }).catch((e: unknown) => e)) as EcsNetworkError;
    expect(err.failure).toBe("aborted");
    expect(err.attempts).toBe(1);
    expect(sandbox.requests.length - before).toBe(1);
  });

  it("a cancellation aborts the HTTP request in flight: the sandbox sees the socket close", async () => {
    const { ecs } = client();
    sandbox.injectFaults([{ kind: "slow", ms: 30_000 }]);
    const before = sandbox.requests.length;
    const ac = new AbortController();
    const pending = ecs.call("DescribeTasks", Q, { signal: ac.signal }).catch((e: unknown) => e);
    const record = await nthRequest(sandbox, before);
    const seen = whenAborted(record);
    ac.abort();
    const err = (await pending) as EcsNetworkError;
    expect(err.failure).toBe("aborted");
    await seen; // the sandbox saw the socket close (how fast: npm run bench)
    expect(sandbox.requests.length - before).toBe(1); // not retried
  });

  it("close() aborts requests in flight and backoff waits", async () => {
    const { ecs } = client({ sleep: abortableSleep });
    sandbox.injectFaults([{ kind: "slow", ms: 30_000 }]);
    const before = sandbox.requests.length;
    const pending = ecs.call("DescribeTasks", Q).catch((e: unknown) => e);
    const record = await nthRequest(sandbox, before);
    const seen = whenAborted(record);
    await ecs.close();
    const err = (await pending) as EcsNetworkError;
    expect(err.failure).toBe("aborted");
    expect(err.message).toMatch(/shutting down/);
    await seen;
  });

  it("rejects a reused nonce, which is why each attempt draws a new one", async () => {
    const ecs = new EcsClient({
      credentials: staticCredentials({ ...SANDBOX_CREDENTIAL, providerName: "sandbox" }, new Redactor()),
      endpoint: sandbox.url,
      timeoutMs: 5_000,
      connectTimeoutMs: 2_000,
      nonce: () => "always-the-same-nonce",
      retry: { ...DEFAULT_RETRY, maxAttempts: 1 },
    });
    clients.push(ecs);
    await ecs.call("DescribeTasks", Q);
    const err = (await ecs.call("DescribeTasks", Q).catch((e: unknown) => e)) as EcsApiError;
    expect(err.code).toBe("SignatureNonceUsed");
  });
});
