// Settings from the environment and the command line, both read through the options table
// (src/options.ts). Reading them touches no network and no credential file: start-up must stay instant.
import { parseArgs as parseArgv, type ParseArgsConfig } from "node:util";
import { ConfigError } from "./errors.js";
import { ACTIONS, DEFAULT_LOG_LEVEL, LOG_LEVELS, SETTINGS, type LogLevel, type ServerConfig, type SettingKey, type SettingOption } from "./options.js";

export {
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_LOG_LEVEL,
  DEFAULT_TIMEOUT_MS,
  LOG_LEVELS,
  type LogLevel,
  type ServerConfig,
} from "./options.js";

export type Env = Record<string, string | undefined>;

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

type Settings = Partial<{ [K in SettingKey]: ServerConfig[K] }>;

/** One raw value through its option's check; blank counts as unset. */
function settingValue(option: SettingOption, raw: string | boolean | undefined, origin: string): ServerConfig[SettingKey] | undefined {
  if (typeof raw === "boolean") return raw;
  if (isUnsetValue(raw)) return undefined;
  return option.parse ? option.parse(raw!, origin) : raw!;
}

/** The settings found in the environment, each checked by its option; nothing for unset ones. */
export function settingsFromEnv(env: Env): Settings {
  const out: Record<string, unknown> = {};
  for (const option of SETTINGS) {
    if (option.env === undefined) continue;
    const value = settingValue(option, env[option.env], option.env);
    if (value !== undefined) out[option.key] = value;
  }
  return out;
}

export type CliArgs = Settings & {
  /** `doctor`: check the setup and exit; otherwise the stdio server. */
  command: "server" | "doctor";
  help: boolean;
  version: boolean;
};

const PARSE_OPTIONS: NonNullable<ParseArgsConfig["options"]> = Object.fromEntries([
  ...SETTINGS.map((o) => [o.flag, { type: o.type === "boolean" ? "boolean" : "string" }] as const),
  ...ACTIONS.map((o) => [o.flag, { type: "boolean", short: o.short }] as const),
]);

const HELP_POINTER = "run with --help for the options";

/** node:util's messages, in our words: every failure names the argument and points at --help. */
function argvError(err: unknown): ConfigError {
  const code = (err as { code?: unknown }).code;
  const message = err instanceof Error ? err.message : String(err);
  const quoted = /'(-{1,2}[^' ]+)/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && quoted) {
    return /does not take an argument/.test(message)
      ? new ConfigError(`${quoted} takes no value; ${HELP_POINTER}`)
      : new ConfigError(`${quoted} needs a value; ${HELP_POINTER}`);
  }
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && quoted) return new ConfigError(`unknown argument "${quoted}"; ${HELP_POINTER}`);
  return new ConfigError(`${message}; ${HELP_POINTER}`);
}

/**
 * Parses argv (without node and script): `doctor` first or not at all, then the table's flags as
 * `--flag value` or `--flag=value`. Values are checked here, so a bad one fails before anything
 * starts. Throws ConfigError with a readable message.
 */
export function parseArgs(argv: string[]): CliArgs {
  let parsed: ReturnType<typeof parseArgv>;
  try {
    parsed = parseArgv({ args: argv, options: PARSE_OPTIONS, strict: true, allowPositionals: true, tokens: true });
  } catch (err) {
    throw argvError(err);
  }
  const args: CliArgs = { command: "server", help: false, version: false };
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== "positional") continue;
    if (token.value !== "doctor") throw new ConfigError(`unknown argument "${token.value}"; ${HELP_POINTER}`);
    if (token.index !== 0) throw new ConfigError(`"doctor" must come first: ecs-tasks-mcp doctor [options]`);
    args.command = "doctor";
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  for (const action of ACTIONS) args[action.key] = values[action.flag] === true;
  const settings = args as Record<string, unknown>;
  for (const option of SETTINGS) {
    const value = settingValue(option, values[option.flag], `--${option.flag}`);
    if (value !== undefined) settings[option.key] = value;
  }
  return args;
}

/** Defaults, overridden by the environment, overridden by flags. */
export function resolveConfig(args: CliArgs, env: Env): ServerConfig {
  const config: Record<string, unknown> = {};
  for (const option of SETTINGS) if (option.default !== undefined) config[option.key] = option.default;
  const fromEnv = settingsFromEnv(env);
  for (const option of SETTINGS) {
    const value = args[option.key] ?? fromEnv[option.key];
    if (value !== undefined) config[option.key] = value;
  }
  return config as unknown as ServerConfig;
}

/** Where a setting came from, for messages: `--region` when the flag gave it, else its variable. */
export function settingSource(args: CliArgs, key: SettingKey): string {
  const option = SETTINGS.find((o) => o.key === key);
  if (!option) throw new ConfigError(`no option for ${key}`);
  return args[key] !== undefined || option.env === undefined ? `--${option.flag}` : option.env;
}
