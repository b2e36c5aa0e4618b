// Every client configuration in the README (and mcp.json) is valid JSON of the shape its client
// expects, and every argument and variable in it is one the server accepts. The troubleshooting
// summary in the README and its long form in docs/troubleshooting.md cover the same ten failures.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseArgs } from "../../src/config.js";
import { HELP_TEXT } from "../../src/cli-help.js";
import { environmentNames } from "../../src/options.js";

const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const MCP_JSON = JSON.parse(readFileSync(new URL("../../mcp.json", import.meta.url), "utf8")) as unknown;
const TROUBLESHOOTING = readFileSync(new URL("../../docs/troubleshooting.md", import.meta.url), "utf8");

/** Fenced ```json blocks, each with the prose line before it (to tell which client it is for). */
function jsonBlocks(markdown: string): Array<{ text: string; heading: string }> {
  const out: Array<{ text: string; heading: string }> = [];
  const re = /```json\n([\s\S]*?)```/g;
  for (let m = re.exec(markdown); m; m = re.exec(markdown)) {
    const before = markdown.slice(0, m.index);
    const heading = [...before.matchAll(/^#{2,4} (.+)$/gm)].at(-1)?.[1] ?? "";
    out.push({ text: m[1]!, heading });
  }
  return out;
}

interface ServerEntry {
  type?: string;
  command: string;
  args?: string[];
  env?: Record<string, string>;
}

/** Environment variables of the options table (the server, the credential chain, the proxy), and PATH. */
const KNOWN_ENV = new Set([...environmentNames(), "PATH"]);

/** What the server itself receives: args after `npx -y ecs-tasks-mcp`, `cmd /c npx ...` or `node .../dist/index.js`. */
function serverArgs(entry: ServerEntry): string[] {
  const args = entry.args ?? [];
  if (entry.command === "node") return args.slice(1);
  const at = args.indexOf("ecs-tasks-mcp");
  expect(at, `${entry.command} ${args.join(" ")} starts ecs-tasks-mcp`).toBeGreaterThanOrEqual(0);
  return args.slice(at + 1);
}

function checkEntry(entry: ServerEntry): void {
  expect(typeof entry.command).toBe("string");
  if (entry.command === "cmd") expect(entry.args?.slice(0, 2)).toEqual(["/c", "npx"]);
  else if (entry.command === "npx") expect(entry.args?.[0]).toBe("-y");
  expect(() => parseArgs(serverArgs(entry))).not.toThrow();
  for (const [name, value] of Object.entries(entry.env ?? {})) {
    expect(KNOWN_ENV, `${name} is not in src/options.ts`).toContain(name);
    // No key material pasted into a config: secrets only through VS Code inputs.
    if (/ACCESS_KEY|SECURITY_TOKEN/.test(name)) expect(value).toMatch(/^\$\{input:[a-z0-9-]+\}$/);
  }
}

const blocks = jsonBlocks(README);

describe("README client configurations", () => {
  it("has a JSON example for every client, and each parses", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(7);
    for (const b of blocks) expect(() => JSON.parse(b.text), `JSON under "${b.heading}"`).not.toThrow();
    const headings = new Set(blocks.map((b) => b.heading));
    for (const client of ["Claude Desktop", "Claude Code", "Cursor", "VS Code", "Windows"]) expect(headings).toContain(client);
  });

  it("uses mcpServers for Claude Desktop, Claude Code, Cursor and Windows, servers for VS Code", () => {
    for (const b of blocks) {
      const json = JSON.parse(b.text) as Record<string, unknown>;
      if (b.heading.includes("RAM policy")) continue;
      const key = b.heading === "VS Code" ? "servers" : "mcpServers";
      expect(Object.keys(json), `top-level keys under "${b.heading}"`).toContain(key);
      expect(json).not.toHaveProperty(key === "servers" ? "mcpServers" : "servers");
      for (const entry of Object.values(json[key] as Record<string, ServerEntry>)) {
        if (key === "servers") expect(entry.type).toBe("stdio");
        checkEntry(entry);
      }
    }
  });

  it("prompts for an AccessKey in VS Code through inputs with password: true", () => {
    const vs = blocks.filter((b) => b.heading === "VS Code").map((b) => JSON.parse(b.text) as { inputs?: Array<{ id: string; password?: boolean; type: string }>; servers: Record<string, ServerEntry> });
    const withKeys = vs.find((c) => c.inputs);
    expect(withKeys).toBeDefined();
    const ids = new Set(withKeys!.inputs!.map((i) => i.id));
    for (const input of withKeys!.inputs!) expect(input).toMatchObject({ type: "promptString", password: true });
    for (const value of Object.values(withKeys!.servers["ecs-tasks"]!.env ?? {})) expect(ids).toContain(/^\$\{input:(.+)\}$/.exec(value)![1]);
  });

  it("shows the Windows cmd /c form, the CLI-profile way and the Claude Desktop log locations", () => {
    expect(blocks.some((b) => b.heading === "Windows" && b.text.includes('"command": "cmd"'))).toBe(true);
    expect(README).toContain("claude mcp add ecs-tasks -- cmd /c npx -y ecs-tasks-mcp");
    expect(README).toContain("~/Library/Logs/Claude/mcp*.log");
    expect(README).toContain("%APPDATA%\\Claude\\logs");
    expect(README).toContain("aliyun configure --profile ecs-tasks");
    expect(README).toMatch(/claude mcp add ecs-tasks -- npx -y ecs-tasks-mcp --profile ecs-tasks --region cn-hangzhou/);
  });

  it("links mcp.json, a valid mcpServers block with one real entry and one sandbox entry", () => {
    expect(README).toContain("](mcp.json)");
    const servers = (MCP_JSON as { mcpServers: Record<string, ServerEntry> }).mcpServers;
    for (const entry of Object.values(servers)) checkEntry(entry);
    expect(servers["ecs-tasks-sandbox"]?.args).toContain("--sandbox");
    expect(servers["ecs-tasks"]?.args).not.toContain("--sandbox");
  });

  it("parses the Claude Code commands' server arguments", () => {
    for (const m of README.matchAll(/claude mcp add ecs-tasks (?:.*?)-- (?:cmd \/c )?npx -y ecs-tasks-mcp([^`\n]*)/g)) {
      expect(() => parseArgs(m[1]!.trim().split(/\s+/).filter(Boolean))).not.toThrow();
    }
  });

  it("points to docs/options.md for every option, keeps the common ones, and --help agrees", () => {
    const section = README.slice(README.indexOf("### Options"), README.indexOf("## Troubleshooting"));
    expect(section).toContain("](docs/options.md)");
    for (const flag of ["--profile", "--region", "--sandbox"]) {
      expect(section).toContain(`\`${flag}`);
      expect(HELP_TEXT).toContain(flag);
    }
    for (const env of ["ALIBABA_CLOUD_REGION_ID", "ALIBABA_CLOUD_PROFILE"]) {
      expect(section).toContain(env);
      expect(HELP_TEXT).toContain(env);
    }
  });

  it("names no environment variable that the options table lacks", () => {
    const named = [...README.matchAll(/\b(?:ALIBABA_CLOUD|ECS_TASKS_MCP)_[A-Z0-9_]+\b|\b(?:HTTPS?|NO)_PROXY\b/g)].map((m) => m[0]);
    expect(named.length).toBeGreaterThan(5);
    for (const name of named) expect(KNOWN_ENV, `${name} in README.md`).toContain(name);
  });

  const TOPICS = ["No credentials", "region", "InvalidAccessKeyId", "SignatureDoesNotMatch", "Forbidden.RAM", "npx", "Windows", "proxy", "Timeouts", "Sandbox data"];

  it("has a Troubleshooting section with the ten usual failures, linking to their long form", () => {
    const section = README.slice(README.indexOf("## Troubleshooting"), README.indexOf("\n## ", README.indexOf("## Troubleshooting") + 5));
    expect(section.match(/^ ?\d+\. \*\*/gm)?.length).toBe(10);
    for (const topic of TOPICS) expect(section).toContain(topic);
    expect(section).toContain("](docs/troubleshooting.md)");
  });

  it("gives each of the ten failures a section with its fix in docs/troubleshooting.md", () => {
    const sections = TROUBLESHOOTING.split(/^## /m).slice(1).filter((s) => !s.startsWith("Still stuck"));
    expect(sections).toHaveLength(10);
    for (const [i, topic] of TOPICS.entries()) expect(sections[i], topic).toContain(topic);
    for (const s of sections) expect(s, s.split("\n")[0]).toMatch(/^Fix: /m);
  });

  it("ships a least-privilege RAM policy with exactly the four read actions, and CancelTask apart for those who opt in", () => {
    const parsed = blocks.map((b) => JSON.parse(b.text) as { Statement?: Array<{ Action: string[]; Effect: string }>; Action?: string[]; Effect?: string });
    const policy = parsed.find((j) => j.Statement);
    expect(policy!.Statement).toHaveLength(1);
    expect(policy!.Statement![0]!.Effect).toBe("Allow");
    expect([...policy!.Statement![0]!.Action].sort()).toEqual(["ecs:DescribeImages", "ecs:DescribeRegions", "ecs:DescribeTaskAttribute", "ecs:DescribeTasks"]);
    const cancel = parsed.find((j) => j.Action?.includes("ecs:CancelTask"));
    expect(cancel).toEqual({ Effect: "Allow", Action: ["ecs:CancelTask"], Resource: "*" });
  });
});
