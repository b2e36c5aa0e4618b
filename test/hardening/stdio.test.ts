// Issue 12, point 3 (and the EPIPE part of point 10): stdin and stdout at their limits, through the
// spawned binary. A message over the 1 MiB limit is discarded as it streams in and answered with a
// JSON-RPC error when its id can be found; the server goes on serving. A line that is not JSON-RPC
// gets a parse error. With stdout closed by the client, the server leaves with one stderr line.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { findRequestId, LineLimiter, MAX_MESSAGE_BYTES, type OversizedMessage } from "../../src/stdio.js";
import { cleanEnv, SERVER_ENTRY } from "../helpers/spawn.js";
import { STACK_LINE } from "../reliability/support.js";

const INIT = { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "t", version: "1" } } };

interface Child {
  child: ChildProcess;
  stderr: () => string;
  /** Resolves with the first stdout message that has this id. */
  response(id: number | string): Promise<Record<string, any>>;
  /** Every stdout message so far. */
  messages: Array<Record<string, any>>;
}

function start(): Child {
  const child = spawn(process.execPath, [SERVER_ENTRY, "--sandbox"], { env: cleanEnv(), stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  let err = "";
  const messages: Array<Record<string, any>> = [];
  const waiting = new Map<number | string, (m: Record<string, any>) => void>();
  child.stdout.on("data", (d: Buffer) => {
    out += d.toString("utf8");
    for (let nl = out.indexOf("\n"); nl >= 0; nl = out.indexOf("\n")) {
      const message = JSON.parse(out.slice(0, nl)) as Record<string, any>;
      out = out.slice(nl + 1);
      messages.push(message);
      waiting.get(message.id)?.(message);
    }
  });
  child.stderr.on("data", (d: Buffer) => (err += d.toString("utf8")));
  return {
    child,
    messages,
    stderr: () => err,
    response: (id) =>
      new Promise((resolve) => {
        const found = messages.find((m) => m.id === id);
        if (found) resolve(found);
        else waiting.set(id, resolve);
      }),
  };
}

const send = (c: Child, message: unknown) => c.child.stdin!.write(`${JSON.stringify(message)}\n`);

/** Writes `bytes` of a tool call's argument in 1 MiB pieces, the way a client would stream it. */
async function writeHuge(c: Child, bytes: number, id: number | undefined, newline = true): Promise<void> {
  const head = '{"jsonrpc":"2.0","method":"tools/call","params":{"name":"describe_ecs_tasks","arguments":{"TimeRange":"';
  c.child.stdin!.write(head);
  const piece = "x".repeat(1024 * 1024);
  for (let written = 0; written < bytes; written += piece.length) {
    if (!c.child.stdin!.write(piece)) await once(c.child.stdin!, "drain");
  }
  // The MCP SDK puts the id last.
  c.child.stdin!.write(`"}}${id !== undefined ? `,"id":${id}` : ""}}${newline ? "\n" : ""}`);
}

describe("a message over the limit", () => {
  it("12 MB (past the SDK's 10 MB read buffer): answered with an error for its id, logged once, and the server goes on", async () => {
    const c = start();
    send(c, INIT);
    await c.response(1);
    await writeHuge(c, 12 * 1024 * 1024, 7);
    send(c, { jsonrpc: "2.0", id: 8, method: "tools/list" });
    const refused = await c.response(7);
    expect(refused.error).toMatchObject({ code: -32600 });
    expect(refused.error.message).toMatch(new RegExp(`^Request too large: \\d+ bytes, over the ${MAX_MESSAGE_BYTES}-byte limit for one message; it was discarded unread\\.$`));
    const listed = await c.response(8);
    expect(listed.result.tools.map((t: { name: string }) => t.name)).toContain("describe_ecs_tasks");
    // A real call still works afterwards.
    send(c, { jsonrpc: "2.0", id: 9, method: "tools/call", params: { name: "describe_ecs_tasks", arguments: { PageSize: 1, IncludeProgress: false } } });
    expect((await c.response(9)).result.isError).toBeFalsy();
    const exited = once(c.child, "exit");
    c.child.stdin!.end();
    expect((await exited)[0]).toBe(0);
    const lines = c.stderr().split("\n").filter((l) => /discarded a \d+-byte message from stdin: over the 1048576-byte limit; request 7 was answered with an error/.test(l));
    expect(lines).toHaveLength(1);
    expect(c.stderr()).not.toMatch(STACK_LINE);
  });

  it("without an id it can find: an error without id, and the server goes on", async () => {
    const c = start();
    send(c, INIT);
    await c.response(1);
    await writeHuge(c, 2 * 1024 * 1024, undefined);
    send(c, { jsonrpc: "2.0", id: 2, method: "tools/list" });
    await c.response(2);
    const error = c.messages.find((m) => m.error && m.id === undefined);
    expect(error?.error.message).toMatch(/^Request too large/);
    expect(c.stderr()).toMatch(/no request id found to answer/);
    c.child.kill("SIGTERM");
    expect((await once(c.child, "exit"))[0]).toBe(0);
  });

  it("a line that is not JSON gets a parse error, and the server goes on", async () => {
    const c = start();
    send(c, INIT);
    await c.response(1);
    c.child.stdin!.write("this is not json\n");
    send(c, { jsonrpc: "2.0", id: 2, method: "tools/list" });
    await c.response(2);
    expect(c.messages.find((m) => m.error?.code === -32700)?.error.message).toBe("Parse error: the line is not JSON.");
    c.child.stdin!.end();
    expect((await once(c.child, "exit"))[0]).toBe(0);
  });
});

describe("LineLimiter", () => {
  it("passes lines up to the limit whole, however they are split; drops longer ones while they stream", async () => {
    const seen: OversizedMessage[] = [];
    const limiter = new LineLimiter(10, (m) => seen.push(m));
    const out: string[] = [];
    limiter.on("data", (d: Buffer) => out.push(d.toString()));
    for (const piece of ["0123", "456789\nabc", "defghijklmnop", "qrs\nok\n", "tail"]) limiter.write(piece);
    limiter.end();
    await once(limiter, "end");
    expect(out.join("")).toBe("0123456789\nok\ntail");
    expect(seen).toEqual([{ bytes: 19, id: undefined, ended: true }]);
  });

  it("finds the id at the start or the end of a line, never inside", () => {
    expect(findRequestId('{"jsonrpc":"2.0","id":12,"method":"x"', "")).toBe(12);
    expect(findRequestId('{"id":"abc","method":"x"', "")).toBe("abc");
    expect(findRequestId('{"method":"tools/call","params":{', ',"jsonrpc":"2.0","id":5}')).toBe(5);
    expect(findRequestId('{"method":"tools/call","params":{', '"arguments":{"id":5}}}')).toBeUndefined();
    expect(findRequestId('{"method":"x","params":{"id":3', "")).toBeUndefined();
  });
});

describe("stdout closed by the client", () => {
  it("one stderr line, no traces, and the process exits", async () => {
    const child = spawn(process.execPath, [SERVER_ENTRY, "--sandbox"], { env: cleanEnv(), stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.stdout.destroy(); // the client closes its read end
    const exited = once(child, "exit");
    // Each request wants an answer on the closed stdout.
    for (let id = 1; id <= 20; id++) child.stdin.write(`${JSON.stringify({ ...INIT, id })}\n`);
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
    expect(stderr.trim().split("\n")).toEqual(["ecs-tasks-mcp: stdout was closed by the client (EPIPE); exiting"]);
  });
});
