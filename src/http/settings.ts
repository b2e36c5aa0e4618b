// The --http settings checked before anything starts (by the server and by `doctor --http`): the
// auth method, the policy, and the refusal to expose an unauthenticated server. Reads files, no network.
import { readFileSync } from "node:fs";
import type { ServerConfig } from "../config.js";
import { ConfigError } from "../errors.js";
import { DEFAULT_HTTP_HOST } from "../options.js";
import { parsePolicy, type Policy } from "../policy.js";
import { oidcAuthenticator, parseTokensFile, tokenAuthenticator, type Authenticator } from "./auth.js";
import { isLoopbackAddress } from "./guards.js";

/** How to let callers in, said whenever a setting is missing. */
export const AUTH_HOWTO =
  "configure an auth method: --auth-tokens-file FILE (lines name:sha256hex, the SHA-256 of each token) " +
  "or --oidc-issuer URL with --oidc-audience AUD; see docs/deploy.md";

function readSettingFile(path: string, flag: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (err) {
    throw new ConfigError(`${flag} ${path} cannot be read (${(err as NodeJS.ErrnoException).code ?? "error"})`);
  }
}

/** The auth method and policy the settings name; refuses an exposed server without auth. Reads files, no network. */
export interface HttpSecurity {
  auth?: Authenticator;
  policy?: Policy;
  /** One line for doctor and the start-up log: the auth method and the policy, no secret. */
  summary: string;
}

export function httpSecurity(config: ServerConfig): HttpSecurity {
  if (config.oidcIssuer && config.authTokensFile) throw new ConfigError("choose one auth method: --auth-tokens-file or --oidc-issuer, not both");
  if (config.oidcIssuer && !config.oidcAudience) throw new ConfigError("--oidc-issuer needs --oidc-audience (the audience your tokens carry, usually the public /mcp URL)");
  if (config.oidcAudience && !config.oidcIssuer) throw new ConfigError("--oidc-audience needs --oidc-issuer");
  let auth: Authenticator | undefined;
  let summary = "no auth (loopback only)";
  if (config.authTokensFile) {
    const entries = parseTokensFile(readSettingFile(config.authTokensFile, "--auth-tokens-file"), "--auth-tokens-file");
    auth = tokenAuthenticator(entries);
    summary = `bearer tokens: ${entries.length} caller(s) in ${config.authTokensFile}`;
  } else if (config.oidcIssuer) {
    auth = oidcAuthenticator(config.oidcIssuer, config.oidcAudience!);
    summary = `OIDC: issuer ${config.oidcIssuer}, audience ${config.oidcAudience!}`;
  }
  const host = config.host ?? DEFAULT_HTTP_HOST;
  if (!auth && !isLoopbackAddress(host)) {
    throw new ConfigError(`refusing to serve --host ${host} without authentication: anyone who reaches it could use your Alibaba Cloud credentials; ${AUTH_HOWTO}`);
  }
  const policy = config.policyFile ? parsePolicy(readSettingFile(config.policyFile, "--policy-file"), "--policy-file") : undefined;
  summary += policy ? `; policy: ${policy.size} caller(s) named in ${config.policyFile}, others read-only` : "; policy: every caller read-only, default credentials";
  return { ...(auth ? { auth } : {}), ...(policy ? { policy } : {}), summary };
}

