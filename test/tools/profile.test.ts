// Profile on every tool: another account's credentials (from ~/.aliyun/config.json, through the
// official CLI-profile provider) and its region, for that call only; an unknown profile refused
// before any request; a caller's policy limiting the profiles it may name.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { DescribeTasksOutput } from "../../src/contracts/describe-tasks.js";
import { SANDBOX_CREDENTIAL } from "../../src/sandbox/index.js";
import { startHarness, textOf, type Harness, type HarnessOptions } from "../helpers/in-memory.js";
import { writeCliProfiles } from "../helpers/spawn.js";

const PROD = { accessKeyId: "LTAI5tProdAccount00000001", accessKeySecret: "prod-secret-0000000001" };
const STAGING = { accessKeyId: "LTAI5tStagingAccount00002", accessKeySecret: "staging-secret-000000002" };

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function profilesHome(): string {
  const home = mkdtempSync(join(tmpdir(), "ecs-mcp-profiles-"));
  writeCliProfiles(home, "prod", [
    { name: "prod", mode: "AK", access_key_id: PROD.accessKeyId, access_key_secret: PROD.accessKeySecret, region_id: "cn-hangzhou" },
    { name: "staging", mode: "AK", access_key_id: STAGING.accessKeyId, access_key_secret: STAGING.accessKeySecret, region_id: "cn-shanghai" },
  ]);
  return home;
}

async function harness(options: HarnessOptions = {}): Promise<Harness> {
  h = await startHarness({
    sandbox: { credentials: [{ ...SANDBOX_CREDENTIAL }, PROD, STAGING] },
    profilesHome: profilesHome(),
    ...options,
  });
  return h;
}

const keyOf = (authorization: string | undefined) => /Credential=([^,]+)/.exec(authorization ?? "")?.[1];

describe("Profile", () => {
  it("signs with the named profile's credentials and uses its region, for that call only", async () => {
    const hh = await harness();
    const before = hh.sandbox.requests.length;
    const result = await hh.client.callTool({ name: "describe_ecs_tasks", arguments: { Profile: "staging", IncludeProgress: false } });
    expect(result.isError, textOf(result)).toBeFalsy();
    const out = result.structuredContent as DescribeTasksOutput;
    expect(out).toMatchObject({ Profile: "staging", CredentialProvider: "cli_profile/static_ak", Query: { RegionId: "cn-shanghai", RegionSource: "cli_profile" } });
    expect(textOf(result)).toContain("Profile: staging (credentials: cli_profile/static_ak).");
    const sent = hh.sandbox.requests.slice(before);
    expect(sent.length).toBeGreaterThan(0);
    for (const r of sent) {
      expect(keyOf(r.headers.authorization)).toBe(STAGING.accessKeyId);
      expect(r.query.RegionId).toBe("cn-shanghai");
    }
    // Every row as CSV, read under the same profile.
    expect(out.AllRows?.Uri).toMatch(/&Profile=staging$/);
    const mark = hh.sandbox.requests.length;
    const csv = await hh.client.readResource({ uri: out.AllRows!.Uri });
    expect((csv.contents[0] as { text: string }).text).toMatch(/^TaskId,/);
    const csvRequests = hh.sandbox.requests.slice(mark);
    expect(csvRequests.length).toBeGreaterThan(0);
    expect(csvRequests.every((r) => keyOf(r.headers.authorization) === STAGING.accessKeyId)).toBe(true);

    // The next call without Profile: the server's own credentials and region again.
    const plain = await hh.client.callTool({ name: "describe_ecs_tasks", arguments: { IncludeProgress: false } });
    expect(plain.structuredContent).toMatchObject({ CredentialProvider: "sandbox", Query: { RegionId: "cn-hangzhou" } });
    expect((plain.structuredContent as DescribeTasksOutput).Profile).toBeUndefined();
    expect(keyOf(hh.sandbox.requests.at(-1)!.headers.authorization)).toBe(SANDBOX_CREDENTIAL.accessKeyId);
  });

  it("works on the attribute and wait tools too, and carries Profile into the arguments to resume", async () => {
    const hh = await harness();
    const [task] = hh.sandbox.tasks.filter((t) => t.RegionId === "cn-shanghai" && t.TaskStatus === "Processing" && t.TaskAction === "ImportImage");
    const attr = await hh.client.callTool({ name: "describe_ecs_task_attribute", arguments: { TaskId: task!.TaskId, Profile: "staging" } });
    expect(attr.structuredContent).toMatchObject({ Profile: "staging", RegionId: "cn-shanghai", CredentialProvider: "cli_profile/static_ak" });
    const wait = await hh.client.callTool({ name: "wait_for_ecs_tasks", arguments: { TaskIds: [task!.TaskId], TimeoutSeconds: 2, Profile: "staging" } });
    expect(wait.structuredContent).toMatchObject({ Profile: "staging", ResumeArguments: { Profile: "staging", RegionId: "cn-shanghai" } });
  });

  it("refuses an unknown profile before any request, listing the profiles that exist", async () => {
    const hh = await harness();
    const before = hh.sandbox.requests.length;
    const result = await hh.client.callTool({ name: "describe_ecs_tasks", arguments: { Profile: "qa" } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/Unknown Profile "qa"/);
    expect(textOf(result)).toMatch(/Profiles you may use: prod, staging\./);
    expect(hh.sandbox.requests.length).toBe(before);
  });

  it("lists and accepts only the profiles the caller's policy allows", async () => {
    const hh = await harness({ caller: { name: "team bot", allowedTools: "read-only", allowedProfiles: ["staging"], mayCancel: false } });
    const before = hh.sandbox.requests.length;
    const result = await hh.client.callTool({ name: "describe_ecs_task_attribute", arguments: { TaskId: "t-bp1abcdefgh", Profile: "prod" } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/Unknown Profile "prod"[\s\S]*Profiles you may use: staging\./);
    expect(textOf(result)).not.toMatch(/prod, staging/);
    expect(hh.sandbox.requests.length).toBe(before);
  });
});
