// One way to declare a tool, after Playwright MCP's defineTool: a kind (read-only or destructive)
// from which every annotation follows, a contract (zod input and output), and a handler that calls
// a use case and renders its text. No tool writes annotations by hand.
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { RequestHandlerExtra } from "@modelcontextprotocol/sdk/shared/protocol.js";
import type { CallToolResult, ResourceLink, ServerNotification, ServerRequest, ToolAnnotations } from "@modelcontextprotocol/sdk/types.js";
import type { z } from "zod";
import { scopeToProfile } from "../usecases/profile-scope.js";
import type { UseCaseDeps } from "../usecases/services.js";

/** read: only Describe* calls, safe to repeat. destructive: changes something in the account. */
export type ToolKind = "read" | "destructive";

export interface ToolAnswer<T> {
  structured: T;
  /** A compact human summary that stands on its own for a model that ignores structuredContent. */
  text: string;
  /** resource_link blocks that follow the text in `content` (e.g. every row as CSV). */
  links?: ResourceLink[];
}

export interface ToolSpec<In extends z.ZodObject, Out extends z.ZodObject> {
  name: string;
  title: string;
  kind: ToolKind;
  description: string;
  input: In;
  output: Out;
  handler(args: z.infer<In>, ctx: UseCaseDeps): Promise<ToolAnswer<z.infer<Out>>>;
}

export function annotationsFor(kind: ToolKind, title: string): ToolAnnotations {
  return kind === "read"
    ? { title, readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true }
    : { title, readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true };
}

/** Wraps a call's answer or failure into the MCP result; supplied by the server. */
export type RunTool = (
  name: string,
  extra: RequestHandlerExtra<ServerRequest, ServerNotification>,
  work: (ctx: UseCaseDeps) => Promise<ToolAnswer<unknown>>,
) => Promise<CallToolResult>;

/** A declared tool, its types closed over: the registry holds these without `any`. */
export interface Tool {
  readonly name: string;
  readonly title: string;
  readonly kind: ToolKind;
  readonly description: string;
  readonly inputSchema: z.ZodObject;
  readonly outputSchema: z.ZodObject;
  readonly annotations: ToolAnnotations;
  /** The handler without MCP: validates `args` against the contract, then runs (for handler tests). */
  handle(args: unknown, ctx: UseCaseDeps): Promise<ToolAnswer<unknown>>;
  register(server: McpServer, run: RunTool): void;
}

/** Every tool's Profile argument: the call then runs with that CLI profile's client and region. */
function profileOf(args: unknown): string | undefined {
  const p = (args as { Profile?: unknown } | undefined)?.Profile;
  return typeof p === "string" ? p : undefined;
}

export function defineTool<In extends z.ZodObject, Out extends z.ZodObject>(spec: ToolSpec<In, Out>): Tool {
  // The registry erases each tool's own types; the SDK validates args against spec.input first.
  const inputSchema: z.ZodObject = spec.input;
  const outputSchema: z.ZodObject = spec.output;
  const annotations = annotationsFor(spec.kind, spec.title);
  return {
    name: spec.name,
    title: spec.title,
    kind: spec.kind,
    description: spec.description,
    inputSchema,
    outputSchema,
    annotations,
    handle: async (args, ctx) => {
      const parsed = spec.input.parse(args);
      return spec.handler(parsed, await scopeToProfile(profileOf(parsed), ctx));
    },
    register(server, run) {
      server.registerTool(
        spec.name,
        { title: spec.title, description: spec.description, inputSchema, outputSchema, annotations },
        (args, extra) => run(spec.name, extra, async (ctx) => spec.handler(args as z.infer<In>, await scopeToProfile(profileOf(args), ctx))),
      );
    },
  };
}
