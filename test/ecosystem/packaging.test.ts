// What ships: manifest.json (MCP Bundle), server.json (MCP registry), the generated references
// docs/tools.md and docs/options.md, the npm package's file list, and the MCP Bundle that `npm run bundle` packs.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unpackExtension } from "@anthropic-ai/mcpb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as options from "../../src/options.js";
import { isAppOnly } from "../../src/tools/define-tool.js";
import { allTools, tools } from "../../src/tools/index.js";
import { startHarness, type Harness } from "../helpers/in-memory.js";
import { renderOptionsReference } from "../../scripts/lib/options-reference.mjs";
import { RAM_ACTIONS, renderToolReference, shortDescription } from "../../scripts/lib/tool-reference.mjs";
import { buildBundle } from "../../scripts/bundle.mjs";

const root = new URL("../../", import.meta.url);
const read = (name: string) => readFileSync(new URL(name, root), "utf8");
const pkg = JSON.parse(read("package.json")) as {
  name: string;
  version: string;
  mcpName: string;
  files: string[];
  bin: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
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

  it("maps exactly the options table's manifest entries, each to its own variable (and the reverse)", () => {
    const marked = options.OPTIONS.flatMap((o) => (o.kind !== "action" && o.manifest && o.env ? [o] : []));
    expect(marked.length).toBeGreaterThan(0);
    expect(manifest.server.mcp_config.env).toEqual(Object.fromEntries(marked.map((o) => [o.env, `\${user_config.${o.manifest}}`])));
    expect(Object.keys(manifest.user_config).sort()).toEqual(marked.map((o) => o.manifest).sort());
    for (const o of marked) {
      expect(Boolean(manifest.user_config[o.manifest!].sensitive), `${o.manifest} sensitive`).toBe(Boolean(o.secret));
      const type = o.kind === "setting" && o.type === "number" ? "number" : "string";
      expect(manifest.user_config[o.manifest!].type, `${o.manifest} type`).toBe(type);
    }
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
    const modelTools = tools.filter((t) => !isAppOnly(t)); // the dashboard's app-only tool is not the model's
    expect(manifest.tools).toEqual(modelTools.map((t) => ({ name: t.name, description: shortDescription(t) })));
  });
});

describe("server.json (MCP registry)", () => {
  it("matches the registry schema's shape and package.json", () => {
    expect(serverJson.$schema).toBe("https://static.modelcontextprotocol.io/schemas/2025-09-29/server.schema.json");
    expect(serverJson.name).toBe(pkg.mcpName);
    expect(serverJson.name).toMatch(/^[a-zA-Z0-9.-]+\/[a-zA-Z0-9._-]+$/);
    expect(serverJson.version).toBe(pkg.version);
    expect(serverJson.description.length).toBeLessThanOrEqual(100);
    expect(serverJson.packages).toHaveLength(2);
    const [p, http] = serverJson.packages;
    expect(p).toMatchObject({ registryType: "npm", identifier: pkg.name, version: pkg.version, transport: { type: "stdio" } });
    // The same package run with --http: Streamable HTTP on the port its argument names (no hosted remote exists).
    expect(http).toMatchObject({ registryType: "npm", identifier: pkg.name, version: pkg.version, transport: { type: "streamable-http", url: "http://localhost:{port}/mcp" } });
    expect(http.packageArguments.map((a: { name: string }) => a.name)).toEqual(["--http", "--port"]);
    expect(http.packageArguments[1]).toMatchObject({ valueHint: "port", default: "3000" });
    expect(http.environmentVariables).toEqual(p.environmentVariables);
    expect(serverJson.remotes).toBeUndefined();
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

describe("server.json and the options table", () => {
  it("lists exactly the table's variables marked for the registry, secrets as secrets, numbers as numbers", () => {
    const vars = serverJson.packages[0].environmentVariables as Array<{ name: string; isSecret: boolean; format: string }>;
    const marked = options.OPTIONS.flatMap((o) => (o.kind !== "action" && o.registry && o.env ? [o] : []));
    expect(vars.map((v) => v.name).sort()).toEqual(marked.map((o) => o.env).sort());
    for (const o of marked) {
      const v = vars.find((x) => x.name === o.env)!;
      expect(v.isSecret, o.env).toBe(Boolean(o.secret));
      expect(v.format, o.env).toBe(o.kind === "setting" && o.type === "number" ? "number" : "string");
    }
  });
});

describe("docs/options.md", () => {
  it("is current with src/options.ts (run `npm run docs` when this fails)", () => {
    expect(read("docs/options.md")).toBe(renderOptionsReference(options));
  });

  it("documents every flag and every variable of the table", () => {
    const doc = read("docs/options.md");
    expect(doc).toContain("`ecs-tasks-mcp doctor [options]`");
    for (const o of [...options.SETTINGS, ...options.ACTIONS]) expect(doc).toContain(`\`--${o.flag}`);
    for (const name of options.environmentNames()) expect(doc).toContain(`\`${name}\``);
    for (const o of options.SETTINGS.filter((x) => x.only)) expect(doc).toMatch(new RegExp(`--${o.flag}.*\\*\\*${o.only} only\\*\\*`));
  });
});

describe("docs/tools.md", () => {
  it("is current with the tools' schemas (run `npm run docs` when this fails)", () => {
    expect(read("docs/tools.md")).toBe(renderToolReference(allTools));
  });

  it("documents every tool, its inputs and its RAM actions", () => {
    const doc = read("docs/tools.md");
    for (const tool of allTools) {
      expect(doc).toContain(`## \`${tool.name}\``);
      for (const input of Object.keys(tool.inputSchema.shape)) expect(doc, `${tool.name}.${input}`).toContain(`| \`${input}\` |`);
      const ram = RAM_ACTIONS[tool.name];
      for (const action of ram?.required ?? ["(missing from RAM_ACTIONS)"]) expect(doc).toContain(`\`${action}\``);
    }
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

function filesUnder(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

// The real thing: `node scripts/bundle.mjs` (npm ci --omit=dev into a temp folder, then
// @anthropic-ai/mcpb's pack), unpacked with mcpb's own unpack. About 6 s with a warm npm cache.
describe("MCP Bundle (npm run bundle)", () => {
  let work: string;
  let unpacked: string;
  let files: string[];
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "ecs-tasks-mcp-bundle-test-"));
    const out = (await buildBundle({ out: join(work, "ecs-tasks-mcp.mcpb") }));
    unpacked = join(work, "unpacked");
    expect(await unpackExtension({ mcpbPath: out, outputDir: unpacked, silent: true })).toBe(true);
    files = filesUnder(unpacked);
  }, 180_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("holds manifest.json, package.json, README, LICENSE, dist/ and node_modules/, nothing else", () => {
    expect(readdirSync(unpacked).sort()).toEqual(["LICENSE", "README.md", "dist", "manifest.json", "node_modules", "package.json"]);
    expect(readFileSync(join(unpacked, "manifest.json"), "utf8")).toBe(read("manifest.json"));
    for (const needed of ["dist/index.js", "dist/server.js", "dist/sandbox/index.js", "dist/doctor/main.js"]) expect(files).toContain(needed);
  });

  it("leaves out source maps, sources, tests, lockfiles and node_modules/.bin", () => {
    expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
    expect(files.filter((f) => /\.(c|m)?ts$/.test(f))).toEqual([]);
    expect(files.filter((f) => /(^|\/)(src|test|tests|__tests__|scripts)\//.test(f) && !f.startsWith("node_modules/"))).toEqual([]);
    expect(files.filter((f) => /(^|\/)(test|tests|__tests__)\//.test(f))).toEqual([]);
    expect(files.filter((f) => /(^|\/)(package-lock\.json|\.mcpbignore)$/.test(f) || f.startsWith("node_modules/.bin/"))).toEqual([]);
  });

  it("ships exactly the lockfile's production packages: every one, and no development-only one", () => {
    const lock = JSON.parse(read("package-lock.json")) as { packages: Record<string, { dev?: boolean; optional?: boolean }> };
    const installed = Object.entries(lock.packages).filter(([path]) => path.startsWith("node_modules/"));
    const production = installed.filter(([, p]) => !p.dev && !p.optional).map(([path]) => path);
    const devOnly = installed.filter(([, p]) => p.dev).map(([path]) => path);
    expect(production.length).toBeGreaterThan(50);
    for (const path of production) expect(existsSync(join(unpacked, path, "package.json")), path).toBe(true);
    for (const path of devOnly) expect(existsSync(join(unpacked, path)), path).toBe(false);
    for (const dep of Object.keys(pkg.dependencies)) expect(production).toContain(`node_modules/${dep}`);
    const PACKAGE = /^(node_modules\/(?:@[^/]+\/)?[^/]+(?:\/node_modules\/(?:@[^/]+\/)?[^/]+)*)\/package\.json$/;
    const shipped = files.flatMap((f) => PACKAGE.exec(f)?.[1] ?? []);
    expect([...shipped].sort()).toEqual([...production].sort());
  });

  it("runs from the unpacked folder: doctor --sandbox passes and every dependency loads", () => {
    if (process.platform !== "win32") expect(statSync(join(unpacked, "dist/index.js")).mode & 0o111).not.toBe(0);
    const out = execFileSync(process.execPath, [join(unpacked, "dist/index.js"), "doctor", "--sandbox"], { encoding: "utf8", env: { PATH: process.env.PATH ?? "", HOME: work } });
    expect(out).toMatch(/All checks passed/);
    const load = Object.keys(pkg.dependencies)
      .map((d) => (d === "@modelcontextprotocol/sdk" ? `${d}/server/mcp.js` : d))
      .map((d) => `await import(${JSON.stringify(d)});`)
      .join("");
    execFileSync(process.execPath, ["--input-type=module", "-e", load], { cwd: unpacked, stdio: "pipe" });
  });
});
