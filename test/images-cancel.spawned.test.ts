// The built binary, spawned as a client would, against a sandbox in this process: cancel_ecs_task
// only with --allow-cancel (audited on stderr), image names, and Profile choosing another account.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DescribeTasksOutput } from "../src/contracts/describe-tasks.js";
import { startSandbox, type Sandbox } from "../src/sandbox/index.js";
import { textOf } from "./helpers/in-memory.js";
import { cleanEnv, nonJsonRpcLines, spawnServer, writeCliProfiles, type Spawned } from "./helpers/spawn.js";

const AK = { accessKeyId: "LTAI5tSpawnDefault000001", accessKeySecret: "spawn-default-secret-0001" };
const STAGING = { accessKeyId: "LTAI5tSpawnStaging000002", accessKeySecret: "spawn-staging-secret-0002" };

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ credentials: [AK, STAGING] });
});
afterAll(async () => sandbox.close());

function env(): Record<string, string> {
  const e = cleanEnv({
    ALIBABA_CLOUD_ECS_ENDPOINT: sandbox.url,
    ALIBABA_CLOUD_REGION_ID: "cn-hangzhou",
    ALIBABA_CLOUD_ACCESS_KEY_ID: AK.accessKeyId,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: AK.accessKeySecret,
  });
  writeCliProfiles(e.HOME!, "staging", [
    { name: "staging", mode: "AK", access_key_id: STAGING.accessKeyId, access_key_secret: STAGING.accessKeySecret, region_id: "cn-shanghai" },
  ]);
  return e;
}

async function withServer(args: string[], fn: (s: Spawned) => Promise<void>): Promise<string> {
  const s = await spawnServer(env(), args);
  try {
    await fn(s);
  } finally {
    await s.close();
  }
  expect(nonJsonRpcLines(s.transport.rawStdout)).toEqual([]);
  expect(s.transport.rawStderr).not.toContain(STAGING.accessKeySecret);
  return s.transport.rawStderr;
}

const keyOf = (authorization: string | undefined) => /Credential=([^,]+)/.exec(authorization ?? "")?.[1];

describe("the spawned server", () => {
  it("offers no cancel_ecs_task without --allow-cancel", async () => {
    await withServer([], async ({ client }) => {
      expect((await client.listTools()).tools.map((t) => t.name)).not.toContain("cancel_ecs_task");
    });
  });

  it("with --allow-cancel and a client that cannot ask: refuses without Confirm, cancels once with it, audits on stderr", async () => {
    const running = sandbox.tasks.find((t) => t.imageName === "ubuntu2204-golden")!;
    const stderr = await withServer(["--allow-cancel"], async ({ client }) => {
      const list = await client.callTool({ name: "describe_ecs_tasks", arguments: { TaskIds: [running.TaskId] } });
      expect((list.structuredContent as DescribeTasksOutput).Tasks[0]!.ImageName).toBe("ubuntu2204-golden");
      const before = sandbox.requests.length;
      const refused = await client.callTool({ name: "cancel_ecs_task", arguments: { TaskId: running.TaskId } });
      expect(refused.isError).toBe(true);
      expect(textOf(refused)).toMatch(/Ask the person/);
      const done = await client.callTool({ name: "cancel_ecs_task", arguments: { TaskId: running.TaskId, Confirm: true } });
      expect(done.structuredContent).toMatchObject({ Outcome: "cancelled", TaskStatus: "Failed", ImageName: "ubuntu2204-golden" });
      expect(sandbox.requests.slice(before).filter((r) => r.action === "CancelTask")).toHaveLength(1);
    });
    expect(stderr).toMatch(new RegExp(`audit cancel_ecs_task: sending CancelTask for the ImportImage task ${running.TaskId} .*\\(caller: local user\\)`));
  });

  it("signs a Profile call with that profile's key and region, and refuses an unknown profile before any request", async () => {
    await withServer([], async ({ client }) => {
      const before = sandbox.requests.length;
      const result = await client.callTool({ name: "describe_ecs_tasks", arguments: { Profile: "staging", PageSize: 1, TaskStatus: "Finished" } });
      expect(result.isError, textOf(result)).toBeFalsy();
      expect(result.structuredContent).toMatchObject({ Profile: "staging", CredentialProvider: "cli_profile/static_ak", Query: { RegionId: "cn-shanghai" } });
      const sent = sandbox.requests.slice(before);
      expect(sent.every((r) => keyOf(r.headers.authorization) === STAGING.accessKeyId && r.query.RegionId === "cn-shanghai")).toBe(true);
      const mark = sandbox.requests.length;
      const unknown = await client.callTool({ name: "describe_ecs_task_attribute", arguments: { TaskId: "t-bp1abcdefgh", Profile: "prod" } });
      expect(unknown.isError).toBe(true);
      expect(textOf(unknown)).toMatch(/Unknown Profile "prod"[\s\S]*Profiles you may use: staging\./);
      expect(sandbox.requests.length).toBe(mark);
    });
  });
});
