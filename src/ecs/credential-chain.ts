// The official default credential chain (`@alicloud/credentials`), bounded. Its providers, their
// order and their names are the official ones; three things are added around them:
// - A deadline and cancellation: a lookup that overruns is abandoned (the caller gets a clear
//   error), at most one lookup runs at a time, and while an abandoned one is still stuck no new one
//   is started. `busy` tells the process's exit that a lookup may be blocking a thread.
// - Files are checked before the chain reads them: a FIFO, a device or an oversized file in place of
//   ~/.aliyun/config.json, the credentials file (ALIBABA_CLOUD_CREDENTIALS_FILE) or the OIDC token
//   file would block a thread-pool read for ever (and the process's exit with it), so it is refused.
// - The credentials URI provider's HTTP request (httpx, which keeps reading an endless answer after
//   the lookup gave up and never closes the socket) is replaced by a bounded one: a deadline, at most
//   64 KiB read, the socket destroyed when the lookup ends or is abandoned.
// The chain's own messages are never passed on (they may quote a config file, secrets included);
// the error says what our checks found instead, and what ~/.aliyun/config.json looks like.
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { join } from "node:path";
import { AppError } from "../errors.js";
import type { Redactor } from "../redact.js";
import { cliConfigNotes, fileProblem } from "./cli-config.js";
import { noCredentialsError, remember, type CredentialSource, type Credentials } from "./credentials.js";
import { loadUndici } from "./undici.js";

export const DEFAULT_CREDENTIALS_TIMEOUT_MS = 10_000;
/** A credentials URI answers with a few hundred bytes of JSON. */
export const MAX_CREDENTIALS_URI_BYTES = 64 * 1024;

interface ProviderCredentials {
  accessKeyId?: string;
  accessKeySecret?: string;
  securityToken?: string;
  providerName?: string;
}
interface Provider {
  getCredentials(): Promise<ProviderCredentials>;
  getProviderName(): string;
}
interface OfficialChain extends Provider {
  providers: Provider[];
  lastUsedProvider?: Provider;
}
/** The request object the official providers build (providers/http.js). */
interface ChainRequest {
  toRequestURL(): string;
  method?: string;
  headers?: Record<string, string>;
  readTimeout?: number;
  connectTimeout?: number;
}

/** The lookup in progress, as seen from inside the chain's providers. */
interface Lookup {
  signal: AbortSignal;
  /** What our checks found, in words safe to show (never file contents). */
  notes: Set<string>;
}
/**
 * The lookup running now. A chain runs one lookup at a time, so the providers' hooks find theirs
 * here. (Not AsyncLocalStorage: before Node 22 it puts a hook on every promise of the process.)
 */
let current: Lookup | undefined;
const note = (text: string) => current?.notes.add(text);

const require = createRequire(import.meta.url);

/** Refuses `path` (with a note) when it is not a small regular file; a missing file is the chain's business. */
async function checkFile(path: string | undefined, label: string, withNote = true): Promise<void> {
  if (!path) return;
  const problem = await fileProblem(path);
  if (problem === undefined || problem === "missing") return;
  if (withNote) note(`${label} (${path}) ${problem}.`);
  throw new Error(`${label} ${problem}`);
}

/** The official provider behind a file check that runs before every lookup through it. */
function checkedFirst(provider: Provider, check: () => Promise<void>): Provider {
  return {
    getProviderName: () => provider.getProviderName(),
    async getCredentials() {
      await check();
      return provider.getCredentials();
    },
  };
}

/** The URI provider's HTTP request, bounded: the lookup's signal, the provider's timeouts, 64 KiB. */
async function boundedRequest(req: ChainRequest): Promise<{ statusCode: number; headers: unknown; body: Buffer }> {
  const { Agent, request } = await loadUndici();
  const readTimeout = req.readTimeout ?? 10_000;
  const connectTimeout = req.connectTimeout ?? 5_000;
  const timeout = AbortSignal.timeout(connectTimeout + readTimeout);
  const lookup = current;
  const signal = lookup ? AbortSignal.any([lookup.signal, timeout]) : timeout;
  // Its own connection, destroyed when this request ends whatever happened: no socket outlives it.
  const dispatcher = new Agent({ connect: { timeout: connectTimeout }, pipelining: 0 });
  try {
    const res = await request(req.toRequestURL(), { method: (req.method ?? "GET") as "GET", headers: req.headers ?? {}, signal, dispatcher, headersTimeout: readTimeout, bodyTimeout: readTimeout });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_CREDENTIALS_URI_BYTES) {
        note(`ALIBABA_CLOUD_CREDENTIALS_URI answered with more than ${MAX_CREDENTIALS_URI_BYTES / 1024} KiB; reading stopped there (a credentials answer is a few hundred bytes).`);
        throw new Error("credentials URI answer too large");
      }
      chunks.push(chunk);
    }
    return { statusCode: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) };
  } catch (err) {
    if (timeout.aborted && !lookup?.signal.aborted) note(`ALIBABA_CLOUD_CREDENTIALS_URI gave no complete answer within ${(connectTimeout + readTimeout) / 1000} s.`);
    throw err;
  } finally {
    await dispatcher.destroy().catch(() => undefined);
  }
}

let iniGuarded = false;
/**
 * The profile provider reads its file (ALIBABA_CLOUD_CREDENTIALS_FILE, else ~/.alibabacloud/credentials)
 * through the package's `loadIni`, looked up on its module at each call: checked first, there, on
 * the path the provider itself chose.
 */
function guardIniFiles(): void {
  if (iniGuarded) return;
  const utils = require("@alicloud/credentials/dist/src/util/utils.js") as { loadIni: (path: string) => Promise<unknown> };
  const original = utils.loadIni;
  utils.loadIni = async (path: string) => {
    await checkFile(path, "The credentials file");
    return original(path);
  };
  iniGuarded = true;
}

/**
 * Loads the official chain's code (and guards its file reads) without building or asking it: no
 * network I/O, no credential lookup. The first call then pays only the lookup itself.
 */
export function preloadChainCode(): void {
  guardIniFiles();
  require("@alicloud/credentials");
}

function buildChain(): OfficialChain {
  guardIniFiles();
  const mod = require("@alicloud/credentials") as { DefaultCredentialsProvider: { builder(): { build(): OfficialChain } } };
  const chain = mod.DefaultCredentialsProvider.builder().build();
  chain.providers = chain.providers.map((p) => {
    const fields = p as Provider & { homedir?: string; oidcTokenFilePath?: string; doRequest?: unknown };
    switch (p.getProviderName()) {
      case "credential_uri":
        fields.doRequest = boundedRequest;
        return p;
      case "cli_profile":
        // No note here: cliConfigNotes describes this file when the chain comes up empty.
        return checkedFirst(p, () => checkFile(join(fields.homedir ?? homedir(), ".aliyun", "config.json"), "~/.aliyun/config.json", false));
      case "oidc_role_arn":
        return checkedFirst(p, () => checkFile(fields.oidcTokenFilePath, "The OIDC token file (ALIBABA_CLOUD_OIDC_TOKEN_FILE)"));
      default:
        return p;
    }
  });
  return chain;
}

export interface ChainOptions {
  redactor: Redactor;
  /** Deadline of one lookup, in ms. */
  timeoutMs?: number;
  /** The CLI profile asked for (--profile), for the message when the chain finds nothing. */
  profile?: string;
  /** Where ~/.aliyun lives (os.homedir() by default). */
  home?: string;
}

export interface BoundedCredentialSource extends CredentialSource {
  /** A lookup is running, possibly one given up on: it may hold a thread, so an exit must not wait for it. */
  readonly busy: boolean;
  /**
   * Aborts the lookup in progress (its HTTP request) and waits a moment (at most `graceMs`) for it
   * to end; later calls fail. A lookup blocked in a file read may not end: see `busy`.
   */
  close(graceMs?: number): Promise<void>;
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/**
 * The official default chain, bounded (see the top of this file). The chain is built once and kept
 * while it works (it caches the provider that worked and refreshes expiring STS credentials itself);
 * after a failure it is rebuilt, since it would otherwise only ask the provider it tried last.
 */
export function defaultCredentialChain(options: ChainOptions): BoundedCredentialSource {
  const timeoutMs = options.timeoutMs ?? DEFAULT_CREDENTIALS_TIMEOUT_MS;
  const home = options.home ?? homedir();
  let chain: OfficialChain | undefined;
  let running: { promise: Promise<Credentials>; controller: AbortController; startedAt: number; abandoned: boolean; chain: OfficialChain } | undefined;
  const lifetime = new AbortController();

  async function lookUp(controller: AbortController, lookup: Lookup, official: OfficialChain): Promise<Credentials> {
    let model: ProviderCredentials;
    current = lookup;
    try {
      model = await official.getCredentials();
    } catch {
      chain = undefined;
      throw noCredentialsError([...lookup.notes, ...(await cliConfigNotes(home, options.profile))]);
    } finally {
      if (current === lookup) current = undefined;
      controller.abort(); // whatever our HTTP still holds is closed now
    }
    if (!model.accessKeyId || !model.accessKeySecret) {
      chain = undefined;
      throw noCredentialsError([...lookup.notes]);
    }
    const { accessKeyId, accessKeySecret, securityToken } = model;
    return remember({ accessKeyId, accessKeySecret, ...(securityToken ? { securityToken } : {}), providerName: model.providerName ?? "default" }, options.redactor);
  }

  function start() {
    const controller = new AbortController();
    const official = (chain ??= buildChain());
    const lookup: Lookup = { signal: controller.signal, notes: new Set() };
    const entry = { promise: lookUp(controller, lookup, official), controller, startedAt: Date.now(), abandoned: false, chain: official };
    const settled = () => {
      if (running === entry) running = undefined;
    };
    entry.promise.then(settled, settled);
    return (running = entry);
  }

  const where = (c: OfficialChain) => (c.lastUsedProvider ? `default/${c.lastUsedProvider.getProviderName()}` : "the start of the chain");

  return {
    get busy() {
      return running !== undefined;
    },
    async close(graceMs = 250) {
      lifetime.abort();
      running?.controller.abort();
      const lookup = running?.promise.catch(() => undefined);
      if (!lookup) return;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([lookup, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs).unref()))]);
      clearTimeout(timer);
    },
    async get(signal?: AbortSignal) {
      if (lifetime.signal.aborted) throw new AppError({ code: "CredentialsClosed", summary: "The server is shutting down." });
      if (running?.abandoned) {
        throw new AppError({
          code: "CredentialsTimeout",
          summary: `A credential lookup given up on ${seconds(Date.now() - running.startedAt)} ago is still stuck at ${where(running.chain)}; no new one starts until it ends.`,
          hint: "check that credential source (a credentials file on a hung network file system? a credentials URI that never answers?), then call again.",
        });
      }
      signal?.throwIfAborted();
      const entry = running ?? start();
      let timer: NodeJS.Timeout | undefined;
      let onAbort: (() => void) | undefined;
      try {
        return await Promise.race([
          entry.promise,
          new Promise<never>((_, reject) => {
            timer = setTimeout(() => {
              entry.abandoned = true;
              entry.controller.abort();
              reject(
                new AppError({
                  code: "CredentialsTimeout",
                  summary: `The credential lookup did not finish within ${seconds(timeoutMs)} (the official chain was at ${where(entry.chain)}); it was abandoned.`,
                  hint: "check that credential source (a credentials file on a hung network file system? a credentials URI that never answers?), or raise --credentials-timeout-ms, then call again.",
                }),
              );
            }, Math.max(0, entry.startedAt + timeoutMs - Date.now()));
            timer.unref();
            onAbort = () => reject(signal!.reason);
            signal?.addEventListener("abort", onAbort, { once: true });
          }),
        ]);
      } finally {
        clearTimeout(timer);
        if (onAbort) signal?.removeEventListener("abort", onAbort);
      }
    },
  };
}
