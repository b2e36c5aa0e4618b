// The doctor's checks: pure functions of injected parts (a credential source, a region resolver,
// a probe, an ECS client, a clock), so each one is unit-testable without a network.
import type { EcsApi } from "../ecs/client.js";
import { CREDENTIALS_HELP, type CredentialSource, type Credentials } from "../ecs/credentials.js";
import { endpointFor } from "../ecs/endpoints.js";
import { parseDescribeTasks } from "../ecs/tasks-api.js";
import { REGION_HELP, type ResolvedRegion } from "../ecs/region.js";
import { ConfigError, CredentialsError, EcsApiError, EcsResponseError, diagnose } from "../errors.js";
import { maskAccessKeyId } from "../redact.js";
import { formatUtcSeconds } from "../util/utc.js";

export type CheckStatus = "pass" | "warn" | "fail" | "skip";

export interface CheckResult {
  id: "node" | "http" | "credentials" | "region" | "endpoint" | "clock" | "api";
  title: string;
  status: CheckStatus;
  /** What was found, one line or a few. */
  detail: string;
  /** What to do about it (always set for fail, often for warn). */
  fix?: string;
}

export const MIN_NODE = "20.18.1";
/** Alibaba Cloud refuses requests whose x-acs-date is more than 15 minutes off. */
export const SKEW_LIMIT_SECONDS = 15 * 60;
/** Above this we warn: signatures still pass, but the margin is shrinking. */
export const SKEW_WARN_SECONDS = 60;

function versionAtLeast(version: string, minimum: string): boolean {
  const parse = (v: string) => v.replace(/^v/, "").split(".").map((n) => Number.parseInt(n, 10) || 0);
  const [a, b] = [parse(version), parse(minimum)];
  for (let i = 0; i < 3; i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

export function checkNode(version: string, execPath?: string): CheckResult {
  const where = execPath ? ` (${execPath})` : "";
  if (versionAtLeast(version, MIN_NODE)) {
    return { id: "node", title: "Node.js", status: "pass", detail: `${version}${where}` };
  }
  return {
    id: "node",
    title: "Node.js",
    status: "fail",
    detail: `${version}${where} is older than the required ${MIN_NODE}`,
    fix: `Install Node.js ${MIN_NODE} or newer (https://nodejs.org). If several are installed, put the full path of the new node (or npx) in the MCP client's "command".`,
  };
}

export interface CredentialsCheck {
  result: CheckResult;
  credentials?: Credentials;
}

export async function checkCredentials(source: CredentialSource, profile?: string): Promise<CredentialsCheck> {
  const title = "Credentials";
  try {
    const credentials = await source.get();
    const sts = credentials.securityToken ? "STS (AccessKey + security token)" : "long-term AccessKey (no STS token)";
    const profileNote = credentials.providerName.endsWith("cli_profile") ? `, CLI profile "${profile ?? "(the config's current)"}"` : "";
    return {
      credentials,
      result: {
        id: "credentials",
        title,
        status: "pass",
        detail: `provider ${credentials.providerName}${profileNote}; AccessKey ID ${maskAccessKeyId(credentials.accessKeyId)}; ${sts}`,
      },
    };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const notes = err instanceof CredentialsError ? err.notes : [];
    const ways = CREDENTIALS_HELP.split("\n").slice(1).join("\n");
    const profileNote =
      profile && notes.length === 0
        ? `\nThe CLI profile "${profile}" was asked for (--profile / ALIBABA_CLOUD_PROFILE): check that ~/.aliyun/config.json has a profile of that name with keys in it.`
        : "";
    return {
      result: {
        id: "credentials",
        title,
        status: "fail",
        // What was found wrong (a broken config file, a profile not in it...) comes right after.
        detail: err instanceof CredentialsError ? ["none found: every provider of the official chain came up empty", ...notes].join("\n") : message,
        fix: `Provide credentials one of these ways (tried in this order):\n${ways}${profileNote}`,
      },
    };
  }
}

export interface RegionCheck {
  result: CheckResult;
  regionId?: string;
}

export async function checkRegion(
  resolve: () => Promise<ResolvedRegion>,
  sourceLabel: (region: ResolvedRegion) => string,
): Promise<RegionCheck> {
  try {
    const region = await resolve();
    return { regionId: region.regionId, result: { id: "region", title: "Region", status: "pass", detail: `${region.regionId} (from ${sourceLabel(region)})` } };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      result: {
        id: "region",
        title: "Region",
        status: "fail",
        detail: err instanceof ConfigError && err.summary === REGION_HELP ? ["no region configured", ...err.details].join("\n") : message,
        fix: "Start the server with --region cn-hangzhou (or your region), or set ALIBABA_CLOUD_REGION_ID, or set region_id in the aliyun CLI profile (`aliyun configure`). Tools also accept a RegionId argument per call.",
      },
    };
  }
}

/** What a plain request to the endpoint origin saw: an HTTP status and the Date header, or a failure. */
export type ProbeResult = { ok: true; status: number; date?: string } | { ok: false; error: string; timeout: boolean };
export type Probe = (origin: string) => Promise<ProbeResult>;

export interface EndpointCheck {
  result: CheckResult;
  endpoint?: string;
  serverDate?: string;
}

export async function checkEndpoint(
  regionId: string | undefined,
  override: { url: string; label: string } | undefined,
  probe: Probe,
): Promise<EndpointCheck> {
  const title = "Endpoint";
  if (!override && !regionId) {
    return { result: { id: "endpoint", title, status: "skip", detail: "needs a region (or --endpoint) first" } };
  }
  const endpoint = endpointFor(regionId, override?.url);
  const from = override ? override.label : "regional default";
  const seen = await probe(endpoint);
  if (seen.ok) {
    return {
      endpoint,
      ...(seen.date ? { serverDate: seen.date } : {}),
      result: { id: "endpoint", title, status: "pass", detail: `${endpoint} (${from}); reachable, HTTP ${seen.status}` },
    };
  }
  return {
    endpoint,
    result: {
      id: "endpoint",
      title,
      status: "fail",
      detail: `${endpoint} (${from}) ${seen.timeout ? "did not answer in time" : "is unreachable"}: ${seen.error}`,
      fix:
        "Check network access to that host. Behind a corporate proxy set HTTPS_PROXY (and NO_PROXY for exceptions) in the server's environment. " +
        (override ? "Check --endpoint / ALIBABA_CLOUD_ECS_ENDPOINT, or unset it to use the public regional endpoint." : "From inside a VPC without internet, use --endpoint https://ecs-vpc.<region>.aliyuncs.com.") +
        (seen.timeout ? " On a slow link raise --timeout-ms." : ""),
    },
  };
}

export function checkClock(serverDate: string | undefined, now: Date): CheckResult {
  const title = "Clock";
  const local = formatUtcSeconds(now);
  const server = serverDate ? Date.parse(serverDate) : Number.NaN;
  if (Number.isNaN(server)) {
    return { id: "clock", title, status: "warn", detail: `local ${local}; the endpoint sent no usable Date header, skew unknown` };
  }
  const skew = Math.round((now.getTime() - server) / 1000);
  const detail = `local ${local}, endpoint ${formatUtcSeconds(server)}, skew ${skew >= 0 ? "+" : ""}${skew} s`;
  const fix =
    "Synchronise this machine's clock: Windows: Settings > Time & language > Sync now; macOS: System Settings > General > Date & Time > set automatically; Linux: `timedatectl set-ntp true`.";
  if (Math.abs(skew) > SKEW_LIMIT_SECONDS) {
    return { id: "clock", title, status: "fail", detail: `${detail}: more than 15 minutes, every request will be refused (InvalidTimeStamp.Expired)`, fix };
  }
  if (Math.abs(skew) > SKEW_WARN_SECONDS) return { id: "clock", title, status: "warn", detail: `${detail} (allowed: 15 minutes)`, fix };
  return { id: "clock", title, status: "pass", detail };
}

export async function checkDescribeTasks(
  ecs: EcsApi,
  regionId: string,
  now: () => Date,
  redact: (text: string) => string,
  providerName?: string,
): Promise<CheckResult> {
  const title = "DescribeTasks";
  try {
    const res = await ecs.call("DescribeTasks", { RegionId: regionId, PageSize: "1" }, { regionId });
    // Any HTTP 200 JSON is not enough (a captive portal, a gateway answering `{}`): it must read as
    // a DescribeTasks answer, by the same schema the tools use, and carry a RequestId as ECS's do.
    const page = parseDescribeTasks(res, now(), 1);
    if (!page.RequestId) {
      throw new EcsResponseError({ httpStatus: res.httpStatus, endpoint: res.endpoint, action: "DescribeTasks", body: res.body, detail: "DescribeTasks answered without a RequestId" });
    }
    const total = page.TotalCount;
    return {
      id: "api",
      title,
      status: "pass",
      detail: `HTTP ${res.httpStatus}, ${total} task(s) in ${regionId}, RequestId ${res.requestId ?? "(none)"}, signed by ${res.providerName}`,
    };
  } catch (err) {
    if (err instanceof EcsApiError && (err.code === "Forbidden.RAM" || err.code.startsWith("Forbidden") || err.code === "NoPermission")) {
      return {
        id: "api",
        title,
        status: "fail",
        detail: `refused with ${err.code} (RequestId ${err.requestId ?? "(none)"}): the RAM permission ecs:DescribeTasks is missing`,
        fix:
          `Attach a policy that allows ecs:DescribeTasks (plus ecs:DescribeTaskAttribute and ecs:DescribeRegions for the other tools) to the RAM user or role behind ${providerName ?? "these credentials"}; ` +
          "the README's \"Least-privilege RAM policy\" has one ready to paste.",
      };
    }
    const d = diagnose(err, { now: now(), redact });
    if (err instanceof EcsResponseError && err.httpStatus >= 200 && err.httpStatus < 300) {
      return {
        id: "api",
        title,
        status: "fail",
        detail: [`HTTP ${err.httpStatus}, but not a DescribeTasks answer: ${err.message}`, ...d.details].join("\n"),
        fix:
          "Something other than ECS answered (a captive portal, a proxy, a gateway): check --endpoint / ALIBABA_CLOUD_ECS_ENDPOINT and HTTPS_PROXY, " +
          "or sign in to the network first.",
      };
    }
    return { id: "api", title, status: "fail", detail: [d.summary, ...d.details].join("\n"), fix: d.hint ?? "See the message above." };
  }
}
