// The loopback HTTP server: receives, records, applies faults, verifies, routes, answers.
// It writes nothing to stdout/stderr: in the product, stdout carries JSON-RPC.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { RequestLog } from "./request-log.js";
import type { AddressInfo } from "node:net";
import { checkAllowed, NonceStore, verifyRequest } from "./auth.js";
import { generateTasks } from "./data.js";
import { FaultQueue, faultReply, isFlowFault, rewriteReply, truncateReply } from "./faults.js";
import { ACTIONS, settleTask, type SandboxState } from "./handlers.js";
import { missingParameter } from "./params.js";
import { DEFAULT_REGIONS } from "./regions.js";
import { errorReply, hostIdFor, jsonReply, newRequestId, type Reply } from "./reply.js";
import {
  ECS_API_VERSION,
  SANDBOX_CREDENTIAL,
  SandboxApiError,
  type RecordedRequest,
  type SandboxFault,
  type Sandbox,
  type SandboxCredential,
  type SandboxOptions,
  type SandboxTask,
} from "./types.js";

/** RPC query strings are RFC 3986 encoded: split first, then decode; `+` stays a plus. */
export function parseQuery(raw: string): Record<string, string> {
  const query: Record<string, string> = {};
  for (const part of raw.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const name = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? "" : part.slice(eq + 1);
    query[safeDecode(name)] = safeDecode(value);
  }
  return query;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // a broken escape is kept as sent; the signature check will then refuse it
  }
}

function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

/** Waits ms, or stops early (false) when the client goes away: no work for a gone client. */
function pause(res: ServerResponse, ms: number): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onClose = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.off("close", onClose);
      resolve(!res.destroyed);
    }, ms);
    res.once("close", onClose);
  });
}

/** Resolves true on 'drain', false when the client went away first. */
function drained(res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (ok: boolean) => () => {
      res.off("drain", onDrain);
      res.off("close", onClose);
      resolve(ok);
    };
    const onDrain = done(true);
    const onClose = done(false);
    res.once("drain", onDrain);
    res.once("close", onClose);
  });
}

const STREAM_CHUNK = Buffer.alloc(64 * 1024, 0x20);

/** The `stream` fault: a huge (or endless) 200 body, written only as fast as the client reads it. */
async function streamBody(res: ServerResponse, fault: Extract<SandboxFault, { kind: "stream" }>, record: RecordedRequest): Promise<void> {
  const prefix = Buffer.from(fault.prefix ?? "");
  const total = prefix.length + fault.bytes;
  res.writeHead(200, { "content-type": "application/json;charset=utf-8", ...(fault.declareLength ? { "content-length": String(total) } : {}) });
  record.status = 200;
  record.bytesSent = 0;
  let first = prefix.length > 0 ? prefix : undefined;
  while (record.bytesSent < total && !res.destroyed) {
    const chunk = first ?? STREAM_CHUNK.subarray(0, Math.min(STREAM_CHUNK.length, total - record.bytesSent));
    first = undefined;
    const more = res.write(chunk);
    record.bytesSent += chunk.length;
    if (!more && !(await drained(res))) return;
  }
  if (!res.destroyed) res.end();
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const clock = options.now ?? (() => new Date());
  const credentials: readonly SandboxCredential[] = options.credentials ?? [{ ...SANDBOX_CREDENTIAL }];
  const configured = options.regions ?? [...DEFAULT_REGIONS];
  let tasks: SandboxTask[] =
    options.tasks ??
    generateTasks({ regions: configured, perRegion: options.tasksPerRegion ?? 60, seed: options.seed ?? 1, now: clock() });
  let latencyMs = options.latencyMs ?? 0;
  const requests = new RequestLog<RecordedRequest>(options.maxRecordedRequests);
  const faults = new FaultQueue();
  const nonces = new NonceStore();
  let closing: Promise<void> | undefined;
  // Configured regions plus any region the data mentions (tests may push tasks later).
  const regions = new Set([...configured, ...tasks.map((t) => t.RegionId)]);

  const state: SandboxState = {
    get tasks() {
      return tasks;
    },
    regions: () => [...regions],
    isKnownRegion: (id) => {
      if (regions.has(id)) return true;
      if (!tasks.some((t) => t.RegionId === id)) return false;
      regions.add(id);
      return true;
    },
  };

  /** The normal path: verify, route, authorize, run the action. Never throws. */
  function answer(method: string, path: string, query: Record<string, string>, headers: Record<string, string>, body: string, requestId: string): Reply {
    const hostId = hostIdFor(query["RegionId"]);
    try {
      if (method !== "GET" && method !== "POST") {
        throw new SandboxApiError(400, "UnsupportedHTTPMethod", "This http method is not supported.");
      }
      if (path !== "/") {
        throw new SandboxApiError(404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.");
      }
      const action = headers["x-acs-action"] ?? "";
      const credential = verifyRequest({ method, path, query, headers, body, now: clock(), credentials, nonces });
      const version = headers["x-acs-version"];
      if (!version) throw missingParameter("Version");
      if (version !== ECS_API_VERSION) throw new SandboxApiError(400, "InvalidVersion", "Specified parameter Version is not valid.");
      if (!action) throw missingParameter("Action");
      const handler = Object.hasOwn(ACTIONS, action) ? ACTIONS[action] : undefined;
      if (!handler) {
        throw new SandboxApiError(404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.");
      }
      checkAllowed(credential, action);
      return jsonReply(200, handler({ query, now: clock(), requestId, state }));
    } catch (error) {
      if (error instanceof SandboxApiError) {
        return errorReply(error.status, error.code, error.message, requestId, hostId, error.headers);
      }
      // A bug in the sandbox: answer like the real service's catch-all rather than crash.
      return errorReply(500, "InternalError", "The request processing has failed due to some unknown error, exception or failure.", requestId, hostId);
    }
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const [path = "/", rawQuery = ""] = (req.url ?? "/").split("?", 2);
    const headers = lowerHeaders(req);
    const query = parseQuery(rawQuery);
    const method = (req.method ?? "GET").toUpperCase();
    const record: RecordedRequest = { method, action: headers["x-acs-action"] ?? "", query, headers, receivedAt: clock(), aborted: false };
    requests.push(record);
    let resetByUs = false;
    res.once("close", () => {
      // Sockets we destroy ourselves (reset fault, close()) are not the client going away.
      if (!res.writableFinished && !resetByUs && !closing) record.aborted = true;
    });

    let body: string;
    try {
      body = await readBody(req);
    } catch {
      if (!closing) record.aborted = true;
      return;
    }
    const requestId = newRequestId();
    // Faults come before any check: a throttled request is refused whatever it carries.
    const fault = faults.take(record.action);
    if (fault) record.fault = fault.kind;
    let reply: Reply;
    if (fault?.kind === "slow" && !(await pause(res, fault.ms))) return;
    if (fault?.kind === "reset") {
      resetByUs = true;
      req.socket.destroy();
      return;
    }
    if (fault?.kind === "stream") return streamBody(res, fault, record);
    if (fault && !isFlowFault(fault)) {
      reply = faultReply(fault, requestId, hostIdFor(query["RegionId"]), query["RegionId"] ?? "");
    } else {
      reply = answer(method, path, query, headers, body, requestId);
      if (fault?.kind === "truncated") reply = truncateReply(reply);
      if (fault?.kind === "rewrite") reply = rewriteReply(reply, fault.rewrite);
    }
    if (latencyMs > 0 && !(await pause(res, latencyMs))) return;
    if (res.destroyed) return;
    const isJson = reply.headers["content-type"]?.startsWith("application/json") ?? false;
    res.writeHead(reply.status, {
      ...reply.headers,
      ...(isJson ? { "x-acs-request-id": requestId } : {}),
      // From the sandbox clock, so a client can measure skew against the server it talks to.
      date: clock().toUTCString(),
      "content-length": String(Buffer.byteLength(reply.body)),
    });
    record.status = reply.status;
    res.end(reply.body);
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch(() => res.destroy());
  });
  // Counted so tests can see clients reuse keep-alive connections.
  let connections = 0;
  server.on("connection", () => connections++);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get connections() {
      return connections;
    },
    get tasks() {
      return tasks;
    },
    set tasks(value: SandboxTask[]) {
      tasks = value;
      for (const t of value) regions.add(t.RegionId);
    },
    injectFaults: (list, opts) => faults.add(list, opts?.action),
    clearFaults: () => faults.clear(),
    finishTask: (taskId, status = "Finished") => {
      const task = tasks.find((t) => t.TaskId === taskId);
      if (!task) throw new Error(`sandbox: no task ${taskId}`);
      settleTask(task, status, clock());
    },
    setLatency: (ms) => {
      latencyMs = Math.max(0, ms);
    },
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
