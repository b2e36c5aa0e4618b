// OIDC mode against a local issuer: a discovery document and a JWKS served on loopback, tokens
// signed here with jose. The spawned --http server verifies signature, issuer, audience and expiry.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox, SANDBOX_CREDENTIAL } from "../../src/sandbox/index.js";
import { connectHttp, mcpHeaders, rawRequest, spawnHttp, until, type HttpReplica } from "../helpers/http.js";
import { cleanEnv } from "../helpers/spawn.js";

const AUDIENCE = "https://mcp.example.test/mcp";
let issuer: string;
let issuerServer: Server;
let key: CryptoKey;
let otherKey: CryptoKey;
let sandbox: Sandbox;
let replica: HttpReplica;
const tokens: string[] = [];

async function token(claims: { sub?: string; aud?: string; exp?: string | number; iss?: string }, signWith = key): Promise<string> {
  const jwt = await new SignJWT({})
    .setProtectedHeader({ alg: "ES256", kid: "k1" })
    .setIssuer(claims.iss ?? issuer)
    .setAudience(claims.aud ?? AUDIENCE)
    .setSubject(claims.sub ?? "carol@example.test")
    .setIssuedAt()
    .setExpirationTime(claims.exp ?? "5m")
    .sign(signWith);
  tokens.push(jwt);
  return jwt;
}

beforeAll(async () => {
  const pair = await generateKeyPair("ES256");
  key = pair.privateKey;
  otherKey = (await generateKeyPair("ES256")).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "ES256", use: "sig" };
  issuerServer = createServer((req, res) => {
    res.setHeader("content-type", "application/json");
    if (req.url === "/.well-known/openid-configuration") return void res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }));
    if (req.url === "/jwks") return void res.end(JSON.stringify({ keys: [jwk] }));
    res.statusCode = 404;
    res.end("{}");
  });
  await new Promise<void>((resolve) => issuerServer.listen(0, "127.0.0.1", resolve));
  issuer = `http://127.0.0.1:${(issuerServer.address() as AddressInfo).port}`;
  sandbox = await startSandbox();
  const env = cleanEnv({
    ALIBABA_CLOUD_ACCESS_KEY_ID: SANDBOX_CREDENTIAL.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: SANDBOX_CREDENTIAL.accessKeySecret,
    ALIBABA_CLOUD_ECS_ENDPOINT: sandbox.url,
    ALIBABA_CLOUD_REGION_ID: "cn-hangzhou",
  });
  replica = await spawnHttp(env, ["--oidc-issuer", issuer, "--oidc-audience", AUDIENCE, "--public-url", "https://mcp.example.test"]);
});

afterAll(async () => {
  await replica?.stop();
  await sandbox?.close();
  await new Promise((resolve) => issuerServer?.close(resolve));
});

describe("--http with an OIDC issuer", () => {
  it("names the issuer in the metadata and in the 401's pointer uses the public URL", async () => {
    const res = await rawRequest(replica.port, "POST", "/mcp", mcpHeaders(replica.port), "{}");
    expect(res.status).toBe(401);
    expect(res.headers["www-authenticate"]).toBe('Bearer resource_metadata="https://mcp.example.test/.well-known/oauth-protected-resource/mcp"');
    const doc = (await (await fetch(`http://127.0.0.1:${replica.port}/.well-known/oauth-protected-resource/mcp`)).json()) as Record<string, unknown>;
    expect(doc).toMatchObject({ resource: AUDIENCE, authorization_servers: [issuer] });
  });

  it("lets a valid access token in, under its subject", async () => {
    const c = await connectHttp(replica.url, await token({}));
    const r = await c.callTool({ name: "describe_ecs_tasks", arguments: { PageSize: 1 } });
    expect(r.isError).toBeFalsy();
    await c.close();
    await until(() => replica.audit().length > 0);
    expect(replica.audit()[0]).toMatchObject({ caller: "carol@example.test", tool: "describe_ecs_tasks", outcome: "ok" });
  });

  it("refuses a wrong audience, a wrong issuer, an expired token and a foreign key", async () => {
    const bad = [
      await token({ aud: "https://other.example/mcp" }),
      await token({ iss: "https://evil.example" }),
      await token({ exp: Math.floor(Date.now() / 1000) - 600 }),
      await token({}, otherKey),
    ];
    for (const t of bad) {
      const res = await rawRequest(replica.port, "POST", "/mcp", mcpHeaders(replica.port, t), JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }));
      expect(res.status).toBe(401);
      expect(res.headers["www-authenticate"]).toContain('error="invalid_token"');
    }
  });

  it("never writes a token", () => {
    const out = replica.stdout() + replica.stderr();
    for (const t of tokens) expect(out).not.toContain(t);
  });
});
