// Settings from the environment and the command line. Reading them touches no network
// and no credential file: start-up must stay instant.

export const LOG_LEVELS = ["debug", "info", "warning", "error"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const DEFAULT_LOG_LEVEL: LogLevel = "warning";

export interface ServerConfig {
  /** Full URL that replaces `https://ecs.<RegionId>.aliyuncs.com` (tests, the sandbox, private gateways). */
  endpoint?: string;
  /** Default region when the tool call names none: `--region`, else `ALIBABA_CLOUD_REGION_ID`. */
  regionId?: string;
  /** CLI profile name (`--profile`, else `ALIBABA_CLOUD_PROFILE`); used for the profile's `region_id`. */
  profile?: string;
  /** Whole-request budget for one HTTP call, in ms. */
  timeoutMs: number;
  /** TCP/TLS connect budget, in ms. */
  connectTimeoutMs: number;
  /** True when answers come from the built-in sandbox, never from Alibaba Cloud. */
  sandbox: boolean;
  /** Lowest level of stderr diagnostics written (`--log-level`, else `ECS_TASKS_MCP_LOG_LEVEL`). */
  logLevel?: LogLevel;
  /** DescribeTasks pages in flight at once with AllPages (`ECS_TASKS_MCP_PAGE_CONCURRENCY`, 1-16, default 8). */
  pageConcurrency?: number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;

export type Env = Record<string, string | undefined>;

function positiveInt(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === "") return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 100 || n > 600_000) {
    throw new Error(`${name} must be a whole number of milliseconds from 100 to 600000, got "${value}"`);
  }
  return n;
}

function logLevel(value: string | undefined, name: string): LogLevel | undefined {
  if (value === undefined || value === "") return undefined;
  const lower = value.toLowerCase() === "warn" ? "warning" : value.toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(lower)) {
    throw new Error(`${name} must be one of ${LOG_LEVELS.join(", ")}, got "${value}"`);
  }
  return lower as LogLevel;
}

/** True when a message at `level` should be written under the configured threshold. */
export function shouldLog(level: LogLevel, threshold: LogLevel = DEFAULT_LOG_LEVEL): boolean {
  return LOG_LEVELS.indexOf(level) >= LOG_LEVELS.indexOf(threshold);
}

/**
 * A value that is really "unset": empty, or a client placeholder left unexpanded (an MCP Bundle
 * optional field the user left blank may arrive as the literal `${user_config.region}`).
 */
export function isUnsetValue(value: string | undefined): boolean {
  return value === undefined || value.trim() === "" || /^\$\{[^}]*\}$/.test(value.trim());
}

/** Deletes unset-looking Alibaba Cloud / ecs-tasks-mcp variables so no consumer (the official chain included) sees them. */
export function scrubUnsetEnv(env: Env): void {
  for (const key of Object.keys(env)) {
    if ((key.startsWith("ALIBABA_CLOUD_") || key.startsWith("ECS_TASKS_MCP_")) && isUnsetValue(env[key])) delete env[key];
  }
}

export function configFromEnv(env: Env): ServerConfig {
  const value = (name: string): string | undefined => (isUnsetValue(env[name]) ? undefined : env[name]);
  const config: ServerConfig = {
    timeoutMs: positiveInt(value("ECS_TASKS_MCP_TIMEOUT_MS"), "ECS_TASKS_MCP_TIMEOUT_MS") ?? DEFAULT_TIMEOUT_MS,
    connectTimeoutMs:
      positiveInt(value("ECS_TASKS_MCP_CONNECT_TIMEOUT_MS"), "ECS_TASKS_MCP_CONNECT_TIMEOUT_MS") ?? DEFAULT_CONNECT_TIMEOUT_MS,
    sandbox: false,
  };
  const concurrency = value("ECS_TASKS_MCP_PAGE_CONCURRENCY");
  if (concurrency !== undefined) {
    const n = Number(concurrency);
    if (!Number.isInteger(n) || n < 1 || n > 16) {
      throw new Error(`ECS_TASKS_MCP_PAGE_CONCURRENCY must be a whole number from 1 to 16, got "${concurrency}"`);
    }
    config.pageConcurrency = n;
  }
  const endpoint = value("ALIBABA_CLOUD_ECS_ENDPOINT");
  const regionId = value("ALIBABA_CLOUD_REGION_ID");
  const profile = value("ALIBABA_CLOUD_PROFILE");
  const level = logLevel(value("ECS_TASKS_MCP_LOG_LEVEL"), "ECS_TASKS_MCP_LOG_LEVEL");
  if (endpoint) config.endpoint = endpoint;
  if (regionId) config.regionId = regionId;
  if (profile) config.profile = profile;
  if (level) config.logLevel = level;
  return config;
}

export interface CliArgs {
  /** `doctor`: check the setup and exit; otherwise the stdio server. */
  command: "server" | "doctor";
  help: boolean;
  version: boolean;
  sandbox: boolean;
  region?: string;
  profile?: string;
  endpoint?: string;
  timeoutMs?: number;
  logLevel?: LogLevel;
}

const VALUE_FLAGS = new Set(["--region", "--profile", "--endpoint", "--timeout-ms", "--log-level"]);

/** Parses argv (without node and script). Throws with a readable message on unknown flags. */
export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { command: "server", help: false, version: false, sandbox: false };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] ?? "";
    const eq = raw.indexOf("=");
    const flag = raw.startsWith("--") && eq > 0 ? raw.slice(0, eq) : raw;
    let value: string | undefined = raw.startsWith("--") && eq > 0 ? raw.slice(eq + 1) : undefined;
    if (VALUE_FLAGS.has(flag) && value === undefined) {
      value = argv[++i];
      if (value === undefined) throw new Error(`${flag} needs a value`);
    }
    switch (flag) {
      case "doctor":
        if (i !== 0) throw new Error(`"doctor" must come first: ecs-tasks-mcp doctor [options]`);
        args.command = "doctor";
        break;
      case "-h":
      case "--help":
        args.help = true;
        break;
      case "-v":
      case "--version":
        args.version = true;
        break;
      case "--sandbox":
        args.sandbox = true;
        break;
      case "--region":
        args.region = value;
        break;
      case "--profile":
        args.profile = value;
        break;
      case "--endpoint":
        args.endpoint = value;
        break;
      case "--timeout-ms":
        args.timeoutMs = positiveInt(value, "--timeout-ms");
        break;
      case "--log-level":
        args.logLevel = logLevel(value, "--log-level");
        break;
      default:
        throw new Error(`unknown argument "${raw}"; run with --help for the options`);
    }
  }
  return args;
}

/** Flags override environment variables. */
export function resolveConfig(args: CliArgs, env: Env): ServerConfig {
  const config = configFromEnv(env);
  if (args.region) config.regionId = args.region;
  if (args.profile) config.profile = args.profile;
  if (args.endpoint) config.endpoint = args.endpoint;
  if (args.timeoutMs) config.timeoutMs = args.timeoutMs;
  if (args.logLevel) config.logLevel = args.logLevel;
  config.sandbox = args.sandbox;
  return config;
}
