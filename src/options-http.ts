// The --http settings of the options table (src/options.ts spreads them into OPTIONS, so parseArgs,
// --help and docs/options.md see one table).
import { ConfigError } from "./errors.js";
import { milliseconds, setting, wholeNumber, type SettingOption } from "./option-kit.js";

export const DEFAULT_HTTP_PORT = 3000;
export const DEFAULT_HTTP_HOST = "127.0.0.1";
export const DEFAULT_RATE_LIMIT = 120;
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

/** An absolute http(s) URL without query or fragment; https unless it is loopback. */
function webUrl(raw: string, origin: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ConfigError(`${origin} must be an absolute URL such as https://login.example.com, got "${raw}"`);
  }
  const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  if (!(url.protocol === "https:" || (url.protocol === "http:" && loopback)) || url.search || url.hash || url.username) {
    throw new ConfigError(`${origin} must be an https:// URL (http:// only on loopback), without query or fragment, got "${raw}"`);
  }
  return url.href.replace(/\/$/, "");
}

export const HTTP_SETTINGS: readonly SettingOption[] = [
  setting({
    key: "http",
    flag: "http",
    type: "boolean",
    default: false,
    help: "Serve Streamable HTTP at /mcp (stateless) instead of stdio; see docs/deploy.md.",
    readBy: ["server"],
  }),
  setting({
    key: "port",
    flag: "port",
    valueName: "N",
    type: "number",
    env: "ECS_TASKS_MCP_PORT",
    default: DEFAULT_HTTP_PORT,
    parse: wholeNumber(0, 65_535, ""),
    help: "HTTP port with --http, 0-65535 (0: any free port, announced on stderr).",
    readBy: ["server"],
  }),
  setting({
    key: "host",
    flag: "host",
    valueName: "ADDR",
    type: "string",
    env: "ECS_TASKS_MCP_HOST",
    default: DEFAULT_HTTP_HOST,
    help: "HTTP bind address with --http; beyond loopback an auth method is required.",
    readBy: ["server"],
  }),
  setting({
    key: "authTokensFile",
    flag: "auth-tokens-file",
    valueName: "FILE",
    type: "string",
    env: "ECS_TASKS_MCP_AUTH_TOKENS_FILE",
    help: "Bearer tokens for --http: lines name:sha256hex (the SHA-256 of each token; the file holds no secret).",
    readBy: ["server"],
  }),
  setting({
    key: "oidcIssuer",
    flag: "oidc-issuer",
    valueName: "URL",
    type: "string",
    env: "ECS_TASKS_MCP_OIDC_ISSUER",
    parse: webUrl,
    help: "OIDC issuer whose access tokens --http accepts (verified with its JWKS), with --oidc-audience.",
    readBy: ["server"],
  }),
  setting({
    key: "oidcAudience",
    flag: "oidc-audience",
    valueName: "AUD",
    type: "string",
    env: "ECS_TASKS_MCP_OIDC_AUDIENCE",
    help: "The audience an OIDC access token must name (usually the server's public /mcp URL).",
    readBy: ["server"],
  }),
  setting({
    key: "allowedHosts",
    flag: "allowed-hosts",
    valueName: "LIST",
    type: "string",
    env: "ECS_TASKS_MCP_ALLOWED_HOSTS",
    help: "Comma-separated Host names (host or host:port) --http accepts beyond loopback; others get 403.",
    readBy: ["server"],
  }),
  setting({
    key: "publicUrl",
    flag: "public-url",
    valueName: "URL",
    type: "string",
    env: "ECS_TASKS_MCP_PUBLIC_URL",
    parse: webUrl,
    help: "The origin clients reach --http at, e.g. https://mcp.example.com (else http://<Host header>).",
    readBy: ["server"],
  }),
  setting({
    key: "policyFile",
    flag: "policy-file",
    valueName: "FILE",
    type: "string",
    env: "ECS_TASKS_MCP_POLICY_FILE",
    help: "JSON naming per caller the tools and CLI profiles allowed (default: read-only tools, default credentials).",
    readBy: ["server"],
  }),
  setting({
    key: "rateLimit",
    flag: "rate-limit",
    valueName: "N",
    type: "number",
    env: "ECS_TASKS_MCP_RATE_LIMIT",
    default: DEFAULT_RATE_LIMIT,
    parse: wholeNumber(1, 100_000, " of requests per minute"),
    help: "Requests per minute per caller with --http; more get 429 with Retry-After.",
    readBy: ["server"],
  }),
  setting({
    key: "shutdownGraceMs",
    flag: "shutdown-grace-ms",
    valueName: "N",
    type: "number",
    env: "ECS_TASKS_MCP_SHUTDOWN_GRACE_MS",
    default: DEFAULT_SHUTDOWN_GRACE_MS,
    parse: milliseconds,
    help: "On SIGTERM with --http, how long calls in flight may take to finish (waits answer early), 100-600000.",
    readBy: ["server"],
  }),
];
