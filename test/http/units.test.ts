// The HTTP guards, the tokens file, the policy and the start-up checks, as pure functions.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/errors.js";
import { asksForProgress } from "../../src/http/app.js";
import { parseTokensFile, sha256Hex, tokenAuthenticator } from "../../src/http/auth.js";
import { hostAllowed, hostPolicy, originAllowed, RateLimiter } from "../../src/http/guards.js";
import { checkHttp } from "../../src/doctor/http-check.js";
import { httpSecurity } from "../../src/http/settings.js";
import type { ServerConfig } from "../../src/options.js";
import { callerFrom, defaultCaller, mayUseProfile, mayUseTool, parsePolicy } from "../../src/policy.js";

const base: ServerConfig = { timeoutMs: 1000, connectTimeoutMs: 1000, maxBodyBytes: 8 << 20, credentialsTimeoutMs: 10_000, sandbox: false };

describe("the tokens file", () => {
  it("maps a token to its name by digest, and nothing else", async () => {
    const auth = tokenAuthenticator(parseTokensFile(`# team\n\nalice:${sha256Hex("tok-a")}\r\nbob:${sha256Hex("tok-b").toUpperCase()}\n`, "F"));
    expect(await auth.authenticate("tok-a")).toBe("alice");
    expect(await auth.authenticate("tok-b")).toBe("bob");
    expect(await auth.authenticate("tok-c")).toBeUndefined();
    expect(await auth.authenticate("")).toBeUndefined();
  });

  it("refuses a malformed line without quoting it (it may be a raw token)", () => {
    const raw = "alice:this-is-a-raw-secret-token";
    expect(() => parseTokensFile(raw, "F")).toThrow(ConfigError);
    try {
      parseTokensFile(raw, "F");
    } catch (err) {
      expect((err as Error).message).toContain("line 1");
      expect((err as Error).message).not.toContain("this-is-a-raw-secret-token");
    }
    expect(() => parseTokensFile("# nothing\n", "F")).toThrow(/no token/);
    expect(() => parseTokensFile(`a:${sha256Hex("1")}\na:${sha256Hex("2")}`, "F")).toThrow(/twice/);
  });
});

describe("the policy", () => {
  it("gives unnamed callers the read-only tools and the default credentials", () => {
    const c = defaultCaller("x");
    expect(mayUseTool(c, "describe_ecs_tasks", "read")).toBe(true);
    expect(mayUseTool(c, "cancel_ecs_task", "destructive")).toBe(false);
    expect(mayUseProfile(c, undefined)).toBe(true);
    expect(mayUseProfile(c, "prod")).toBe(false);
    expect(mayUseTool(undefined, "cancel_ecs_task", "destructive")).toBe(true); // stdio: no caller
  });

  it("grants exactly what the file names, cancel included only by name", () => {
    const policy = parsePolicy(
      JSON.stringify({ callers: { ops: { tools: ["describe_ecs_tasks", "cancel_ecs_task"], profiles: ["prod"] }, viewer: { tools: "read-only" } } }),
      "P",
    );
    const ops = callerFrom(policy, "ops");
    expect(ops).toEqual({ name: "ops", allowedTools: ["describe_ecs_tasks", "cancel_ecs_task"], allowedProfiles: ["prod"], mayCancel: true, canElicit: false });
    expect(mayUseTool(ops, "wait_for_ecs_tasks", "read")).toBe(false);
    expect(mayUseTool(ops, "cancel_ecs_task", "destructive")).toBe(true);
    expect(mayUseProfile(ops, "prod")).toBe(true);
    expect(callerFrom(policy, "viewer").mayCancel).toBe(false);
    expect(callerFrom(policy, "stranger")).toEqual(defaultCaller("stranger"));
  });

  it("refuses unknown fields and bad shapes", () => {
    expect(() => parsePolicy("{", "P")).toThrow(/not valid JSON/);
    expect(() => parsePolicy(JSON.stringify({ callers: { a: { tool: ["x"] } } }), "P")).toThrow(/may only have/);
    expect(() => parsePolicy(JSON.stringify({ users: {} }), "P")).toThrow(ConfigError);
    expect(() => parsePolicy(JSON.stringify({ callers: { a: { tools: [1] } } }), "P")).toThrow(/list of names/);
  });
});

describe("Host and Origin", () => {
  it("accept only loopback names when bound to loopback", () => {
    const p = hostPolicy("127.0.0.1", undefined);
    for (const h of ["127.0.0.1:3000", "localhost:3000", "[::1]:3000", "localhost"]) expect(hostAllowed(p, h), h).toBe(true);
    for (const h of ["evil.example", "evil.example:3000", "127.0.0.1.evil.example", undefined]) expect(hostAllowed(p, h), String(h)).toBe(false);
    expect(originAllowed(p, undefined, undefined)).toBe(true);
    expect(originAllowed(p, "http://localhost:5173", undefined)).toBe(true);
    expect(originAllowed(p, "http://evil.example", undefined)).toBe(false);
    expect(originAllowed(p, "null", undefined)).toBe(false);
  });

  it("accept the configured names beyond loopback, and the public URL's origin", () => {
    const p = hostPolicy("0.0.0.0", "mcp.example.com, mcp.internal:3000");
    expect(hostAllowed(p, "mcp.example.com")).toBe(true);
    expect(hostAllowed(p, "MCP.example.com:443")).toBe(true);
    expect(hostAllowed(p, "mcp.internal:3000")).toBe(true);
    expect(hostAllowed(p, "localhost:3000")).toBe(false);
    expect(originAllowed(p, "https://mcp.example.com", undefined)).toBe(true);
    expect(originAllowed(p, "https://evil.example", "https://mcp.example.com")).toBe(false);
    expect(originAllowed(p, "https://gw.example.com", "https://gw.example.com")).toBe(true);
  });
});

describe("the rate limiter", () => {
  it("lets N a minute through per caller and says when to come back", () => {
    let t = 0;
    const limiter = new RateLimiter(2, () => t);
    expect([limiter.take("a"), limiter.take("a"), limiter.take("b")]).toEqual([0, 0, 0]);
    t = 15_000;
    expect(limiter.take("a")).toBe(45);
    t = 60_000;
    expect(limiter.take("a")).toBe(0);
  });
});

describe("SSE or JSON", () => {
  it("streams only requests that carry a progressToken", () => {
    expect(asksForProgress({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { _meta: { progressToken: 3 } } })).toBe(true);
    expect(asksForProgress({ jsonrpc: "2.0", id: 1, method: "tools/call", params: {} })).toBe(false);
    expect(asksForProgress([{ jsonrpc: "2.0", method: "notifications/x", params: { _meta: { progressToken: 1 } } }])).toBe(false);
    expect(asksForProgress(null)).toBe(false);
  });
});

describe("the HTTP settings at start", () => {
  const dir = mkdtempSync(join(tmpdir(), "ecs-mcp-http-units-"));
  it("refuse an exposed server without auth, and conflicting or half OIDC settings", () => {
    expect(() => httpSecurity({ ...base, host: "0.0.0.0" })).toThrow(/--auth-tokens-file FILE .* or --oidc-issuer URL/);
    expect(() => httpSecurity({ ...base, host: "::" })).toThrow(/refusing/);
    expect(httpSecurity({ ...base, host: "127.0.0.1" })).toEqual({ summary: "no auth (loopback only); policy: every caller read-only, default credentials" });
    expect(() => httpSecurity({ ...base, oidcIssuer: "https://i.example" })).toThrow(/--oidc-audience/);
    expect(() => httpSecurity({ ...base, oidcIssuer: "https://i.example", oidcAudience: "a", authTokensFile: "/x" })).toThrow(/choose one/);
    expect(() => httpSecurity({ ...base, authTokensFile: join(dir, "missing") })).toThrow(/cannot be read \(ENOENT\)/);
  });

  it("accept a tokens file and a policy file", () => {
    writeFileSync(join(dir, "t"), `a:${sha256Hex("x")}\n`);
    writeFileSync(join(dir, "p.json"), JSON.stringify({ callers: { a: { tools: ["describe_ecs_tasks"] } } }));
    const s = httpSecurity({ ...base, host: "0.0.0.0", authTokensFile: join(dir, "t"), policyFile: join(dir, "p.json") });
    expect(s.auth?.kind).toBe("tokens");
    expect(s.policy?.get("a")?.allowedTools).toEqual(["describe_ecs_tasks"]);
  });
});

describe("doctor --http", () => {
  const free = () => Promise.resolve(undefined);
  it("passes on loopback, warns beyond it without --allowed-hosts, fails without auth or on a busy port", async () => {
    expect(await checkHttp({ ...base, host: "127.0.0.1", port: 3000 }, free)).toMatchObject({ id: "http", status: "pass" });
    const dir = mkdtempSync(join(tmpdir(), "ecs-mcp-doctor-http-"));
    writeFileSync(join(dir, "t"), `a:${sha256Hex("x")}\n`);
    const exposed = { ...base, host: "0.0.0.0", authTokensFile: join(dir, "t") };
    expect(await checkHttp(exposed, free)).toMatchObject({ status: "warn", detail: expect.stringContaining("1 caller(s)") as unknown });
    expect(await checkHttp({ ...exposed, allowedHosts: "mcp.example.com" }, free)).toMatchObject({ status: "pass" });
    expect(await checkHttp({ ...base, host: "0.0.0.0" }, free)).toMatchObject({ status: "fail", detail: expect.stringContaining("refusing") as unknown });
    writeFileSync(join(dir, "bad"), "alice:raw-token\n");
    expect(await checkHttp({ ...exposed, authTokensFile: join(dir, "bad") }, free)).toMatchObject({ status: "fail", detail: expect.stringContaining("line 1") as unknown });
    expect(await checkHttp({ ...base }, () => Promise.resolve("EADDRINUSE"))).toMatchObject({ status: "fail", detail: expect.stringContaining("EADDRINUSE") as unknown });
  });
});
