// The doctor's sequence and its report. Checks run in a fixed order; a check that cannot run
// because an earlier one failed is shown as skipped, never silently dropped.
import type { EcsApi } from "../ecs/client.js";
import type { CredentialSource } from "../ecs/credentials.js";
import type { ResolvedRegion } from "../ecs/region.js";
import type { Redactor } from "../redact.js";
import {
  checkClock,
  checkCredentials,
  checkDescribeTasks,
  checkEndpoint,
  checkNode,
  checkRegion,
  type CheckResult,
  type Probe,
} from "./checks.js";

export interface DoctorDeps {
  nodeVersion: string;
  execPath?: string;
  credentials: CredentialSource;
  profile?: string;
  resolveRegion: () => Promise<ResolvedRegion>;
  regionLabel: (region: ResolvedRegion) => string;
  endpointOverride?: { url: string; label: string };
  probe: Probe;
  ecs: EcsApi;
  now: () => Date;
  redactor: Redactor;
  /** With --http: the HTTP settings, checked right after Node.js. */
  http?: () => Promise<CheckResult>;
}

export async function runDoctor(deps: DoctorDeps): Promise<CheckResult[]> {
  const results: CheckResult[] = [checkNode(deps.nodeVersion, deps.execPath)];
  if (deps.http) results.push(await deps.http());
  const creds = await checkCredentials(deps.credentials, deps.profile);
  results.push(creds.result);
  const region = await checkRegion(deps.resolveRegion, deps.regionLabel);
  results.push(region.result);
  const endpoint = await checkEndpoint(region.regionId, deps.endpointOverride, deps.probe);
  results.push(endpoint.result);
  results.push(
    endpoint.result.status === "pass"
      ? checkClock(endpoint.serverDate, deps.now())
      : { id: "clock", title: "Clock", status: "skip", detail: "needs a reachable endpoint" },
  );
  const missing = [
    creds.credentials ? undefined : "credentials",
    region.regionId ? undefined : "a region",
    endpoint.result.status === "fail" ? "a reachable endpoint" : undefined,
  ].filter((x): x is string => x !== undefined);
  results.push(
    missing.length === 0 && region.regionId
      ? await checkDescribeTasks(deps.ecs, region.regionId, deps.now, deps.redactor.text, creds.credentials?.providerName)
      : { id: "api", title: "DescribeTasks", status: "skip", detail: `needs ${missing.join(" and ")} first` },
  );
  return results;
}

/** 0 only when every check passed (a warning is a pass with a note); 1 otherwise. */
export function exitCodeFor(results: CheckResult[]): number {
  return results.every((r) => r.status === "pass" || r.status === "warn") ? 0 : 1;
}

const MARK: Record<CheckResult["status"], string> = { pass: "[ ok ]", warn: "[warn]", fail: "[FAIL]", skip: "[skip]" };

function indent(text: string, prefix: string): string {
  return text
    .split("\n")
    .map((line, i) => (i === 0 ? line : `${prefix}${line}`))
    .join("\n");
}

/** The checklist as plain text (ASCII marks: Windows consoles render them too), redacted. */
export function renderReport(results: CheckResult[], heading: string, redactor: Redactor): string {
  const lines = [heading, ""];
  const width = Math.max(...results.map((r) => r.title.length));
  for (const r of results) {
    lines.push(`${MARK[r.status]} ${r.title.padEnd(width)}  ${indent(r.detail, " ".repeat(width + 9))}`);
    if (r.fix && (r.status === "fail" || r.status === "warn")) lines.push(`       ${" ".repeat(width)}  Fix: ${indent(r.fix, " ".repeat(width + 14))}`);
  }
  const failed = results.filter((r) => r.status === "fail").length;
  const skipped = results.filter((r) => r.status === "skip").length;
  lines.push("");
  lines.push(
    failed === 0 && skipped === 0
      ? "All checks passed: the server will work with these settings."
      : `${failed} check(s) failed${skipped ? `, ${skipped} skipped` : ""}. Fix the first failure and run \`ecs-tasks-mcp doctor\` again with the same options.`,
  );
  return `${redactor.redact(lines.join("\n"))}\n`;
}
