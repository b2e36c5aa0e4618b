// Injected failures: a queue consumed one request at a time, so a test can script
// "throttled, then unavailable, then fine" and watch the client's retries against it.
import { errorReply, JSON_TYPE, jsonReply, type Reply } from "./reply.js";
import type { SandboxFault } from "./types.js";

interface QueuedFault {
  fault: SandboxFault;
  action?: string;
}

export class FaultQueue {
  private queue: QueuedFault[] = [];

  add(faults: SandboxFault[], action?: string): void {
    for (const fault of faults) this.queue.push(action === undefined ? { fault } : { fault, action });
  }

  clear(): void {
    this.queue = [];
  }

  /** The first queued fault that applies to this action, removed from the queue. */
  take(action: string): SandboxFault | undefined {
    const index = this.queue.findIndex((q) => q.action === undefined || q.action === action);
    if (index < 0) return undefined;
    const [entry] = this.queue.splice(index, 1);
    return entry?.fault;
  }
}

const THROTTLE_MESSAGES: Record<string, string> = {
  Throttling: "Request was denied due to request throttling.",
  "Throttling.User": "Request was denied due to user flow control.",
  "Throttling.Api": "Request was denied due to api flow control.",
};

const GATEWAY_HTML = (status: number): string =>
  `<html>\r\n<head><title>${status} Bad Gateway</title></head>\r\n<body>\r\n<center><h1>${status} Bad Gateway</h1></center>\r\n` +
  `<hr/>Powered by Tengine<hr><center>tengine</center>\r\n</body>\r\n</html>\r\n`;

/** Faults that alter the normal flow instead of replacing the answer; the server handles them. */
export type FlowFault = Extract<SandboxFault, { kind: "slow" | "reset" | "truncated" | "rewrite" | "stream" }>;

export function isFlowFault(fault: SandboxFault): fault is FlowFault {
  return ["slow", "reset", "truncated", "rewrite", "stream"].includes(fault.kind);
}

/** The answer for a fault that replaces the normal one. */
export function faultReply(
  fault: Exclude<SandboxFault, FlowFault>,
  requestId: string,
  hostId: string,
  regionId: string,
): Reply {
  switch (fault.kind) {
    case "throttle": {
      const code = fault.code ?? "Throttling";
      const headers: Record<string, string> =
        fault.retryAfterSeconds === undefined ? {} : { "x-acs-retry-after": String(fault.retryAfterSeconds) };
      return errorReply(400, code, THROTTLE_MESSAGES[code] ?? "Request was denied due to request throttling.", requestId, hostId, headers);
    }
    case "unavailable":
      return errorReply(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.", requestId, hostId);
    case "internal":
      return errorReply(
        500,
        "InternalError",
        "The request processing has failed due to some unknown error, exception or failure.",
        requestId,
        hostId,
      );
    case "html": {
      const status = fault.status ?? 502;
      return { status, headers: { "content-type": "text/html" }, body: GATEWAY_HTML(status) };
    }
    case "empty":
      return { status: fault.status ?? 200, headers: { "content-type": JSON_TYPE }, body: "" };
    case "noCode":
      return jsonReply(400, { RequestId: requestId, Message: "The request processing has failed." });
    case "wrongTypes":
      // Well-formed JSON with the wrong types: the client's schema validation must catch it.
      return jsonReply(200, { RequestId: requestId, PageSize: 10, PageNumber: 1, RegionId: regionId, TotalCount: "abc", TaskSet: 42 });
    case "error":
      return errorReply(fault.status, fault.code, fault.message, requestId, hostId, fault.headers ?? {});
    case "raw":
      return { status: fault.status ?? 200, headers: { "content-type": fault.contentType ?? JSON_TYPE }, body: fault.body };
  }
}

/** A normal 200 answer changed by the fault's `rewrite`; error answers pass unchanged. */
export function rewriteReply(reply: Reply, rewrite: (body: Record<string, unknown>) => unknown): Reply {
  if (reply.status !== 200) return reply;
  return { ...reply, body: JSON.stringify(rewrite(JSON.parse(reply.body) as Record<string, unknown>)) };
}

/** The first half of a normal answer: a 200 whose JSON stops mid-way. */
export function truncateReply(reply: Reply): Reply {
  return { ...reply, status: 200, body: reply.body.slice(0, Math.floor(reply.body.length / 2)) };
}
