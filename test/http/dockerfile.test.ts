// There is no container engine here, so the Dockerfile is checked for what can be checked: the image
// runs the command line these tests run, as a non-root user, production dependencies only, and its
// HEALTHCHECK command really passes against that command line.
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/http/auth.js";
import { HTTP_ARGS } from "../helpers/http.js";
import { cleanEnv, SERVER_ENTRY } from "../helpers/spawn.js";
import { spawn } from "node:child_process";
import { once } from "node:events";

const dockerfile = readFileSync(new URL("../../Dockerfile", import.meta.url), "utf8");
/** The JSON-array form of an instruction (the last one counts, as in Docker). */
const instruction = (name: string): string[] => {
  const lines = dockerfile.split("\n").filter((l) => l.startsWith(`${name} `));
  const m = /\[.*\]$/.exec(lines.at(-1) ?? "");
  return m ? (JSON.parse(m[0]) as string[]) : [];
};

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe("the Dockerfile", () => {
  it("runs node dist/index.js with the tests' --http command line, non-root, on node:20-slim, production dependencies only", () => {
    expect(instruction("ENTRYPOINT")).toEqual(["node", "dist/index.js"]);
    expect(instruction("CMD")).toEqual(HTTP_ARGS);
    expect(dockerfile).toMatch(/^FROM node:20-slim$/m);
    expect(dockerfile).toMatch(/^RUN npm ci --omit=dev\b/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(instruction("HEALTHCHECK").slice(0, 2)).toEqual(["node", "-e"]);
  });

  it("its CMD, given a tokens file, starts; its HEALTHCHECK passes; without auth it refuses to start", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ecs-mcp-docker-"));
    writeFileSync(join(dir, "tokens"), `ops:${sha256Hex("a-token")}\n`);
    const port = await freePort();
    const env = cleanEnv({ ECS_TASKS_MCP_PORT: String(port), ECS_TASKS_MCP_AUTH_TOKENS_FILE: join(dir, "tokens"), ALIBABA_CLOUD_REGION_ID: "cn-hangzhou" });
    const child = spawn(process.execPath, [SERVER_ENTRY, ...instruction("CMD")], { env, stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (c: Buffer) => void (err += c.toString()));
    try {
      while (!/listening on/.test(err) && child.exitCode === null) await new Promise((r) => setTimeout(r, 20));
      expect(err).toContain(`listening on http://0.0.0.0:${port}/mcp`);
      const health = instruction("HEALTHCHECK");
      await expect(promisify(execFile)(process.execPath, health.slice(1), { env })).resolves.toBeDefined();
    } finally {
      child.kill("SIGTERM");
      await once(child, "exit");
    }
    const refused = spawn(process.execPath, [SERVER_ENTRY, ...instruction("CMD")], { env: cleanEnv({ ECS_TASKS_MCP_PORT: String(port) }), stdio: "ignore" });
    const [code] = (await once(refused, "exit")) as [number];
    expect(code).toBe(2);
  });

  it("its build stage copies everything `npm run build` reads: replayed COPY by COPY, the build succeeds and the result starts", async () => {
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const stage = dockerfile.split(/^FROM /m)[1] ?? "";
    const dir = mkdtempSync(join(tmpdir(), "ecs-mcp-docker-build-"));
    for (const line of stage.split("\n").filter((l) => l.startsWith("COPY ") && !l.includes("--from"))) {
      const parts = line.slice("COPY ".length).trim().split(/\s+/);
      const dest = parts.pop()!;
      for (const source of parts) {
        const target = dest.endsWith("/") ? join(dir, dest, source.split("/").pop()!) : parts.length > 1 ? join(dir, dest, source) : join(dir, dest);
        cpSync(join(root, source), target, { recursive: true });
      }
    }
    // `npm ci` is the image's business; the packages are this checkout's (same lock file).
    symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
    await promisify(execFile)("npm", ["run", "build"], { cwd: dir, env: { ...process.env, npm_config_update_notifier: "false" } });
    for (const built of ["dist/index.js", "dist/app/dashboard.html", "dist/server.js"]) expect(existsSync(join(dir, built)), built).toBe(true);
    const { stdout } = await promisify(execFile)(process.execPath, [join(dir, "dist/index.js"), "--version"], { env: cleanEnv() });
    expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  }, 180_000);
});
