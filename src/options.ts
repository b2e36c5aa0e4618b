// The one table of everything a user can set: each command-line flag, the environment variable
// behind it, its default, how its value is checked, its help text, and where it is published
// (manifest.json's user_config, server.json's environmentVariables). The argv parser, resolveConfig,
// `--help` and docs/options.md are all derived from it; tests check manifest.json and server.json
// against it and check that every environment variable named in src/ is in it.
import { ConfigError } from "./errors.js";
import {
  LOG_LEVELS,
  milliseconds,
  setting,
  trueOrFalse,
  variable,
  wholeNumber,
  type ActionOption,
  type EnvironmentVariable,
  type LogLevel,
  type OptionEntry,
  type SettingOption,
} from "./option-kit.js";
import { HTTP_SETTINGS } from "./options-http.js";
import { DEFAULT_MAX_BODY_BYTES } from "./ecs/body.js";
import { DEFAULT_CREDENTIALS_TIMEOUT_MS } from "./ecs/credential-chain.js";
export { DEFAULT_CREDENTIALS_TIMEOUT_MS, DEFAULT_MAX_BODY_BYTES };
import { DEFAULT_PAGE_CONCURRENCY } from "./tasks/pages.js";

export * from "./option-kit.js";
export { DEFAULT_HTTP_HOST, DEFAULT_HTTP_PORT, DEFAULT_RATE_LIMIT, DEFAULT_SHUTDOWN_GRACE_MS } from "./options-http.js";
export const DEFAULT_LOG_LEVEL: LogLevel = "warning";
export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;

/** What the first argument selects. */
export const COMMANDS = [
  { usage: "ecs-tasks-mcp [options]", help: "The stdio MCP server (what clients start; JSON-RPC on stdin/stdout)." },
  {
    usage: "ecs-tasks-mcp --http [options]",
    help:
      "The Streamable HTTP MCP server at /mcp (stateless: any replica answers any request), for a team behind a load " +
      "balancer. Needs --auth-tokens-file or --oidc-issuer when --host is not loopback; see docs/deploy.md.",
  },
  {
    usage: "ecs-tasks-mcp doctor [options]",
    help:
      "Checks Node.js, credentials, region, endpoint, clock and one real DescribeTasks call; prints a checklist " +
      "with a fix for each failure. Exit code 0 only when everything passes, 1 otherwise. `doctor` must come first.",
  },
] as const;

function logLevel(raw: string, origin: string): LogLevel {
  const lower = raw.trim().toLowerCase() === "warn" ? "warning" : raw.trim().toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(lower)) {
    throw new ConfigError(`${origin} must be one of ${LOG_LEVELS.join(", ")}, got "${raw}"`);
  }
  return lower as LogLevel;
}

export const OPTIONS: readonly OptionEntry[] = [
  setting({
    key: "sandbox",
    flag: "sandbox",
    type: "boolean",
    default: false,
    help: "Serve generated demo data from a built-in ECS stand-in on loopback; no account needed.",
    only: "sandbox",
    readBy: ["server"],
  }),
  setting({
    key: "regionId",
    flag: "region",
    valueName: "ID",
    type: "string",
    env: "ALIBABA_CLOUD_REGION_ID",
    help: "Default region, e.g. cn-hangzhou (else the CLI profile's region_id).",
    readBy: ["server"],
    manifest: "region_id",
    registry: true,
  }),
  setting({
    key: "profile",
    flag: "profile",
    valueName: "NAME",
    type: "string",
    env: "ALIBABA_CLOUD_PROFILE",
    help: "aliyun CLI profile in ~/.aliyun/config.json: selects the credentials and the region_id.",
    readBy: ["server", "credential chain"],
    manifest: "profile",
    registry: true,
  }),
  setting({
    key: "endpoint",
    flag: "endpoint",
    valueName: "URL",
    type: "string",
    env: "ALIBABA_CLOUD_ECS_ENDPOINT",
    help: "Replaces https://ecs.<region>.aliyuncs.com with an origin (VPC endpoint, gateway).",
    readBy: ["server"],
    registry: true,
  }),
  setting({
    key: "timeoutMs",
    flag: "timeout-ms",
    valueName: "N",
    type: "number",
    env: "ECS_TASKS_MCP_TIMEOUT_MS",
    default: DEFAULT_TIMEOUT_MS,
    parse: milliseconds,
    help: "Whole-request timeout in ms, 100-600000.",
    readBy: ["server"],
    registry: true,
  }),
  setting({
    key: "connectTimeoutMs",
    flag: "connect-timeout-ms",
    valueName: "N",
    type: "number",
    env: "ECS_TASKS_MCP_CONNECT_TIMEOUT_MS",
    default: DEFAULT_CONNECT_TIMEOUT_MS,
    parse: milliseconds,
    help: "TCP/TLS connect timeout in ms, 100-600000.",
    readBy: ["server"],
    registry: true,
  }),
  setting({
    key: "logLevel",
    flag: "log-level",
    valueName: "LEVEL",
    type: "string",
    env: "ECS_TASKS_MCP_LOG_LEVEL",
    default: DEFAULT_LOG_LEVEL,
    parse: logLevel,
    help: `stderr diagnostics: ${LOG_LEVELS.join(", ")} (warn = warning).`,
    readBy: ["server"],
    registry: true,
  }),
  setting({
    key: "pageConcurrency",
    flag: "page-concurrency",
    valueName: "N",
    type: "number",
    env: "ECS_TASKS_MCP_PAGE_CONCURRENCY",
    default: DEFAULT_PAGE_CONCURRENCY,
    parse: wholeNumber(1, 16, ""),
    help: "DescribeTasks pages in flight at once with AllPages, 1-16 (the benchmark's sequential baseline sets 1).",
    only: "benchmark",
    readBy: ["server"],
  }),
  setting({
    key: "maxBodyBytes", flag: "max-body-bytes", valueName: "N", type: "number", env: "ECS_TASKS_MCP_MAX_BODY_BYTES", readBy: ["server"],
    default: DEFAULT_MAX_BODY_BYTES,
    parse: wholeNumber(65_536, 268_435_456, " of bytes"),
    help: "Largest ECS answer read, in bytes, 65536-268435456: past it reading stops and the call fails (a 100-task page is about 30 KB).",
  }),
  setting({
    key: "credentialsTimeoutMs", flag: "credentials-timeout-ms", valueName: "N", type: "number", env: "ECS_TASKS_MCP_CREDENTIALS_TIMEOUT_MS", readBy: ["server"],
    default: DEFAULT_CREDENTIALS_TIMEOUT_MS,
    parse: milliseconds,
    help: "Deadline of one credential lookup through the official chain in ms, 100-600000; a lookup that overruns is abandoned.",
  }),
  setting({
    key: "noUi",
    flag: "no-ui",
    type: "boolean",
    env: "ECS_TASKS_MCP_NO_UI",
    default: false,
    parse: trueOrFalse,
    help: "Text only: no live dashboard (MCP App) for hosts that render them; answers are the same either way.",
    readBy: ["server"],
    registry: true,
  }),
  setting({
    key: "allowCancel",
    flag: "allow-cancel",
    type: "boolean",
    env: "ECS_TASKS_MCP_ALLOW_CANCEL",
    default: false,
    parse: trueOrFalse,
    help: "Offer cancel_ecs_task (stops a running image import/export, with the person's consent); off: read-only.",
    readBy: ["server"],
    registry: true,
  }),
  ...HTTP_SETTINGS,
  { kind: "action", key: "help", flag: "help", short: "h", help: "Print this help and exit." },
  { kind: "action", key: "version", flag: "version", short: "v", help: "Print the version and exit." },

  variable({
    env: "ALIBABA_CLOUD_ACCESS_KEY_ID",
    group: "credentials",
    help: "AccessKey ID, first in the credential chain (the server masks it in every text it writes).",
    readBy: ["server", "credential chain"],
    manifest: "access_key_id",
    registry: true,
    secret: true,
  }),
  variable({
    env: "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
    group: "credentials",
    help: "AccessKey secret, with ALIBABA_CLOUD_ACCESS_KEY_ID (the server scrubs it from every text it writes).",
    readBy: ["server", "credential chain"],
    manifest: "access_key_secret",
    registry: true,
    secret: true,
  }),
  variable({
    env: "ALIBABA_CLOUD_SECURITY_TOKEN",
    group: "credentials",
    help: "STS security token, with temporary AccessKeys (scrubbed like the secret).",
    readBy: ["server", "credential chain"],
    registry: true,
    secret: true,
  }),
  variable({ env: "ALIBABA_CLOUD_ROLE_ARN", group: "credential chain", help: "OIDC role (ACK RRSA): the RAM role to assume.", readBy: ["credential chain"] }),
  variable({ env: "ALIBABA_CLOUD_OIDC_PROVIDER_ARN", group: "credential chain", help: "OIDC role: the identity provider.", readBy: ["credential chain"] }),
  variable({ env: "ALIBABA_CLOUD_OIDC_TOKEN_FILE", group: "credential chain", help: "OIDC role: the token file.", readBy: ["credential chain"] }),
  variable({ env: "ALIBABA_CLOUD_ROLE_SESSION_NAME", group: "credential chain", help: "Session name when a role is assumed.", readBy: ["credential chain"] }),
  variable({ env: "ALIBABA_CLOUD_STS_REGION", group: "credential chain", help: "Region of the STS endpoint used to assume a role.", readBy: ["credential chain"] }),
  variable({ env: "ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED", group: "credential chain", help: "true: assume roles through the STS VPC endpoint.", readBy: ["credential chain"] }),
  variable({ env: "ALIBABA_CLOUD_CLI_PROFILE_DISABLED", group: "credential chain", help: "true: skip the aliyun CLI profile.", readBy: ["credential chain"] }),
  variable({ env: "ALIBABA_CLOUD_CREDENTIALS_FILE", group: "credential chain", help: "Path of the ini credentials file (default ~/.alibabacloud/credentials).", readBy: ["credential chain"] }),
  variable({ env: "ALIBABA_CLOUD_ECS_METADATA", group: "credential chain", help: "ECS instance RAM role name (else asked from the metadata service).", readBy: ["credential chain"] }),
  variable({ env: "ALIBABA_CLOUD_ECS_METADATA_DISABLED", group: "credential chain", help: "true: never ask the ECS metadata service.", readBy: ["credential chain"] }),
  variable({ env: "ALIBABA_CLOUD_IMDSV1_DISABLED", group: "credential chain", help: "true: require the metadata service's hardened mode (IMDSv2).", readBy: ["credential chain"] }),
  variable({ env: "ALIBABA_CLOUD_CREDENTIALS_URI", group: "credential chain", help: "A local URL that returns credentials.", readBy: ["credential chain"] }),
  variable({
    env: "HTTPS_PROXY",
    group: "network",
    help: "Outbound proxy for https:// endpoints (the public ones); HTTP_PROXY for http://.",
    readBy: ["HTTP client"],
  }),
  variable({ env: "HTTP_PROXY", group: "network", help: "Outbound proxy for http:// endpoints.", readBy: ["HTTP client"] }),
  variable({ env: "NO_PROXY", group: "network", help: "Hosts reached without the proxy.", readBy: ["HTTP client"] }),
  variable({ env: "NODE_EXTRA_CA_CERTS", group: "network", help: "Extra CA certificates, for a proxy that inspects TLS.", readBy: ["Node.js"] }),
  variable({ env: "TZ", group: "process", help: "Default time zone of time phrases when a call passes no TimeZone (else the system's).", readBy: ["server"] }),
];

export const SETTINGS: readonly SettingOption[] = OPTIONS.filter((o): o is SettingOption => o.kind === "setting");
export const ACTIONS: readonly ActionOption[] = OPTIONS.filter((o): o is ActionOption => o.kind === "action");
export const VARIABLES: readonly EnvironmentVariable[] = OPTIONS.filter((o): o is EnvironmentVariable => o.kind === "variable");

/** Every environment variable in the table, settings and others. */
export function environmentNames(): string[] {
  return OPTIONS.flatMap((o) => (o.kind === "action" || o.env === undefined ? [] : [o.env]));
}

/** `--region ID`, `--sandbox`, `-h, --help`. */
export function flagLabel(o: SettingOption | ActionOption): string {
  if (o.kind === "action") return `-${o.short}, --${o.flag}`;
  return o.valueName ? `--${o.flag} ${o.valueName}` : `--${o.flag}`;
}
