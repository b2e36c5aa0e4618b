// What ships: manifest.json (MCP Bundle), server.json (MCP registry), the README's generated tool
// reference, the npm package's file list, and the bundle's zip writer.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tools } from "../../src/tools/index.js";
import { startHarness, type Harness } from "../helpers/in-memory.js";
import { currentToolReference, RAM_ACTIONS, renderToolReference, shortDescription } from "../../scripts/lib/tool-reference.mjs";
import { createZip, crc32, readZip } from "../../scripts/lib/zip.mjs";
import { collectBundleFiles } from "../../scripts/bundle.mjs";

const root = new URL("../../", import.meta.url);
const read = (name: string) => readFileSync(new URL(name, root), "utf8");
const pkg = JSON.parse(read("package.json")) as { name: string; version: string; mcpName: string; files: string[]; bin: Record<string, string> };
const manifest = JSON.parse(read("manifest.json")) as Record<string, any>;
const serverJson = JSON.parse(read("server.json")) as Record<string, any>;

let h: Harness;
let liveNames: string[];
beforeAll(async () => {
  h = await startHarness();
  liveNames = (await h.client.listTools()).tools.map((t) => t.name);
});
afterAll(async () => h.close());

describe("manifest.json (MCP Bundle 0.3)", () => {
  it("passes the official MCPB validator (@anthropic-ai/mcpb)", () => {
    const cli = new URL("node_modules/@anthropic-ai/mcpb/dist/cli/cli.js", root);
    const out = execFileSync(process.execPath, [cli.pathname, "validate", new URL("manifest.json", root).pathname], { encoding: "utf8" });
    expect(out).toMatch(/Manifest schema validation passes/);
  });

  it("has the required fields, in step with package.json", () => {
    expect(manifest.manifest_version).toBe("0.3");
    expect(manifest.name).toBe(pkg.name);
    expect(manifest.version).toBe(pkg.version);
    expect(typeof manifest.description).toBe("string");
    expect(manifest.author?.name).toEqual(expect.any(String));
    expect(manifest.server).toMatchObject({ type: "node", entry_point: "dist/index.js" });
    expect(pkg.bin["ecs-tasks-mcp"]).toBe(manifest.server.entry_point);
    expect(manifest.compatibility.runtimes.node).toBe(">=20.18.1");
  });

  it("starts dist/index.js from the bundle folder and maps every user_config field to its variable", () => {
    const cfg = manifest.server.mcp_config;
    expect(cfg.command).toBe("node");
    expect(cfg.args).toEqual(["${__dirname}/dist/index.js"]);
    expect(cfg.env).toEqual({
      ALIBABA_CLOUD_REGION_ID: "${user_config.region_id}",
      ALIBABA_CLOUD_PROFILE: "${user_config.profile}",
      ALIBABA_CLOUD_ACCESS_KEY_ID: "${user_config.access_key_id}",
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: "${user_config.access_key_secret}",
    });
    const referenced = Object.values(cfg.env as Record<string, string>).map((v) => /^\$\{user_config\.(.+)\}$/.exec(v)![1]);
    expect(Object.keys(manifest.user_config).sort()).toEqual(referenced.sort());
  });

  it("types user_config and marks the AccessKey sensitive", () => {
    for (const [key, field] of Object.entries(manifest.user_config as Record<string, any>)) {
      expect(["string", "number", "boolean", "directory", "file"], key).toContain(field.type);
      expect(field.title, key).toEqual(expect.any(String));
      expect(field.description, key).toEqual(expect.any(String));
      expect(field.required, key).toBe(false); // the CLI profile way needs none of them
    }
    expect(manifest.user_config.access_key_secret.sensitive).toBe(true);
    expect(manifest.user_config.access_key_id.sensitive).toBe(true);
    expect(manifest.user_config.region_id.sensitive).toBeFalsy();
  });

  it("lists exactly the tools the server lists (npm run docs regenerates it)", () => {
    expect(manifest.tools.map((t: { name: string }) => t.name)).toEqual(liveNames);
    expect(manifest.tools).toEqual(tools.map((t) => ({ name: t.name, description: shortDescription(t) })));
  });
});

describe("server.json (MCP registry)", () => {
  it("matches the registry schema's shape and package.json", () => {
    expect(serverJson.$schema).toBe("https://static.modelcontextprotocol.io/schemas/2025-09-29/server.schema.json");
    expect(serverJson.name).toBe(pkg.mcpName);
    expect(serverJson.name).toMatch(/^[a-zA-Z0-9.-]+\/[a-zA-Z0-9._-]+$/);
    expect(serverJson.version).toBe(pkg.version);
    expect(serverJson.description.length).toBeLessThanOrEqual(100);
    expect(serverJson.packages).toHaveLength(1);
    const p = serverJson.packages[0];
    expect(p).toMatchObject({ registryType: "npm", identifier: pkg.name, version: pkg.version, transport: { type: "stdio" } });
  });

  it("declares the environment variables, secrets as secrets", () => {
    const vars = serverJson.packages[0].environmentVariables as Array<{ name: string; description: string; isSecret: boolean; isRequired: boolean }>;
    const names = vars.map((v) => v.name);
    for (const n of ["ALIBABA_CLOUD_REGION_ID", "ALIBABA_CLOUD_PROFILE", "ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ECS_TASKS_MCP_LOG_LEVEL"]) expect(names).toContain(n);
    for (const v of vars) {
      expect(v.description).toEqual(expect.any(String));
      expect(v.isRequired).toBe(false);
      expect(v.isSecret).toBe(/SECRET|TOKEN|ACCESS_KEY_ID/.test(v.name));
    }
  });
});

describe("README tool reference", () => {
  it("is current with the tools' schemas (run `npm run docs` when this fails)", () => {
    expect(currentToolReference(read("README.md"))).toBe(renderToolReference(tools));
  });

  it("knows the RAM actions of every tool", () => {
    for (const name of liveNames) expect(Object.keys(RAM_ACTIONS), `add ${name} to RAM_ACTIONS in scripts/lib/tool-reference.mjs`).toContain(name);
  });
});

describe("npm pack", () => {
  it("ships only dist/ (no source maps), README, LICENSE, package.json, manifest.json and server.json", () => {
    const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    const files = (JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path).sort();
    const outside = files.filter((f) => !f.startsWith("dist/"));
    expect(outside).toEqual(["LICENSE", "README.md", "manifest.json", "package.json", "server.json"]);
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    for (const needed of ["dist/index.js", "dist/server.js", "dist/sandbox/index.js", "dist/doctor/main.js"]) expect(files).toContain(needed);
    expect(files.filter((f) => /(^|\/)(test|scripts|src)\//.test(f) || f.endsWith(".ts"))).toEqual([]);
  }, 60_000);
});

describe("MCP Bundle zip", () => {
  it("writes a zip that reads back byte for byte, with CRC-32 checked", async () => {
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926); // the standard check value
    const entries = [
      { name: "manifest.json", data: Buffer.from(read("manifest.json")) },
      { name: "dist/index.js", data: Buffer.from("#!/usr/bin/env node\n"), mode: 0o755 },
      { name: "empty.txt", data: Buffer.alloc(0) },
      { name: "node_modules/x/ünïcode.js", data: Buffer.from("x".repeat(10_000)) },
    ];
    const zip = createZip(entries);
    const back = await readZip(zip);
    expect(back.map((e: { name: string }) => e.name)).toEqual(entries.map((e) => e.name));
    back.forEach((e: { data: Buffer }, i: number) => expect(e.data.equals(entries[i]!.data)).toBe(true));
    expect(() => createZip([{ name: "../evil", data: Buffer.alloc(1) }])).toThrow(/bad zip entry/);
  });

  it("collects manifest.json, package.json, README, LICENSE and dist/ without source maps", () => {
    const names = (collectBundleFiles(new URL(".", root).pathname, undefined) as Array<{ name: string; mode: number }>);
    const list = names.map((f) => f.name);
    expect(list.slice(0, 4)).toEqual(["manifest.json", "package.json", "README.md", "LICENSE"]);
    expect(list).toContain("dist/index.js");
    expect(list.filter((n) => n.endsWith(".map"))).toEqual([]);
    expect(names.find((f) => f.name === "dist/index.js")!.mode).toBe(0o755);
  });
});
