// `doctor --http`: the HTTP settings as the server would read them (auth method, tokens file,
// OIDC issuer, policy, bind address and port), before anyone relies on them.
import { createServer } from "node:net";
import type { ServerConfig } from "../config.js";
import { httpSecurity } from "../http/settings.js";
import { isLoopbackAddress } from "../http/guards.js";
import { DEFAULT_HTTP_HOST, DEFAULT_HTTP_PORT } from "../options.js";
import type { CheckResult } from "./checks.js";

/** Whether host:port can be bound now: undefined when it can, else the error code. */
export function tryListen(host: string, port: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
    s.listen(port, host, () => s.close(() => resolve(undefined)));
  });
}

export async function checkHttp(config: ServerConfig, listen: (host: string, port: number) => Promise<string | undefined> = tryListen): Promise<CheckResult> {
  const host = config.host ?? DEFAULT_HTTP_HOST;
  const port = config.port ?? DEFAULT_HTTP_PORT;
  const title = "HTTP (--http)";
  let summary: string;
  try {
    summary = httpSecurity(config).summary;
  } catch (err) {
    return { id: "http", title, status: "fail", detail: `on ${host}:${port}: ${(err as Error).message}`, fix: "see docs/deploy.md (Authentication)" };
  }
  const busy = await listen(host, port);
  if (busy) {
    return { id: "http", title, status: "fail", detail: `cannot listen on ${host}:${port} (${busy})`, fix: "choose a free --port, or a --host this machine has" };
  }
  const detail = `${host}:${port}; ${summary}`;
  if (!isLoopbackAddress(host) && !config.allowedHosts) {
    return { id: "http", title, status: "warn", detail, fix: "list the names clients use in --allowed-hosts, so DNS rebinding gets 403" };
  }
  return { id: "http", title, status: "pass", detail };
}
