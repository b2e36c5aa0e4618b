// Settings from the environment and the command line. Reading them touches no network
// and no credential file: start-up must stay instant.

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

export function configFromEnv(env: Env): ServerConfig {
  const config: ServerConfig = {
    timeoutMs: positiveInt(env.ECS_TASKS_MCP_TIMEOUT_MS, "ECS_TASKS_MCP_TIMEOUT_MS") ?? DEFAULT_TIMEOUT_MS,
    connectTimeoutMs: DEFAULT_CONNECT_TIMEOUT_MS,
    sandbox: false,
  };
  if (env.ALIBABA_CLOUD_ECS_ENDPOINT) config.endpoint = env.ALIBABA_CLOUD_ECS_ENDPOINT;
  if (env.ALIBABA_CLOUD_REGION_ID) config.regionId = env.ALIBABA_CLOUD_REGION_ID;
  if (env.ALIBABA_CLOUD_PROFILE) config.profile = env.ALIBABA_CLOUD_PROFILE;
  return config;
}

export interface CliArgs {
  help: boolean;
  version: boolean;
  sandbox: boolean;
  region?: string;
  profile?: string;
  endpoint?: string;
  timeoutMs?: number;
}

const VALUE_FLAGS = new Set(["--region", "--profile", "--endpoint", "--timeout-ms"]);

/** Parses argv (without node and script). Throws with a readable message on unknown flags. */
export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { help: false, version: false, sandbox: false };
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
  config.sandbox = args.sandbox;
  return config;
}
