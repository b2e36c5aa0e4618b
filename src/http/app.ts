// The HTTP face of the server: /healthz, the RFC 9728 protected-resource metadata, and /mcp, where
// each POST gets its own McpServer (createServer with the process's shared parts) and its own
// stateless StreamableHTTPServerTransport, so any replica answers any request.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { callerFrom, type Caller, type Policy } from "../policy.js";
import type { Authenticator } from "./auth.js";
import { BodyTooLarge, hostAllowed, originAllowed, RateLimiter, readBody, type HostPolicy } from "./guards.js";

export const MCP_PATH = "/mcp";
export const HEALTH_PATH = "/healthz";
export const METADATA_PATH = "/.well-known/oauth-protected-resource/mcp";
/** The caller name when no auth method is configured (loopback only). */
export const LOCAL_CALLER = "local";

export interface HttpAppOptions {
  hosts: HostPolicy;
  /** The origin clients use (else http://<Host header>). */
  publicUrl?: string;
  /** Absent only on loopback: then every request is the LOCAL_CALLER. */
  auth?: Authenticator;
  policy?: Policy;
  rateLimit: number;
  /** A fresh MCP server for one request, for this caller. */
  newServer(caller: Caller): McpServer;
  log(level: "debug" | "warning" | "error", message: string): void;
}

export interface HttpApp {
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Requests being answered now. */
  inFlight(): number;
  /** From now on every request gets 503 (the process is stopping). */
  stopAccepting(): void;
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store", ...headers });
  res.end(JSON.stringify(body));
}

/** A JSON-RPC error body (what MCP clients parse) for refusals before any MCP. */
function rpcError(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  json(res, status, { jsonrpc: "2.0", error: { code: -32000, message }, id: null }, headers);
}

/** True when some request in the body asks for progress (its answer then streams as SSE). */
export function asksForProgress(body: unknown): boolean {
  const messages: unknown[] = Array.isArray(body) ? body : [body];
  return messages.some((m) => {
    const meta = (m as { id?: unknown; params?: { _meta?: { progressToken?: unknown } } } | null)?.params?._meta;
    return (m as { id?: unknown } | null)?.id !== undefined && meta?.progressToken !== undefined;
  });
}

export function createHttpApp(o: HttpAppOptions): HttpApp {
  const limiter = new RateLimiter(o.rateLimit);
  let inFlight = 0;
  let accepting = true;
  const baseOf = (req: IncomingMessage) => o.publicUrl ?? `http://${req.headers.host ?? "localhost"}`;

  const metadata = (req: IncomingMessage) => ({
    resource: `${baseOf(req)}${MCP_PATH}`,
    ...(o.auth?.issuer ? { authorization_servers: [o.auth.issuer] } : {}),
    bearer_methods_supported: ["header"],
    resource_name: "ecs-tasks-mcp",
    resource_documentation: "https://github.com/ecs-tasks-mcp/ecs-tasks-mcp/blob/main/docs/deploy.md",
  });

  async function authenticate(req: IncomingMessage, res: ServerResponse): Promise<string | undefined> {
    if (!o.auth) return LOCAL_CALLER;
    const header = req.headers.authorization ?? "";
    const m = /^Bearer +([\x21-\x7e]{1,4096})$/i.exec(header.trim());
    const name = m ? await o.auth.authenticate(m[1]!) : undefined;
    if (name) return name;
    // Failed attempts share a bucket per peer address: guessing costs as much as the rate limit allows.
    const wait = limiter.take(`!unauthenticated ${req.socket.remoteAddress ?? "?"}`);
    if (wait > 0) {
      rpcError(res, 429, "Too many failed authentication attempts", { "retry-after": String(wait) });
      return undefined;
    }
    const challenge = `Bearer resource_metadata="${baseOf(req)}${METADATA_PATH}"${m ? ', error="invalid_token"' : ""}`;
    rpcError(res, 401, m ? "Unauthorized: the bearer token is not valid" : "Unauthorized: send Authorization: Bearer <token>", {
      "www-authenticate": challenge,
    });
    return undefined;
  }

  async function serveMcp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const name = await authenticate(req, res);
    if (name === undefined) return;
    if (req.method !== "POST") {
      // Stateless: no standalone SSE stream (GET) and no session to end (DELETE).
      return rpcError(res, 405, "Method not allowed: this server is stateless, POST JSON-RPC to /mcp", { allow: "POST" });
    }
    const wait = limiter.take(name);
    if (wait > 0) return rpcError(res, 429, `Too many requests: at most ${o.rateLimit} a minute per caller`, { "retry-after": String(wait) });
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch (err) {
      if (err instanceof BodyTooLarge) return rpcError(res, 413, "Request body too large", { connection: "close" });
      return json(res, 400, { jsonrpc: "2.0", error: { code: -32700, message: "Parse error: invalid JSON" }, id: null });
    }
    const server = o.newServer(callerFrom(o.policy, name));
    // JSON for a plain call; SSE when the call sends progress (the client must accept both anyway).
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: !asksForProgress(body) });
    res.on("close", () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  }

  return {
    inFlight: () => inFlight,
    stopAccepting: () => void (accepting = false),
    handle(req, res) {
      const path = (req.url ?? "/").split("?")[0];
      if (path === HEALTH_PATH) {
        // For load balancers: no auth, no Host check; 503 once draining so traffic moves away.
        return accepting ? json(res, 200, { status: "ok" }) : json(res, 503, { status: "stopping" });
      }
      if (!hostAllowed(o.hosts, req.headers.host) || !originAllowed(o.hosts, req.headers.origin, o.publicUrl)) {
        return rpcError(res, 403, "Forbidden: Host or Origin not allowed");
      }
      if (path === METADATA_PATH) return json(res, 200, metadata(req));
      if (path !== MCP_PATH) return json(res, 404, { error: "not found" });
      if (!accepting) return rpcError(res, 503, "Service unavailable: the server is stopping", { connection: "close", "retry-after": "1" });
      inFlight++;
      let done = false;
      const finish = () => {
        if (!done) inFlight--;
        done = true;
      };
      res.on("close", finish);
      serveMcp(req, res).catch((err: unknown) => {
        o.log("error", `HTTP request failed: ${err instanceof Error ? err.message : String(err)}`);
        if (!res.headersSent) rpcError(res, 500, "Internal server error");
        else res.end();
        finish();
      });
    },
  };
}
