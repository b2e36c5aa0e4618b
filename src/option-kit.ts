// The shapes of the options table (src/options.ts) and the helpers its entries are built with: kept
// apart so the table's parts (options-http.ts) can share them without an import circle.
import { ConfigError } from "./errors.js";

export const LOG_LEVELS = ["debug", "info", "warning", "error"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
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
  /** DescribeTasks pages in flight at once with AllPages (1-16, default 8). */
  pageConcurrency?: number;
  /** Largest ECS answer body read, in bytes; reading stops (and the connection closes) past it. */
  maxBodyBytes: number;
  /** Deadline of one credential lookup through the official chain, in ms. */
  credentialsTimeoutMs: number;
  /** Registers cancel_ecs_task (`--allow-cancel`, else ECS_TASKS_MCP_ALLOW_CANCEL); read-only by default. */
  allowCancel?: boolean;
  /** True: no MCP App (no `_meta.ui` on describe_ecs_tasks, no dashboard resource, no app-only tool). */
  noUi?: boolean;
  /** Serve Streamable HTTP at /mcp instead of stdio. */
  http?: boolean;
  /** HTTP port (0: any free port, announced on stderr). */
  port?: number;
  /** HTTP bind address. */
  host?: string;
  /** Lines `name:sha256hex` (the SHA-256 of each bearer token): the callers let in. */
  authTokensFile?: string;
  /** OIDC issuer whose access tokens are accepted (JWKS from its discovery document). */
  oidcIssuer?: string;
  /** The audience an OIDC access token must carry. */
  oidcAudience?: string;
  /** Comma-separated Host header values accepted when bound beyond loopback. */
  allowedHosts?: string;
  /** The public origin the server is reached at (for the OAuth metadata), e.g. https://mcp.example.com. */
  publicUrl?: string;
  /** JSON file naming per caller the tools and CLI profiles allowed. */
  policyFile?: string;
  /** Requests per minute per caller over HTTP. */
  rateLimit?: number;
  /** On SIGTERM, how long calls in flight may take to finish, in ms. */
  shutdownGraceMs?: number;
}

export type SettingKey = keyof ServerConfig;

/** Who reads a variable: this server's own code, the official `@alicloud/credentials` chain, undici's proxy agent, Node.js itself. */
export type Reader = "server" | "credential chain" | "HTTP client" | "Node.js";

export interface Published {
  /** The manifest.json `user_config` key mapped to this variable in `server.mcp_config.env`. */
  manifest?: string;
  /** Listed in server.json's `environmentVariables` (the MCP registry entry). */
  registry?: boolean;
  /** A secret: `sensitive` in the manifest, `isSecret` in server.json, never printed. */
  secret?: boolean;
}

/** A setting of ServerConfig: a flag and/or an environment variable; the flag wins. */
export interface SettingOption<K extends SettingKey = SettingKey> extends Published {
  kind: "setting";
  key: K;
  /** Long flag without the dashes, e.g. `region` for `--region`. */
  flag: string;
  /** Placeholder in `--help`, e.g. `ID`; absent for a switch (a boolean flag without a value). */
  valueName?: string;
  type: "string" | "number" | "boolean";
  env?: string;
  default?: NonNullable<ServerConfig[K]>;
  /** Checks and converts a raw value; `origin` (the flag or variable) names it in the error. Throws ConfigError. */
  parse?: (raw: string, origin: string) => NonNullable<ServerConfig[K]>;
  /** One line for `--help` and docs/options.md. */
  help: string;
  /** Exists only for the sandbox or the benchmark: marked as such in `--help` and the docs. */
  only?: "sandbox" | "benchmark";
  readBy: readonly Reader[];
}

/** A flag that does something instead of configuring the server (`--help`, `--version`). */
export interface ActionOption {
  kind: "action";
  key: "help" | "version";
  flag: string;
  short: string;
  help: string;
}

/** An environment variable that is no setting of ours: credentials, proxies, the time zone. */
export interface EnvironmentVariable extends Published {
  kind: "variable";
  env: string;
  help: string;
  readBy: readonly Reader[];
  /** Heading it is listed under in `--help` and the docs. */
  group: "credentials" | "credential chain" | "network" | "process";
}

export type OptionEntry = SettingOption | ActionOption | EnvironmentVariable;

export const setting = <K extends SettingKey>(spec: Omit<SettingOption<K>, "kind">): SettingOption<K> => ({ kind: "setting", ...spec });
export const variable = (spec: Omit<EnvironmentVariable, "kind">): EnvironmentVariable => ({ kind: "variable", ...spec });

export function wholeNumber(min: number, max: number, unit: string): (raw: string, origin: string) => number {
  return (raw, origin) => {
    const n = Number(raw.trim());
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new ConfigError(`${origin} must be a whole number${unit} from ${min} to ${max}, got "${raw}"`);
    }
    return n;
  };
}

export const milliseconds = wholeNumber(100, 600_000, " of milliseconds");

/** A switch set through its environment variable: true/1/yes or false/0/no, any casing. */
export function trueOrFalse(raw: string, origin: string): boolean {
  const v = raw.trim().toLowerCase();
  if (["true", "1", "yes"].includes(v)) return true;
  if (["false", "0", "no"].includes(v)) return false;
  throw new ConfigError(`${origin} must be true or false, got "${raw}"`);
}

