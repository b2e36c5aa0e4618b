// The aliyun CLI's ~/.aliyun/config.json, read safely and described without quoting it: for the
// region (a profile's region_id) and for saying why the credential chain found nothing (a broken
// file, a profile that is not in it). Small regular files only: a FIFO or a device in its place
// would block a thread-pool read for ever, and with it the process's exit.
import { constants, promises as fs, type Stats } from "node:fs";
import { join } from "node:path";
import { jsonSyntaxError } from "../util/json-error.js";

/** Far above any real config or credentials file. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export type FileRead = { state: "missing" } | { state: "refused"; why: string } | { state: "read"; text: string };

function kindOf(st: Stats): string {
  if (st.isFIFO()) return "a FIFO";
  if (st.isDirectory()) return "a directory";
  if (st.isSocket()) return "a socket";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "a device";
  return "not a regular file";
}

/** Why `path` must not be read (not a regular file, too large), undefined when it may, "missing" when absent. */
export async function fileProblem(path: string, maxBytes = MAX_CONFIG_BYTES): Promise<string | undefined> /* "missing" when absent */ {
  let st: Stats;
  try {
    st = await fs.stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === "ENOENT" || code === "ENOTDIR" ? "missing" : `cannot be read (${code ?? "error"})`;
  }
  if (!st.isFile()) return `is not a regular file (${kindOf(st)}), so it was not read`;
  if (st.size > maxBytes) return `is larger than ${maxBytes} bytes, so it was not read`;
  return undefined;
}

/** A small regular file's text; never opens a FIFO or a device, never reads past `maxBytes`. */
export async function readSmallFile(path: string, maxBytes = MAX_CONFIG_BYTES): Promise<FileRead> {
  const problem = await fileProblem(path, maxBytes);
  if (problem === "missing") return { state: "missing" };
  if (problem) return { state: "refused", why: problem };
  // O_NONBLOCK: should the file be swapped for a FIFO after the check, the open still returns at once.
  const handle = await fs.open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)).catch(() => undefined);
  if (!handle) return { state: "refused", why: "cannot be opened" };
  try {
    const buffer = Buffer.alloc(maxBytes + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > maxBytes) return { state: "refused", why: `is larger than ${maxBytes} bytes, so it was not read` };
    return { state: "read", text: buffer.toString("utf8", 0, bytesRead) };
  } catch (err) {
    return { state: "refused", why: `cannot be read (${(err as NodeJS.ErrnoException).code ?? "error"})` };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

export interface CliProfile {
  name?: unknown;
  region_id?: unknown;
}

export type CliConfig = { state: "missing" } | { state: "broken"; why: string } | { state: "ok"; current?: string; profiles: CliProfile[] };

export const cliConfigPath = (home: string) => join(home, ".aliyun", "config.json");

/** The CLI config, or what is wrong with it (never quoting it: it holds secrets). */
export async function readCliConfig(home: string): Promise<CliConfig> {
  const file = await readSmallFile(cliConfigPath(home));
  if (file.state === "missing") return file;
  if (file.state === "refused") return { state: "broken", why: file.why };
  let parsed: unknown;
  try {
    parsed = JSON.parse(file.text);
  } catch {
    const at = jsonSyntaxError(file.text);
    return { state: "broken", why: at ? `it is not valid JSON: ${at.what} at line ${at.line}, column ${at.column}` : "it is not valid JSON" };
  }
  const profiles = (parsed as { profiles?: unknown } | null)?.profiles;
  if (!Array.isArray(profiles)) return { state: "broken", why: 'it has no "profiles" list' };
  const current = (parsed as { current?: unknown }).current;
  return { state: "ok", profiles: profiles.filter((p): p is CliProfile => typeof p === "object" && p !== null), ...(typeof current === "string" ? { current } : {}) };
}

/**
 * What the CLI config says about why the chain found no credentials in it: the file is broken (where
 * and what), or the profile asked for is not in it (and which there are). Empty when nothing is amiss.
 */
export async function cliConfigNotes(home: string, profile: string | undefined): Promise<string[]> {
  const where = `~/.aliyun/config.json (${cliConfigPath(home)})`;
  const config = await readCliConfig(home);
  if (config.state === "missing") {
    return profile ? [`The CLI profile "${profile}" was asked for (--profile / ALIBABA_CLOUD_PROFILE), but there is no ${where}.`] : [];
  }
  if (config.state === "broken") {
    return [`${where} is broken: ${config.why}. Its profiles cannot be used; fix the file, or run \`aliyun configure\` again.`];
  }
  const names = config.profiles.map((p) => p.name).filter((n): n is string => typeof n === "string" && n !== "");
  const wanted = profile ?? config.current;
  if (wanted === undefined || names.includes(wanted)) return [];
  const asked = profile ? "asked for with --profile / ALIBABA_CLOUD_PROFILE" : 'named as "current"';
  return [`The CLI profile "${wanted}" (${asked}) is not in ${where}; the profiles there: ${names.length ? names.join(", ") : "none"}.`];
}
