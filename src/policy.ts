// Who is calling, and what the server lets them do: the per-caller policy. Over stdio the caller is
// the local user, who may do everything the server's flags allow. An HTTP transport (another
// change) builds a Caller per request from its own policy; the use cases only read this shape.

export interface Caller {
  /** Named in audit lines, e.g. "local user" or an HTTP client's identity. */
  name: string;
  /** The aliyun CLI profiles this caller may name in Profile; "any" (the default) allows every one. */
  allowedProfiles?: readonly string[] | "any";
  /** May this caller cancel tasks (when the server runs with --allow-cancel)? */
  mayCancel: boolean;
  /** Can the server ask this caller's person (MCP elicitation)? Never over stateless HTTP. */
  canElicit?: boolean;
}

/** The stdio caller: the person at this machine, limited only by the server's flags. */
export const LOCAL_USER: Caller = { name: "local user", allowedProfiles: "any", mayCancel: true };

export function allowsProfile(caller: Caller, profile: string): boolean {
  const allowed = caller.allowedProfiles ?? "any";
  return allowed === "any" || allowed.includes(profile);
}
