// Issue 12, point 4: what upstream sends back is bounded. A body over the limit is refused while it
// is read (the sandbox sees its socket closed long before the body ends), rows beyond the PageSize
// asked for are dropped and said, and totals no count can have are refused with a clear message.
// Memory is shown bounded by behaviour (where reading stopped); the RSS figure is in `npm run bench`.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { DescribeTasksOutput } from "../../src/contracts/describe-tasks.js";
import { DEFAULT_MAX_BODY_BYTES } from "../../src/options.js";
import { startHarness, textOf, type Harness, type HarnessOptions } from "../helpers/in-memory.js";

const MiB = 1024 * 1024;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function harness(options: HarnessOptions = {}): Promise<Harness> {
  h = await startHarness({ sandbox: { tasksPerRegion: 30 }, ...options });
  return h;
}

async function describeTasks(hh: Harness, args: Record<string, unknown> = {}) {
  const before = hh.sandbox.requests.length;
  const result = await hh.client.callTool({ name: "describe_ecs_tasks", arguments: { IncludeProgress: false, ...args } });
  return { result, text: textOf(result), out: result.structuredContent as DescribeTasksOutput, requests: hh.sandbox.requests.slice(before) };
}

describe("a body over the limit is refused while it is read", () => {
  it("a 50 MB body against the default 8 MiB limit: the error comes back and the read stopped early", async () => {
    expect(DEFAULT_MAX_BODY_BYTES).toBe(8 * MiB);
    const hh = await harness();
    hh.sandbox.injectFaults([{ kind: "stream", bytes: 50 * 1000 * 1000, prefix: '{"TaskSet":{"Task":[' }], { action: "DescribeTasks" });
    const { result, text, requests } = await describeTasks(hh, { TaskStatus: "Finished" });
    expect(result.isError).toBe(true);
    expect(text).toMatch(/unusable answer: the answer is larger than the 8 MiB limit \(reading stopped after \d+ bytes\)/);
    expect(text).toMatch(/raise --max-body-bytes \/ ECS_TASKS_MCP_MAX_BODY_BYTES/);
    const record = requests[0]!;
    await vi.waitFor(() => expect(record.aborted).toBe(true));
    // Socket buffers hold a few MB past what was read; 50 MB were on offer.
    expect(record.bytesSent).toBeGreaterThan(8 * MiB);
    expect(record.bytesSent).toBeLessThan(40 * MiB);
  });

  it("an endless body against a 1 MiB limit stops at the limit", async () => {
    const hh = await harness({ config: { maxBodyBytes: MiB } });
    hh.sandbox.injectFaults([{ kind: "stream", bytes: 4 * 1024 * MiB }], { action: "DescribeTasks" });
    const { result, text, requests } = await describeTasks(hh, { TaskStatus: "Finished" });
    expect(result.isError).toBe(true);
    expect(text).toMatch(/larger than the 1 MiB limit/);
    await vi.waitFor(() => expect(requests[0]!.aborted).toBe(true));
    expect(requests[0]!.bytesSent).toBeLessThan(64 * MiB);
    // The server is fine afterwards, on a new connection.
    expect((await describeTasks(hh, { TaskStatus: "Finished" })).result.isError).toBeFalsy();
  });

  it("a Content-Length over the limit is refused before the body is read", async () => {
    const hh = await harness({ config: { maxBodyBytes: MiB } });
    hh.sandbox.injectFaults([{ kind: "stream", bytes: 512 * MiB, declareLength: true }], { action: "DescribeTasks" });
    const { result, text, requests } = await describeTasks(hh, { TaskStatus: "Finished" });
    expect(result.isError).toBe(true);
    expect(text).toMatch(/larger than the 1 MiB limit \(Content-Length 536870912; nothing was read\)/);
    await vi.waitFor(() => expect(requests[0]!.aborted).toBe(true));
    expect(requests[0]!.bytesSent).toBeLessThan(64 * MiB);
  });

  it("a body just under the limit is read as usual", async () => {
    const hh = await harness({ config: { maxBodyBytes: MiB } });
    hh.sandbox.injectFaults([{ kind: "rewrite", rewrite: (b) => ({ ...b, Padding: "p".repeat(MiB - 20_000) }) }], { action: "DescribeTasks" });
    const { result, out } = await describeTasks(hh, { TaskStatus: "Finished" });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect(out.Returned).toBeGreaterThan(0);
  });
});

describe("an error message as long as the body allows", () => {
  it("is redacted, then cut: the error text stays bounded", async () => {
    const { ERROR_TEXT_MAX } = await import("../../src/tools/error-result.js");
    const hh = await harness();
    hh.sandbox.injectFaults([{ kind: "error", status: 400, code: "Some.Error", message: "m".repeat(2 * MiB) }], { action: "DescribeTasks" });
    const { result, text } = await describeTasks(hh, { TaskStatus: "Finished" });
    expect(result.isError).toBe(true);
    expect(text.startsWith("ECS DescribeTasks failed: Some.Error — mmm")).toBe(true);
    expect(text.length).toBe(ERROR_TEXT_MAX);
    expect(text.endsWith("…")).toBe(true);
  });
});

describe("rows beyond the PageSize asked for are dropped, and the answer says so", () => {
  /** The normal answer with `extra` more rows (copies of the first with new TaskIds). */
  const padRows = (extra: number) => (body: Record<string, unknown>) => {
    const rows = (body.TaskSet as { Task: Array<Record<string, unknown>> }).Task;
    const more = Array.from({ length: extra }, (_, i) => ({ ...rows[0], TaskId: `t-bp1padded${String(i).padStart(10, "0")}` }));
    return { ...body, TaskSet: { Task: [...rows, ...more] } };
  };

  it("PageSize 5 and an answer of 20,005 rows: 5 returned, 20,000 dropped, a bounded answer", async () => {
    const hh = await harness();
    hh.sandbox.injectFaults([{ kind: "rewrite", rewrite: padRows(20_000) }], { action: "DescribeTasks" });
    const { result, text, out } = await describeTasks(hh, { TaskStatus: "Finished", PageSize: 5 });
    expect(result.isError, text).toBeFalsy();
    expect(out.Returned).toBe(5);
    expect(out.Tasks).toHaveLength(5);
    expect(out.UpstreamNote).toBe("ECS sent 20000 row(s) beyond the PageSize asked for; they were dropped unread.");
    expect(text).toMatch(/5 shown, newest first/);
    expect(text).toContain("Note: ECS sent 20000 row(s) beyond the PageSize asked for");
    expect(JSON.stringify(result).length).toBeLessThan(20_000);
  });

  it("without a PageSize the API's default of 10 bounds the page", async () => {
    const hh = await harness();
    hh.sandbox.injectFaults([{ kind: "rewrite", rewrite: padRows(300) }], { action: "DescribeTasks" });
    const { out } = await describeTasks(hh, { TaskStatus: "Finished" });
    expect(out.Returned).toBe(10);
    expect(out.UpstreamNote).toMatch(/^ECS sent 300 row\(s\) beyond/);
  });

  it("AllPages: each page is held to 100 rows", async () => {
    const hh = await harness();
    hh.sandbox.injectFaults([{ kind: "rewrite", rewrite: padRows(1_000) }], { action: "DescribeTasks" });
    const { out, requests } = await describeTasks(hh, { TaskStatus: "Finished", AllPages: true });
    expect(requests).toHaveLength(1); // the (true) total fits in one page
    expect(out.RowsRead).toBe(100);
    expect(out.UpstreamNote).toBe(`ECS sent ${out.TotalCount + 1_000 - 100} row(s) beyond the PageSize asked for; they were dropped unread.`);
  });
});

describe("totals no count can have are refused with a clear message", () => {
  it.each([
    [2 ** 60, new RegExp(`answered with a TotalCount of ${2 ** 60}, beyond 2\\^53 − 1: no real count is that large`)],
    ["99999999999999999999", /answered with a TotalCount of 100000000000000000000, beyond 2\^53 − 1/],
    [-3, /answered with a negative TotalCount \(-3\)/],
    [2.5, /answered with a TotalCount that is not a whole number \(2\.5\)/],
    ["many", /answered with a TotalCount that is not a whole number \(HTTP 200/],
    [undefined, /answered without a TotalCount/],
  ])("TotalCount %j", async (total, message) => {
    const hh = await harness();
    hh.sandbox.injectFaults([{ kind: "rewrite", rewrite: (b) => ({ ...b, TotalCount: total }) }], { action: "DescribeTasks" });
    const { result, text } = await describeTasks(hh, { TaskStatus: "Finished" });
    expect(result.isError).toBe(true);
    expect(text).toMatch(message);
    expect(text).not.toMatch(/Invalid input|expected number/);
  });

  it("a page number or size beyond 2^53 is ignored, not echoed", async () => {
    const hh = await harness();
    hh.sandbox.injectFaults([{ kind: "rewrite", rewrite: (b) => ({ ...b, PageNumber: 2 ** 70, PageSize: 2 ** 70 }) }], { action: "DescribeTasks" });
    const { result, out } = await describeTasks(hh, { TaskStatus: "Finished", PageSize: 5 });
    expect(result.isError, textOf(result)).toBeFalsy();
    expect([out.PageNumber, out.PageSize]).toEqual([1, 5]);
  });
});
