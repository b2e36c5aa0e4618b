// Runs `ecs-tasks-mcp doctor` as a user would: the built binary, a clean environment.
import { spawn } from "node:child_process";
import { SERVER_ENTRY } from "../helpers/spawn.js";

export interface DoctorRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runDoctor(args: string[], env: Record<string, string>): Promise<DoctorRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVER_ENTRY, "doctor", ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The checklist line of one check, e.g. line(out, "Credentials") -> "[FAIL] Credentials  none found ...". */
export function line(stdout: string, title: string): string {
  return stdout.split("\n").find((l) => new RegExp(`^\\[[ a-zA-Z]{4}\\] ${title}\\b`).test(l)) ?? "";
}

/** The lines from one check's line up to the next check's line (its detail and Fix). */
export function block(stdout: string, title: string): string {
  const lines = stdout.split("\n");
  const start = lines.findIndex((l) => new RegExp(`^\\[[ a-zA-Z]{4}\\] ${title}\\b`).test(l));
  if (start < 0) return "";
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => /^\[[ a-zA-Z]{4}\] /.test(l) || l === "");
  return [lines[start], ...rest.slice(0, end < 0 ? rest.length : end)].join("\n");
}
