// Issue 12, point 10: the smaller things a careful user notices. An endpoint override's password is
// masked when it is refused; a broken ~/.aliyun/config.json is named (where, what is wrong) without
// quoting it; --profile with a name not in the config names it and lists the profiles there, in a tool
// call as in doctor; time fields of whitespace only are refused. (A closed stdout: stdio.test.ts.)
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type Sandbox } from "../../src/sandbox/index.js";
import { startHarness, textOf, type Harness } from "../helpers/in-memory.js";
import { cleanEnv, SERVER_ENTRY, spawnServer, writeCliProfiles } from "../helpers/spawn.js";
import { block, runDoctor } from "../ecosystem/doctor-run.js";
import { leakedRun } from "./leaks.js";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({});
});
afterAll(() => sandbox.close());

function runServer(env: Record<string, string>, args: string[] = []): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVER_ENTRY, ...args], { env, stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe("an endpoint override with user info", () => {
  const PASSWORD = "Endpoint-Password-0123456789";
  it.each([
    [`https://admin:${PASSWORD}@ecs.example.com`, 'must be an http(s) URL without user info, got "https://****@ecs.example.com"'],
    [`https://${PASSWORD}@ecs.example.com/path`, 'without user info, got "https://****@ecs.example.com/path"'],
    [`not a url //admin:${PASSWORD}@`, 'is not a URL'],
  ])("%s is refused with the user info masked, on stderr and in doctor", async (endpoint, message) => {
    const server = await runServer(cleanEnv({ ALIBABA_CLOUD_ECS_ENDPOINT: endpoint }));
    expect(server.code).toBe(2);
    expect(server.stderr).toContain(message);
    expect(leakedRun(server.stderr, PASSWORD)).toBeUndefined();
    const doctor = await runServer(cleanEnv({ ALIBABA_CLOUD_ECS_ENDPOINT: endpoint }), ["doctor"]);
    expect(doctor.code).toBe(2);
    expect(leakedRun(doctor.stderr, PASSWORD)).toBeUndefined();
  });
});

const SECRET = "Broken-Config-Secret-Do-Not-Leak-99";

describe("a broken ~/.aliyun/config.json", () => {
  function homeWith(config: string): Record<string, string> {
    const env = cleanEnv({ ALIBABA_CLOUD_ECS_ENDPOINT: sandbox.url });
    mkdirSync(join(env.HOME!, ".aliyun"));
    writeFileSync(join(env.HOME!, ".aliyun", "config.json"), config);
    return env;
  }
  const broken =
    '{\n  "current": "default",\n  "profiles": [\n    { "name": "default", "mode": "AK", "access_key_id": "LTAI5tBrokenCfgKey001234",\n' +
    `      "access_key_secret": "${SECRET}",, "region_id": "cn-hangzhou" }\n  ]\n}\n`;

  async function callWith(env: Record<string, string>): Promise<{ text: string; all: string }> {
    const s = await spawnServer(env);
    try {
      const result = (await s.client.callTool({ name: "describe_ecs_tasks", arguments: {} })) as CallToolResult;
      expect(result.isError).toBe(true);
      return { text: textOf(result), all: `${JSON.stringify(result)}\n${s.transport.rawStdout}\n${s.transport.rawStderr}` };
    } finally {
      await s.close();
    }
  }

  it("a tool call names the file, where it breaks and how, never its content (region configured)", async () => {
    const env = homeWith(broken);
    const { text, all } = await callWith({ ...env, ALIBABA_CLOUD_REGION_ID: "cn-hangzhou" });
    const path = join(env.HOME!, ".aliyun", "config.json");
    expect(text).toContain("No Alibaba Cloud credentials were found.");
    expect(text).toContain(
      `~/.aliyun/config.json (${path}) is broken: it is not valid JSON: expected a double-quoted property name at line 5, column 66. Its profiles cannot be used; fix the file, or run \`aliyun configure\` again.`,
    );
    expect(leakedRun(all, SECRET)).toBeUndefined();
  });

  it("without a configured region, the region error says the same (its region_id cannot be read either)", async () => {
    const { text, all } = await callWith(homeWith(broken));
    expect(text).toMatch(/^No region given\./);
    expect(text).toMatch(/~\/\.aliyun\/config\.json \(.*\) is broken: it is not valid JSON: expected a double-quoted property name at line 5/);
    expect(leakedRun(all, SECRET)).toBeUndefined();
  });

  it.each([
    ["cut short", '{"current": "default", "profiles": [{"name": "default"', /it is not valid JSON: it ends too early \(cut short\?\) at line 1, column 55/],
    ["without a profiles list", '{"current": "default"}', /is broken: it has no "profiles" list/],
  ])("%s", async (_, config, message) => {
    const { text } = await callWith({ ...homeWith(config), ALIBABA_CLOUD_REGION_ID: "cn-hangzhou" });
    expect(text).toMatch(message);
  });
});

describe("--profile with a name the config does not have", () => {
  function env(): Record<string, string> {
    const e = cleanEnv({ ALIBABA_CLOUD_ECS_ENDPOINT: sandbox.url, ALIBABA_CLOUD_REGION_ID: "cn-hangzhou" });
    writeCliProfiles(e.HOME!, "default", [
      { name: "default", mode: "AK", access_key_id: "LTAI5tProfileKey00001234", access_key_secret: SECRET },
      { name: "work", mode: "AK", access_key_id: "LTAI5tProfileKey00005678", access_key_secret: SECRET },
    ]);
    return e;
  }
  const NAMED = /The CLI profile "nope" \(asked for with --profile \/ ALIBABA_CLOUD_PROFILE\) is not in ~\/\.aliyun\/config\.json \(.*\); the profiles there: default, work\./;

  it("a tool call names it and lists the profiles that exist", async () => {
    const s = await spawnServer(env(), ["--profile", "nope"]);
    try {
      const result = (await s.client.callTool({ name: "describe_ecs_tasks", arguments: {} })) as CallToolResult;
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(NAMED);
      expect(textOf(result)).not.toContain(SECRET);
    } finally {
      await s.close();
    }
  });

  it("doctor says the same", async () => {
    const run = await runDoctor(["--profile", "nope"], env());
    expect(run.code).toBe(1);
    expect(block(run.stdout, "Credentials")).toMatch(NAMED);
  });
});

describe("time fields of whitespace only", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it.each([
    ["TimeRange", " ", /TimeRange is blank \(only whitespace\): leave it out, or give a value such as "last 2 hours"/],
    ["StartTime", "\u00a0\u00a0", /StartTime is blank \(only whitespace\)/],
    ["EndTime", "\u3000", /EndTime is blank \(only whitespace\)/],
    ["TimeZone", " \t ", /TimeZone is blank \(only whitespace\): leave it out, or give a value such as "Asia\/Shanghai"/],
  ])("%s %j is refused, not read as no time window", async (field, value, message) => {
    const before = h.sandbox.requests.length;
    const result = await h.client.callTool({ name: "describe_ecs_tasks", arguments: { [field]: value } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
    expect(h.sandbox.requests.length).toBe(before);
  });
});
