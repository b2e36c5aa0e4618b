// A per-call Profile over --http: each caller may name only the aliyun CLI profiles the policy file
// lists for them. The real built server, the real SDK client, a sandbox that checks whose key signed.
import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/http/auth.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { textOf } from "../helpers/in-memory.js";
import { connectHttp, spawnHttp, type HttpReplica } from "../helpers/http.js";
import { cleanEnv, writeCliProfiles } from "../helpers/spawn.js";

const AK = { accessKeyId: "LTAI5tHttpProfileDflt0001", accessKeySecret: "http-profile-default-secret-1" };
const STAGING = { accessKeyId: "LTAI5tHttpProfileStag0002", accessKeySecret: "http-profile-staging-secret-2" };
const PROD = { accessKeyId: "LTAI5tHttpProfileProd0003", accessKeySecret: "http-profile-prod-secret-3" };
const ALICE = `alice-${randomBytes(16).toString("hex")}`;
const BOB = `bob-${randomBytes(16).toString("hex")}`;

let sandbox: Sandbox;
let server: HttpReplica;

beforeAll(async () => {
  sandbox = await startSandbox({ credentials: [AK, STAGING, PROD] });
  const dir = mkdtempSync(join(tmpdir(), "ecs-mcp-http-profiles-"));
  writeFileSync(join(dir, "tokens"), `alice:${sha256Hex(ALICE)}\nbob:${sha256Hex(BOB)}\n`);
  writeFileSync(join(dir, "policy.json"), JSON.stringify({ callers: { alice: { tools: "read-only", profiles: ["staging"] } } }));
  const env = cleanEnv({
    ALIBABA_CLOUD_ACCESS_KEY_ID: AK.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: AK.accessKeySecret,
    ALIBABA_CLOUD_ECS_ENDPOINT: sandbox.url,
    ALIBABA_CLOUD_REGION_ID: "cn-hangzhou",
  });
  writeCliProfiles(env.HOME!, "staging", [
    { name: "staging", mode: "AK", access_key_id: STAGING.accessKeyId, access_key_secret: STAGING.accessKeySecret, region_id: "cn-shanghai" },
    { name: "prod", mode: "AK", access_key_id: PROD.accessKeyId, access_key_secret: PROD.accessKeySecret, region_id: "cn-beijing" },
  ]);
  server = await spawnHttp(env, ["--auth-tokens-file", join(dir, "tokens"), "--policy-file", join(dir, "policy.json")]);
});

afterAll(async () => {
  await server?.stop();
  await sandbox?.close();
});

const keyOf = (authorization: string | undefined) => /Credential=([^/,]+)/.exec(authorization ?? "")?.[1];
const args = (Profile: string) => ({ Profile, PageSize: 1, TaskStatus: "Finished" });

describe("Profile over --http", () => {
  it("signs with a profile the caller's policy lists, with that profile's key and region", async () => {
    const alice = await connectHttp(server.url, ALICE);
    try {
      const before = sandbox.requests.length;
      const result = await alice.callTool({ name: "describe_ecs_tasks", arguments: args("staging") });
      expect(result.isError, textOf(result)).toBeFalsy();
      expect(result.structuredContent).toMatchObject({ Profile: "staging", Query: { RegionId: "cn-shanghai" } });
      const sent = sandbox.requests.slice(before);
      expect(sent.length).toBeGreaterThan(0);
      expect(sent.every((r) => keyOf(r.headers.authorization) === STAGING.accessKeyId)).toBe(true);
    } finally {
      await alice.close();
    }
  });

  it("refuses a profile the policy does not list, naming only the allowed ones, before any request", async () => {
    const alice = await connectHttp(server.url, ALICE);
    try {
      const before = sandbox.requests.length;
      const refused = await alice.callTool({ name: "describe_ecs_tasks", arguments: args("prod") });
      expect(refused.isError).toBe(true);
      expect(textOf(refused)).toMatch(/Unknown Profile "prod"[\s\S]*Profiles you may use: staging\./);
      expect(textOf(refused)).not.toContain("prod,");
      expect(sandbox.requests.length).toBe(before);
    } finally {
      await alice.close();
    }
  });

  it("gives a caller without profiles in the policy none at all", async () => {
    const bob = await connectHttp(server.url, BOB);
    try {
      const before = sandbox.requests.length;
      const refused = await bob.callTool({ name: "describe_ecs_tasks", arguments: args("staging") });
      expect(refused.isError).toBe(true);
      expect(textOf(refused)).toMatch(/Unknown Profile "staging"/);
      expect(textOf(refused)).toMatch(/Your access policy allows no Profile on this server/);
      expect(textOf(refused)).not.toMatch(/prod|aliyun configure/);
      expect(sandbox.requests.length).toBe(before);
    } finally {
      await bob.close();
    }
  });
});
