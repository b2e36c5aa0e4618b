// Who is calling and what they may do: the caller identity a shared (HTTP) server passes to
// createServer for each request. MCP-free, so use cases (a per-call Profile, cancel_ecs_task) can
// consult it. Over stdio the caller is LOCAL_USER: the person at this machine, limited only by the
// server's flags (--allow-cancel).
import { ConfigError } from "./errors.js";

/** The only destructive tool; allowed over HTTP only when a policy names it. */
export const CANCEL_TOOL = "cancel_ecs_task";

export interface Caller {
  /** The caller's identity: the token file's name, or the OIDC token's subject. Written to the audit line. */
  name: string;
  /** Tool names this caller may use; "read-only" means every tool whose kind is read (the default); "any": every tool the server offers. */
  allowedTools: "read-only" | "any" | readonly string[];
  /**
   * aliyun CLI profiles this caller may name per call. Empty: only the server's default credentials
   * (the default); "any": every profile (the local user).
   */
  allowedProfiles: readonly string[] | "any";
  /** May call cancel_ecs_task (only when the policy lists it among the tools, or the local user). */
  mayCancel: boolean;
  /** Can the server ask this caller's person (MCP elicitation)? Never over stateless HTTP. */
  canElicit?: boolean;
}

/** The stdio caller: the person at this machine, limited only by the server's flags. */
export const LOCAL_USER: Caller = { name: "local user", allowedTools: "any", allowedProfiles: "any", mayCancel: true };

/** What a caller gets when no policy names it: the read-only tools and the server's default credentials. */
export function defaultCaller(name: string): Caller {
  return { name, allowedTools: "read-only", allowedProfiles: [], mayCancel: false, canElicit: false };
}

/** True when `caller` may see and call the tool (no caller: the stdio server, everything). */
export function mayUseTool(caller: Caller | undefined, name: string, kind: "read" | "destructive"): boolean {
  if (!caller || caller.allowedTools === "any") return true;
  if (caller.allowedTools === "read-only") return kind === "read";
  if (!caller.allowedTools.includes(name)) return false;
  return name === CANCEL_TOOL ? caller.mayCancel : true;
}

/** True when `caller` may use the CLI profile `profile` (undefined: the server's default credentials). */
export function mayUseProfile(caller: Caller | undefined, profile: string | undefined): boolean {
  if (!caller || profile === undefined || caller.allowedProfiles === "any") return true;
  return caller.allowedProfiles.includes(profile);
}

/** May `caller` name the CLI profile `profile`? (The use cases' form of mayUseProfile.) */
export function allowsProfile(caller: Caller, profile: string): boolean {
  return mayUseProfile(caller, profile);
}

/** Per caller name: what the policy file grants. */
export type Policy = ReadonlyMap<string, Omit<Caller, "name">>;

const NAME = /^[A-Za-z0-9._@-]{1,128}$/;

function stringList(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string" && NAME.test(v))) {
    throw new ConfigError(`${where} must be a list of names (letters, digits, . _ @ -)`);
  }
  return value as string[];
}

/**
 * Parses a policy document: `{ "callers": { "alice": { "tools": ["describe_ecs_tasks", ...] |
 * "read-only", "profiles": ["prod"] } } }`. Unknown fields are refused, so a typo never grants less or
 * more than meant. `origin` names the file in errors.
 */
export function parsePolicy(text: string, origin: string): Policy {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new ConfigError(`${origin} is not valid JSON`);
  }
  const callers = (doc as { callers?: unknown } | null)?.callers;
  if (typeof doc !== "object" || doc === null || Object.keys(doc).some((k) => k !== "callers") || typeof callers !== "object" || callers === null) {
    throw new ConfigError(`${origin} must be {"callers": {"<name>": {"tools": [...], "profiles": [...]}}}`);
  }
  const out = new Map<string, Omit<Caller, "name">>();
  for (const [name, entry] of Object.entries(callers as Record<string, unknown>)) {
    const where = `${origin}: caller "${name}"`;
    if (!NAME.test(name)) throw new ConfigError(`${where}: the name must be letters, digits, . _ @ - (1-128)`);
    if (typeof entry !== "object" || entry === null || Object.keys(entry).some((k) => k !== "tools" && k !== "profiles")) {
      throw new ConfigError(`${where} may only have "tools" and "profiles"`);
    }
    const e = entry as { tools?: unknown; profiles?: unknown };
    const tools = e.tools === undefined || e.tools === "read-only" ? "read-only" : stringList(e.tools, `${where}: tools`);
    const profiles = e.profiles === undefined ? [] : stringList(e.profiles, `${where}: profiles`);
    // Over stateless HTTP nobody can be asked (no elicitation): cancelling needs the policy and Confirm.
    out.set(name, { allowedTools: tools, allowedProfiles: profiles, mayCancel: tools !== "read-only" && tools.includes(CANCEL_TOOL), canElicit: false });
  }
  return out;
}

/** The caller as the policy describes it, or the default when the policy does not name it. */
export function callerFrom(policy: Policy | undefined, name: string): Caller {
  const granted = policy?.get(name);
  return granted ? { name, ...granted } : defaultCaller(name);
}
