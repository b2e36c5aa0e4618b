import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { SANDBOX_CREDENTIAL, type Sandbox } from "../../src/sandbox/index.js";
import { call, type Clock, sandboxWithClock } from "./helpers.js";

const Q = { RegionId: "cn-hangzhou" };
let sb: Sandbox;
let clock: Clock;

beforeAll(async () => {
  ({ sb, clock } = await sandboxWithClock({ tasksPerRegion: 12 }));
});
afterAll(() => sb.close());
afterEach(() => {
  sb.clearFaults();
  sb.setLatency(0);
});

const describeTasks = () => call(sb, clock, "DescribeTasks", Q);

describe("faults", () => {
  it("throttle: HTTP 400 with a Throttling code, optional x-acs-retry-after", async () => {
    sb.injectFaults([{ kind: "throttle" }, { kind: "throttle", code: "Throttling.User", retryAfterSeconds: 3 }]);
    const first = await describeTasks();
    expect(first.status).toBe(400);
    expect(first.json).toMatchObject({ Code: "Throttling", HostId: "ecs.cn-hangzhou.aliyuncs.com" });
    expect(first.headers["x-acs-retry-after"]).toBeUndefined();
    const second = await describeTasks();
    expect(second.json["Code"]).toBe("Throttling.User");
    expect(second.headers["x-acs-retry-after"]).toBe("3");
    expect((await describeTasks()).status).toBe(200);
    expect(sb.requests.slice(-3).map((r) => r.fault)).toEqual(["throttle", "throttle", undefined]);
  });

  it("applies before signature checks, and is recorded", async () => {
    sb.injectFaults([{ kind: "throttle", code: "Throttling.Api" }]);
    const res = await call(sb, clock, "DescribeTasks", Q, { credential: { ...SANDBOX_CREDENTIAL, accessKeySecret: "wrong" } });
    expect(res.json["Code"]).toBe("Throttling.Api");
    expect(sb.requests.at(-1)).toMatchObject({ action: "DescribeTasks", status: 400, fault: "throttle", aborted: false });
  });

  it("unavailable and internal: 503 ServiceUnavailable, 500 InternalError", async () => {
    sb.injectFaults([{ kind: "unavailable" }, { kind: "internal" }]);
    const a = await describeTasks();
    expect([a.status, a.json["Code"]]).toEqual([503, "ServiceUnavailable"]);
    const b = await describeTasks();
    expect([b.status, b.json["Code"]]).toEqual([500, "InternalError"]);
  });

  it("reset: the socket is destroyed without an answer", async () => {
    sb.injectFaults([{ kind: "reset" }]);
    await expect(describeTasks()).rejects.toThrow();
    expect(sb.requests.at(-1)).toMatchObject({ fault: "reset", aborted: false });
    expect(sb.requests.at(-1)?.status).toBeUndefined();
    expect((await describeTasks()).status).toBe(200);
  });

  it("html: a gateway page, 502 by default", async () => {
    sb.injectFaults([{ kind: "html" }, { kind: "html", status: 504 }]);
    const a = await describeTasks();
    expect(a.status).toBe(502);
    expect(a.headers["content-type"]).toBe("text/html");
    expect(a.text).toMatch(/^<html>/);
    expect((await describeTasks()).status).toBe(504);
  });

  it("truncated: 200 with the first half of the JSON", async () => {
    sb.injectFaults([{ kind: "truncated" }]);
    const res = await describeTasks();
    expect(res.status).toBe(200);
    expect(res.text.startsWith('{"PageSize":10')).toBe(true);
    expect(() => JSON.parse(res.text) as unknown).toThrow();
  });

  it("empty: no body, 200 unless told", async () => {
    sb.injectFaults([{ kind: "empty" }, { kind: "empty", status: 503 }]);
    const a = await describeTasks();
    expect([a.status, a.text]).toEqual([200, ""]);
    const b = await describeTasks();
    expect([b.status, b.text]).toEqual([503, ""]);
  });

  it("noCode: a 400 JSON error without Code", async () => {
    sb.injectFaults([{ kind: "noCode" }]);
    const res = await describeTasks();
    expect(res.status).toBe(400);
    expect(res.json["Code"]).toBeUndefined();
    expect(typeof res.json["RequestId"]).toBe("string");
    expect(typeof res.json["Message"]).toBe("string");
  });

  it("wrongTypes: 200 with TotalCount a string and TaskSet a number", async () => {
    sb.injectFaults([{ kind: "wrongTypes" }]);
    const res = await describeTasks();
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ TotalCount: "abc", TaskSet: 42 });
  });

  it("error: any Alibaba error with extra headers", async () => {
    sb.injectFaults([{ kind: "error", status: 403, code: "Forbidden.RAM", message: "denied", headers: { "x-test": "1" } }]);
    const res = await describeTasks();
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ Code: "Forbidden.RAM", Message: "denied" });
    expect(res.headers["x-test"]).toBe("1");
  });

  it("raw: exactly the body given, with its status and content type", async () => {
    sb.injectFaults([{ kind: "raw", body: "{}" }, { kind: "raw", status: 511, body: "<p>log in</p>", contentType: "text/html" }]);
    const a = await describeTasks();
    expect([a.status, a.text]).toEqual([200, "{}"]);
    const b = await describeTasks();
    expect([b.status, b.headers["content-type"], b.text]).toEqual([511, "text/html", "<p>log in</p>"]);
  });

  it("rewrite: the normal, signed answer changed before it is sent; errors pass unchanged", async () => {
    sb.injectFaults([{ kind: "rewrite", rewrite: (body) => ({ ...body, TotalCount: -1 }) }]);
    const a = await describeTasks();
    expect(a.status).toBe(200);
    expect(a.json).toMatchObject({ TotalCount: -1, PageSize: 10, RegionId: "cn-hangzhou" });
    sb.injectFaults([{ kind: "rewrite", rewrite: () => ({ changed: true }) }]);
    const b = await call(sb, clock, "DescribeTasks", Q, { credential: { ...SANDBOX_CREDENTIAL, accessKeySecret: "wrong" } });
    expect(b.json["Code"]).toBe("SignatureDoesNotMatch");
  });

  it("stream: a body of the size asked for, counted as it is written", async () => {
    sb.injectFaults([{ kind: "stream", bytes: 300_000, prefix: "{", declareLength: true }]);
    const res = await describeTasks();
    expect(res.status).toBe(200);
    expect(res.headers["content-length"]).toBe("300001");
    expect(res.text).toHaveLength(300_001);
    expect(res.text.startsWith("{ ")).toBe(true);
    expect(sb.requests.at(-1)).toMatchObject({ fault: "stream", bytesSent: 300_001, aborted: false });
  });

  it("stream: stops writing when the client closes the socket", async () => {
    sb.injectFaults([{ kind: "stream", bytes: 10 * 1024 ** 3 }]);
    const before = sb.requests.length;
    const url = new URL(sb.url);
    const { request } = await import("undici");
    const res = await request(`${url.origin}/?RegionId=cn-hangzhou`, { method: "POST", body: "" });
    let read = 0;
    for await (const chunk of res.body) {
      read += (chunk as Buffer).length;
      if (read > 1024 * 1024) break; // leaving the loop destroys the body and the socket
    }
    const record = sb.requests.at(before)!;
    await vi.waitFor(() => expect(record.aborted).toBe(true));
    const sent = record.bytesSent!;
    expect(sent).toBeGreaterThan(1024 * 1024);
    expect(sent).toBeLessThan(1024 ** 3); // stopped: nowhere near the 10 GiB asked for
  });

  it("scopes faults to one action; clearFaults empties the queue", async () => {
    sb.injectFaults([{ kind: "internal" }], { action: "DescribeRegions" });
    expect((await describeTasks()).status).toBe(200);
    expect((await call(sb, clock, "DescribeRegions", {})).status).toBe(500);
    sb.injectFaults([{ kind: "internal" }]);
    sb.clearFaults();
    expect((await describeTasks()).status).toBe(200);
  });

  it("slow: answers normally after the delay", async () => {
    sb.injectFaults([{ kind: "slow", ms: 60 }]);
    const started = performance.now();
    const res = await describeTasks();
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(50);
    expect(sb.requests.at(-1)).toMatchObject({ fault: "slow", status: 200 });
  });

  it("records a request whose client went away before the answer", async () => {
    sb.injectFaults([{ kind: "slow", ms: 5_000 }]);
    const controller = new AbortController();
    const before = sb.requests.length;
    const victim = call(sb, clock, "DescribeTasks", Q, { signal: controller.signal });
    await vi.waitFor(() => expect(sb.requests.at(before)?.fault).toBe("slow"));
    controller.abort();
    await expect(victim).rejects.toThrow();
    const record = sb.requests.at(before);
    await vi.waitFor(() => expect(record?.aborted).toBe(true));
    expect(record?.status).toBeUndefined();
  });
});

describe("latency", () => {
  it("delays every answer by latencyMs", async () => {
    sb.setLatency(50);
    const started = performance.now();
    expect((await describeTasks()).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(40);
  });

  it("stops waiting when the client aborts", async () => {
    sb.setLatency(5_000);
    const controller = new AbortController();
    const before = sb.requests.length;
    const pending = call(sb, clock, "DescribeTasks", Q, { signal: controller.signal });
    await vi.waitFor(() => expect(sb.requests.length).toBe(before + 1));
    controller.abort();
    await expect(pending).rejects.toThrow();
    await vi.waitFor(() => expect(sb.requests.at(-1)?.aborted).toBe(true));
  });
});

describe("recording", () => {
  it("records method, action, decoded query, lowercased headers, sandbox time, status", async () => {
    clock.advance(1000);
    await call(sb, clock, "DescribeTasks", { ...Q, TaskIds: "t-1,t 2" }, { method: "GET" });
    const record = sb.requests.at(-1);
    expect(record).toMatchObject({ method: "GET", action: "DescribeTasks", status: 200, aborted: false });
    expect(record?.query).toEqual({ RegionId: "cn-hangzhou", TaskIds: "t-1,t 2" });
    expect(record?.headers["x-acs-action"]).toBe("DescribeTasks");
    expect(record?.headers["authorization"]).toMatch(/^ACS3-HMAC-SHA256 /);
    expect(record?.receivedAt.getTime()).toBe(clock.now().getTime());
  });
});
